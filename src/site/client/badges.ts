/**
 * The badges on a card: what is wrong with an entry's repository. Pure (no
 * DOM), so Node tests can check them; cards.ts renders them.
 */

import type { SiteProject } from "./data.js";

export interface Badge {
  kind: "archived" | "moved" | "missing" | "stale";
  label: string;
  title: string;
}

/** What is wrong with an entry's repository, as far as the last GitHub lookup knows. */
export function projectBadges(p: SiteProject): Badge[] {
  const badges: Badge[] = [];
  if (p.archived) {
    badges.push({ kind: "archived", label: "archived", title: "The repository is archived" });
  }
  if (p.status === "moved") {
    const to = p.movedTo === null ? "" : ` to ${p.movedTo}`;
    badges.push({ kind: "moved", label: "moved", title: `The repository moved${to}` });
  } else if (p.status === "missing") {
    badges.push({
      kind: "missing",
      label: "missing",
      title: "GitHub does not find the repository (deleted, made private, or misspelt)",
    });
  } else if (p.status === "stale") {
    badges.push({
      kind: "stale",
      label: "stale",
      title: "The last GitHub refresh failed; figures are from an earlier one",
    });
  }
  return badges;
}

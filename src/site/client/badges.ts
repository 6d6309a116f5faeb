/**
 * The marks on a card, a row and the detail view: maintenance (archived,
 * inactive, or what a curator said), what is wrong with the repository, and
 * data that is more than a week old. Pure (no DOM), so Node tests check them;
 * the views render them.
 */

import { formatDay } from "../../core/format.js";
import type { Maintenance } from "../../core/model.js";
import type { SiteProject } from "./data.js";
import { oldData } from "./freshness.js";

export type BadgeKind =
  | "archived"
  | "inactive"
  | "deprecated"
  | "feature-complete"
  | "moved"
  | "missing"
  | "stale"
  | "old";

export interface Badge {
  kind: BadgeKind;
  label: string;
  title: string;
}

/** The curator's reason, shown instead of the maintenance mark; null when there is none. */
export function curatorNote(p: SiteProject): string | null {
  const m = p.maintenance;
  return m !== null && m.source === "curator" && m.note !== null && m.note !== "" ? m.note : null;
}

/** The entry's maintenance status: its mark, else "archived" from GitHub (older directories), else null. */
export function maintenanceStatus(p: SiteProject): Maintenance["status"] | null {
  if (p.maintenance !== null) return p.maintenance.status;
  return p.archived ? "archived" : null;
}

function maintenanceBadge(p: SiteProject): Badge | null {
  const m = p.maintenance;
  if (curatorNote(p) !== null) return null; // the note is shown instead
  const status = maintenanceStatus(p);
  if (status === null || status === "active") return null;
  if (m?.source === "curator") {
    return { kind: status, label: status, title: `Marked ${status} by a curator` };
  }
  if (status === "archived") {
    return { kind: "archived", label: "archived", title: "The repository is archived" };
  }
  const pushed = formatDay(p.pushedAt);
  const since = pushed === null ? "" : ` since ${pushed}`;
  return { kind: "inactive", label: "inactive", title: `No push${since}` };
}

function statusBadge(p: SiteProject): Badge | null {
  if (p.status === "moved") {
    const to = p.movedTo === null ? "" : ` to ${p.movedTo}`;
    return { kind: "moved", label: "moved", title: `The repository moved${to}` };
  }
  if (p.status === "missing") {
    return {
      kind: "missing",
      label: "missing",
      title: "GitHub does not find the repository (deleted, made private, or misspelt)",
    };
  }
  if (p.status === "stale") {
    return {
      kind: "stale",
      label: "stale",
      title: "The last GitHub refresh failed; figures are from an earlier one",
    };
  }
  return null;
}

/**
 * Every badge of an entry: maintenance, then the last lookup's outcome, then
 * data age (against `now`, ms since the epoch) when it is over a week.
 */
export function projectBadges(p: SiteProject, refreshedAt: string | null, now: number): Badge[] {
  const badges = [maintenanceBadge(p), statusBadge(p)].filter((b): b is Badge => b !== null);
  const old = oldData(p, refreshedAt, now);
  if (old !== null) {
    badges.push({
      kind: "old",
      label: `data ${old.days} days old`,
      title: `GitHub data from ${formatDay(old.at) ?? old.at}`,
    });
  }
  return badges;
}

/**
 * Builds one project card. Untrusted text only ever goes in through
 * `textContent`, attribute values through `setAttribute`/`dataset`, and links
 * only through `safeHttps`: never as parsed markup.
 */

import { formatCount, formatDay, formatGain, safeHttps } from "../../core/format.js";
import type { SiteProject } from "./data.js";

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = "",
  text = "",
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== "") node.className = className;
  if (text !== "") node.textContent = text;
  return node;
}

/** A link when the URL is https, else the bare text (a hostile URL renders no link at all). */
function linkOrText(url: string | null, text: string, className = ""): HTMLElement {
  const href = safeHttps(url);
  if (href === null) return el("span", className, text);
  const a = el("a", className, text);
  a.href = href;
  return a;
}

/** A visually hidden prefix, so "★ 1.2k" reads as "Stars: 1.2k" to a screen reader. */
function fact(label: string, text: string, title = ""): HTMLLIElement {
  const li = el("li", "fact");
  li.append(el("span", "sr-only", `${label}: `), text);
  if (title !== "") li.title = title;
  return li;
}

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

function facts(p: SiteProject): HTMLUListElement {
  const list = el("ul", "facts");
  if (p.stars !== null) {
    list.append(
      fact("Stars", `★ ${formatCount(p.stars)}`, `${p.stars.toLocaleString("en")} stars`),
    );
  }
  const gains: string[] = [];
  if (p.stars7d !== null) gains.push(`${formatGain(p.stars7d)} 7d`);
  if (p.stars30d !== null) gains.push(`${formatGain(p.stars30d)} 30d`);
  if (gains.length > 0) list.append(fact("Star gain", gains.join(" · ")));
  if (p.license !== null) list.append(fact("License", p.license));
  if (p.language !== null) list.append(fact("Language", p.language));
  if (p.release !== null) {
    const li = fact("Latest release", "");
    li.append(linkOrText(p.release.url, p.release.tag));
    const day = formatDay(p.release.publishedAt);
    if (day !== null) li.title = `Released ${day}`;
    list.append(li);
  }
  const pushed = formatDay(p.pushedAt);
  if (pushed !== null) list.append(fact("Last push", `pushed ${pushed}`));
  return list;
}

function chip(kind: "tag" | "category", value: string, text: string): HTMLLIElement {
  const li = el("li");
  const button = el("button", `chip chip-${kind}`, text);
  button.type = "button";
  button.dataset[kind] = value;
  // Say "tag rust", not "tag hash rust"; a category is named by its display name.
  button.setAttribute("aria-label", `Show only ${kind} ${kind === "tag" ? value : text}`);
  li.append(button);
  return li;
}

export function renderCard(p: SiteProject, categoryName: string): HTMLLIElement {
  const card = el("li", "card");
  const article = el("article");
  const head = el("div", "card-head");
  const title = el("h2", "card-title");
  title.append(linkOrText(p.homepage ?? p.repoUrl, p.name));
  head.append(title);
  for (const b of projectBadges(p)) {
    const badge = el("span", `badge badge-${b.kind}`, b.label);
    badge.title = b.title;
    head.append(badge);
  }
  const tagline = p.description ?? "No description.";
  article.append(head, el("p", p.description === null ? "tagline none" : "tagline", tagline));
  article.append(facts(p));

  const chips = el("ul", "chips");
  chips.append(chip("category", p.category, categoryName));
  for (const tag of p.tags) chips.append(chip("tag", tag, `#${tag}`));
  article.append(chips);

  const links = el("p", "links");
  for (const [url, text] of [
    [p.homepage, "Homepage"],
    [p.repoUrl, "Repository"],
  ] as const) {
    if (safeHttps(url) !== null) links.append(linkOrText(url, text));
  }
  if (links.childElementCount > 0) article.append(links);
  card.append(article);
  return card;
}

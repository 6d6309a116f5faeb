/**
 * One project card: logo, name (a link to its detail view), marks, star
 * sparkline, tagline (clamped to three lines by the stylesheet), facts,
 * category and tag chips, links.
 */

import { formatCompactCount, formatDay, formatGain, safeHttps } from "../../core/format.js";
import { curatorNote, projectBadges } from "./badges.js";
import type { PageContext, SiteProject } from "./data.js";
import { badgeEl, detailLink, el, fact, linkOrText, starsTitle } from "./dom.js";
import { logo } from "./logo.js";
import { sparkline } from "./sparkline.js";

/** Stars and star gains, under the name. */
function starFacts(p: SiteProject): HTMLUListElement {
  const list = el("ul", "facts");
  if (p.stars !== null) {
    list.append(fact("Stars", `★ ${formatCompactCount(p.stars)}`, starsTitle(p.stars)));
  }
  const gains: string[] = [];
  if (p.stars7d !== null) gains.push(`${formatGain(p.stars7d)} 7d`);
  if (p.stars30d !== null) gains.push(`${formatGain(p.stars30d)} 30d`);
  if (gains.length > 0) list.append(fact("Star gain", gains.join(" · ")));
  return list;
}

/** Licence, language, latest release and last push, under the tagline. */
function facts(p: SiteProject): HTMLUListElement {
  const list = el("ul", "facts");
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

/** Chips shown on a card at most: the rest are on the detail view, so every card keeps one row of them. */
const MAX_CHIPS = 4;

function chips(p: SiteProject, ctx: PageContext): HTMLUListElement {
  const list = el("ul", "chips");
  const shown = p.categories.slice(0, MAX_CHIPS);
  for (const id of shown) list.append(chip("category", id, ctx.categoryName(id)));
  for (const tag of p.tags.slice(0, MAX_CHIPS - shown.length))
    list.append(chip("tag", tag, `#${tag}`));
  const rest = p.categories.length + p.tags.length - MAX_CHIPS;
  if (rest > 0) {
    const li = el("li");
    const more = detailLink(p.slug, `+${rest}`, "chip chip-more");
    more.setAttribute("aria-label", `${rest} more: ${p.name} in detail`);
    li.append(more);
    list.append(li);
  }
  return list;
}

/** The curator's reason, shown instead of a maintenance mark. */
export function noteEl(note: string): HTMLParagraphElement {
  const p = el("p", "note");
  p.append(el("span", "note-label", "Curator’s note: "), note);
  return p;
}

function head(p: SiteProject, ctx: PageContext): HTMLDivElement {
  const head = el("div", "card-head");
  const title = el("h2", "card-title");
  title.append(detailLink(p.slug, p.name));
  const names = el("div", "card-names");
  names.append(title);
  for (const b of projectBadges(p, ctx.data.refreshedAt, ctx.now)) names.append(badgeEl(b));
  const id = el("div", "card-id");
  id.append(names, starFacts(p));
  head.append(logo(p, 40), id);
  const spark = sparkline(p, ctx.days);
  if (spark !== null) head.append(spark);
  return head;
}

/** A project's card. */
export function renderCard(p: SiteProject, ctx: PageContext): HTMLLIElement {
  const card = el("li", "card");
  const article = el("article");
  article.append(head(p, ctx));
  const note = curatorNote(p);
  if (note !== null) article.append(noteEl(note));
  const tagline = p.description ?? "No description.";
  article.append(el("p", p.description === null ? "tagline none" : "tagline", tagline));
  article.append(facts(p));

  const foot = el("div", "card-foot");
  foot.append(chips(p, ctx));

  const links = el("p", "links");
  for (const [url, text] of [
    [p.homepage, "Homepage"],
    [p.repoUrl, "Repository"],
  ] as const) {
    if (safeHttps(url) !== null) links.append(linkOrText(url, text));
  }
  if (links.childElementCount > 0) foot.append(links);
  article.append(foot);
  card.append(article);
  return card;
}

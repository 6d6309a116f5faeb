/**
 * The compact list: one table row per project (logo, name and marks, stars,
 * 30-day star gain, language, licence, last push), for scanning thousands.
 */
import { formatCompactCount, formatDay, formatGain } from "../../core/format.js";
import { curatorNote, projectBadges } from "./badges.js";
import type { PageContext, SiteProject } from "./data.js";
import { badgeEl, detailLink, el, starsTitle } from "./dom.js";
import { logo } from "./logo.js";

/** The column headings, in order (the first is the row's header cell). */
export const DENSE_COLUMNS = [
  "Project",
  "Stars",
  "30 days",
  "Language",
  "Licence",
  "Last push",
] as const;

function cell(text: string | null, className = ""): HTMLTableCellElement {
  const td = el("td", className, text ?? "–");
  return td;
}

/** A project's row. */
export function renderRow(p: SiteProject, ctx: PageContext): HTMLTableRowElement {
  const row = el("tr");
  const name = el("th", "row-name");
  name.scope = "row";
  name.append(logo(p, 24), detailLink(p.slug, p.name));
  for (const b of projectBadges(p, ctx.data.refreshedAt, ctx.now)) name.append(" ", badgeEl(b));
  const note = curatorNote(p);
  if (note !== null) name.append(" ", el("span", "badge badge-note", note));
  const stars = cell(p.stars === null ? null : formatCompactCount(p.stars), "num");
  stars.title = starsTitle(p.stars);
  row.append(
    name,
    stars,
    cell(p.stars30d === null ? null : formatGain(p.stars30d), "num"),
    cell(p.language, "opt"),
    cell(p.license, "opt"),
    cell(formatDay(p.pushedAt), "opt"),
  );
  return row;
}

/** The table's head row. */
export function denseHead(): HTMLTableRowElement {
  const row = el("tr");
  for (const [i, text] of DENSE_COLUMNS.entries()) {
    const th = el("th", i === 1 || i === 2 ? "num" : i > 2 ? "opt" : "", text);
    th.scope = "col";
    row.append(th);
  }
  return row;
}

/**
 * One project's page (`#/p/<slug>`): every field the directory has for it,
 * its star-history chart, its marks or the curator's note, and when its
 * GitHub data was fetched and checked.
 */
import { formatCount, formatDay, formatGain } from "../../core/format.js";
import { curatorNote, maintenanceStatus, projectBadges } from "./badges.js";
import { noteEl } from "./cards.js";
import type { PageContext, SiteProject } from "./data.js";
import { badgeEl, el, linkOrText } from "./dom.js";
import { dataTime, daysSince, OLD_AFTER_DAYS } from "./freshness.js";
import { starChart } from "./history-chart.js";
import { logo } from "./logo.js";
import { decodeHistory } from "./star-path.js";
import { DEFAULT_STATE, serializeState } from "./state.js";

type Value = string | Node | null;

/** "2026-11-20 03:23 UTC", or the text as is when it is not an ISO time. */
export function formatTime(iso: string | null): string | null {
  if (iso === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : formatDay(iso);
}

function filterLinks(key: "category" | "tag", values: string[], text: (v: string) => string) {
  const span = el("span", "inline-list");
  values.forEach((v, i) => {
    if (i > 0) span.append(", ");
    const a = el("a", "", text(v));
    a.href = serializeState({ ...DEFAULT_STATE, [key]: v }) || "#";
    span.append(a);
  });
  return values.length === 0 ? null : span;
}

const GITHUB_STATUS = {
  ok: "found on GitHub by the last refresh",
  moved: "moved: GitHub redirects to a new name",
  missing: "missing: GitHub does not find the repository",
  stale: "stale: the last refresh could not reach it; the figures are from an earlier one",
} as const;

function maintenanceText(p: SiteProject): string | null {
  const status = maintenanceStatus(p);
  if (status === null) return null;
  const m = p.maintenance;
  if (m === null) return `${status} (on GitHub)`;
  return m.source === "curator" ? `${status} (set by a curator)` : `${status} (from GitHub)`;
}

function dataAge(p: SiteProject, ctx: PageContext): string | null {
  const at = dataTime(p, ctx.data.refreshedAt);
  const days = daysSince(at, ctx.now);
  if (at === null || days === null) return null;
  const old = days > OLD_AFTER_DAYS ? " (more than a week old)" : "";
  return `as of ${formatTime(at)}: ${days === 1 ? "1 day" : `${days} days`} old${old}`;
}

function releaseValue(p: SiteProject): Node | null {
  if (p.release === null) return null;
  const span = el("span");
  span.append(linkOrText(p.release.url, p.release.tag));
  const day = formatDay(p.release.publishedAt);
  if (day !== null) span.append(` (${day})`);
  return span;
}

/** The facts as label → value pairs, in display order (null values are left out). */
function fields(p: SiteProject, ctx: PageContext): Array<[string, Value]> {
  const count = (n: number | null) => (n === null ? null : formatCount(n));
  const gain = (n: number | null) => (n === null ? null : formatGain(n));
  return [
    ["Categories", filterLinks("category", p.categories, ctx.categoryName)],
    ["Tags", filterLinks("tag", p.tags, (t) => `#${t}`)],
    ["Topics", p.topics.length === 0 ? null : p.topics.join(", ")],
    ["Stars", count(p.stars)],
    ["Star gain, 7 days", gain(p.stars7d)],
    ["Star gain, 30 days", gain(p.stars30d)],
    ["Forks", count(p.forks)],
    ["Open issues", count(p.openIssues)],
    ["Licence", p.license],
    ["Language", p.language],
    ["Latest release", releaseValue(p)],
    ["Created", formatDay(p.createdAt)],
    ["Last push", formatDay(p.pushedAt)],
    ["Homepage", p.homepage === null ? null : linkOrText(p.homepage, p.homepage)],
    ["Repository", p.repoUrl === null ? null : linkOrText(p.repoUrl, p.repo ?? p.repoUrl)],
    ["Maintenance", maintenanceText(p)],
    ["Curator’s note", curatorNote(p)],
    ["GitHub status", p.status === null ? "not looked up yet" : GITHUB_STATUS[p.status]],
    ["Moved to", p.movedTo],
    ["Data", dataAge(p, ctx)],
    ["Last fetched", formatTime(p.fetchedAt)],
    ["Last checked", formatTime(p.checkedAt)],
  ];
}

function fieldList(p: SiteProject, ctx: PageContext): HTMLDListElement {
  const dl = el("dl", "fields");
  for (const [label, value] of fields(p, ctx)) {
    if (value === null) continue;
    const dd = el("dd");
    dd.append(value);
    dl.append(el("dt", "", label), dd);
  }
  return dl;
}

/**
 * The detail view of `p` (null: no project has that address), with a link
 * back to `backHash`; its chart is `width` pixels wide.
 */
export function renderDetail(
  p: SiteProject | null,
  ctx: PageContext,
  backHash: string,
  width: number,
): DocumentFragment {
  const out = document.createDocumentFragment();
  const back = el("a", "back", "← All projects");
  back.href = backHash || "#";
  const backLine = el("p");
  backLine.append(back);
  out.append(backLine);
  const title = el("h2", "detail-title", p === null ? "No such project" : p.name);
  title.id = "detail-title";
  title.tabIndex = -1;
  if (p === null) {
    out.append(
      title,
      el("p", "", "No project has this address; it may have been renamed or removed."),
    );
    return out;
  }
  const head = el("div", "detail-head");
  head.append(logo(p, 64), title);
  for (const b of projectBadges(p, ctx.data.refreshedAt, ctx.now)) head.append(badgeEl(b));
  out.append(head);
  const note = curatorNote(p);
  if (note !== null) out.append(noteEl(note));
  out.append(el("p", "detail-tagline", p.description ?? "No description."));
  const chart = starChart(decodeHistory(p.history), ctx.days, ctx.data, width);
  if (chart !== null) out.append(chart);
  out.append(fieldList(p, ctx));
  return out;
}

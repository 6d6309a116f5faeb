/**
 * The page script: reads the embedded directory, fills the menus, wires the
 * search, filter, sort and layout controls (their state kept in the URL
 * hash), and routes between the list, a project's detail and the stats.
 */

import { renderCard } from "./cards.js";
import type { SiteData, SiteProject } from "./data.js";
import { denseHead, renderRow } from "./dense.js";
import { summaryText } from "./header.js";
import { byId, type Controls, createView, findControls, type View } from "./list-view.js";
import { createPages } from "./pages.js";
import { pageContext, showPreview } from "./preview.js";
import { resultList } from "./results.js";
import { buildIndex, hasActivity, prepareSearch } from "./select.js";
import {
  ACTIVITIES,
  DEFAULT_STATE,
  normalizeState,
  parseRoute,
  parseState,
  serializeState,
  type ViewState,
} from "./state.js";
import { decodeSiteData, type WireData } from "./wire.js";

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

function countBy(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/**
 * Menus list only categories, tags and activities that have projects, with
 * how many. Returns the categories and tags a URL may select.
 */
function fillMenus(data: SiteData, c: Controls): { categories: Set<string>; tags: Set<string> } {
  // A project in several categories counts in each menu entry, once in the total.
  const perCategory = countBy(data.projects.flatMap((p) => p.categories));
  for (const cat of data.categories) {
    const n = perCategory.get(cat.id);
    if (n !== undefined) c.category.append(option(cat.id, `${cat.name} (${n})`));
  }
  const perTag = countBy(data.projects.flatMap((p) => p.tags));
  const tagOrder = new Intl.Collator("en");
  for (const t of [...perTag.keys()].sort(tagOrder.compare)) {
    c.tag.append(option(t, `${t} (${perTag.get(t) ?? 0})`));
  }
  for (const a of ACTIVITIES) {
    const n = data.projects.filter((p) => hasActivity(p, a.key)).length;
    c.activity.append(option(a.key, `${a.label} (${n})`));
  }
  return { categories: new Set(perCategory.keys()), tags: new Set(perTag.keys()) };
}

/** Search box, menus, reset, chips on the cards, and the "/" shortcut. */
function wireControls(c: Controls, view: View): void {
  c.search.addEventListener("input", () => view.type(c.search.value));
  for (const [key, select] of [
    ["category", c.category],
    ["tag", c.tag],
    ["activity", c.activity],
    ["sort", c.sort],
    ["view", c.view],
  ] as const) {
    select.addEventListener("change", () =>
      view.push({ ...view.state, [key]: select.value } as ViewState),
    );
  }
  byId("reset").addEventListener("click", () => {
    view.push({ ...DEFAULT_STATE, view: view.state.view });
    c.search.focus();
  });
  byId("controls").addEventListener("submit", (event) => event.preventDefault());

  // A chip on a card filters by its tag or category, then focuses that menu so
  // keyboard users keep their place (the clicked card may be re-rendered).
  c.list.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const chip = target?.closest<HTMLButtonElement>("button[data-tag], button[data-category]");
    if (!chip) return;
    const { tag: t, category: cat } = chip.dataset;
    if (t !== undefined) view.push({ ...view.state, tag: t });
    if (cat !== undefined) view.push({ ...view.state, category: cat });
    (t !== undefined ? c.tag : c.category).focus();
  });

  // "/" jumps to the search box, as on many sites.
  document.addEventListener("keydown", (event) => {
    const inField =
      event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    const listShown = !byId("list-page").hidden;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (event.key === "/" && !inField && plain && listShown) {
      event.preventDefault();
      c.search.focus();
    }
  });
}

/** The directory from its block: base64 of gzipped JSON (see site/build/html.ts), unpacked by the browser. */
async function readData(): Promise<WireData> {
  const text = byId("cooltech-data").textContent ?? "";
  const binary = atob(text.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return JSON.parse(await new Response(stream).text()) as WireData;
}

/** The page cannot read its data (no DecompressionStream): say so, and where the data is. */
function unreadable(error: unknown): void {
  const count = byId("count");
  count.textContent = `This browser cannot read the page's data (${String(error)}). The whole directory is in directory.json.`;
}

/** The whole page, once the whole directory is there; `built` are the preview's cards. */
function start(now: number, built: ReadonlyMap<number, HTMLElement>, wire: WireData): void {
  const data = decodeSiteData(wire);
  const ctx = pageContext(data, now);
  const index = buildIndex(data.projects);
  const c = findControls();
  const known = fillMenus(data, c);
  // The page comes with this line (without the data's age): rewrite it only if it changed.
  const summary = byId("summary");
  const text = summaryText(data, known.categories.size, now);
  if (summary.textContent !== text) summary.textContent = text;
  c.table.tHead?.append(denseHead());
  const urlState = (): ViewState =>
    normalizeState(parseState(location.hash), known.categories, known.tags);
  const view = createView(c, index, urlState, {
    cards: resultList(c.list, c.more, (e) => renderCard(e.project, ctx), built),
    rows: resultList(c.rows, c.more, (e) => renderRow(e.project, ctx)),
  });
  wireControls(c, view);
  const bySlug = new Map<string, SiteProject>(data.projects.map((p) => [p.slug, p]));
  const pages = createPages(ctx, bySlug, () => serializeState(view.state));
  const onUrl = (): void => {
    const route = parseRoute(location.hash);
    if (route.page === "list") view.fromUrl();
    pages.show(route, false);
  };
  window.addEventListener("popstate", onUrl);
  window.addEventListener("hashchange", onUrl);
  pages.show(parseRoute(location.hash), true);
  if (built.size === 0) performance.mark("cooltech:first-render");
  performance.mark("cooltech:ready");
  prepareSearch(index, (next) => setTimeout(next, 0));
}

/**
 * The script runs before the whole directory has arrived (it sits between the
 * preview and the directory, see preview.ts): draw the preview now, the rest
 * once the document is read.
 */
function main(): void {
  const now = Date.now();
  const built = showPreview(byId("results"), now);
  if (built.size > 0) performance.mark("cooltech:first-render");
  const go = () =>
    readData().then(
      (wire) => start(now, built, wire),
      (error: unknown) => unreadable(error),
    );
  // The script sits before the directory's block (see preview.ts): wait for the document.
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", go, { once: true });
  else go();
}

main();

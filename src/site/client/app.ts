/**
 * The page script: reads the embedded directory, wires the search, filter and
 * sort controls, keeps their state in the URL hash, and renders cards.
 *
 * The result list itself (cards cached, shown in batches) is in results.ts.
 */

import type { SiteData } from "./data.js";
import { summaryText } from "./header.js";
import { countText, resultList } from "./results.js";
import {
  buildIndex,
  DEFAULT_STATE,
  type Indexed,
  normalizeState,
  parseState,
  sameState,
  selectProjects,
  serializeState,
  type ViewState,
} from "./state.js";

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`cooltech: the page has no #${id}`);
  return node as T;
}

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

/** The page's controls and result list, found once by id. */
interface Controls {
  search: HTMLInputElement;
  category: HTMLSelectElement;
  tag: HTMLSelectElement;
  sort: HTMLSelectElement;
  count: HTMLElement;
  list: HTMLUListElement;
  more: HTMLButtonElement;
}

function findControls(): Controls {
  return {
    search: byId<HTMLInputElement>("q"),
    category: byId<HTMLSelectElement>("category"),
    tag: byId<HTMLSelectElement>("tag"),
    sort: byId<HTMLSelectElement>("sort"),
    count: byId("count"),
    list: byId<HTMLUListElement>("results"),
    more: byId<HTMLButtonElement>("more"),
  };
}

/**
 * Menus list only categories and tags that have projects, with how many; the
 * summary line says how many projects and categories in all. Returns the
 * categories and tags a URL may select.
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
  byId("summary").textContent = summaryText(data, perCategory.size);
  return { categories: new Set(perCategory.keys()), tags: new Set(perTag.keys()) };
}

/** The view's state, kept in the URL hash and shown in the controls and the list. */
interface View {
  readonly state: ViewState;
  /** A change that gets its own history entry (menus, chips, reset). */
  push(next: ViewState): void;
  /** The search box changed: the first letter pushes a history entry, the rest replace it. */
  type(q: string): void;
  /** The URL changed (back/forward, an edited hash). */
  fromUrl(): void;
}

function createView(
  c: Controls,
  index: Indexed[],
  urlState: () => ViewState,
  show: (results: Indexed[]) => void,
): View {
  let state = DEFAULT_STATE;
  // Typing pushes one history entry, then replaces it: Back undoes a whole search, not a letter.
  let typing = false;

  const render = (): void => {
    const results = selectProjects(index, state);
    show(results);
    c.count.textContent = countText(results.length, index.length);
  };
  const syncControls = (): void => {
    // Leave the search box alone when it already says this, so the caret does not jump.
    if (c.search.value !== state.q) c.search.value = state.q;
    c.category.value = state.category;
    c.tag.value = state.tag;
    c.sort.value = state.sort;
  };
  const go = (next: ViewState, mode: "push" | "replace"): void => {
    if (sameState(next, state)) return;
    state = next;
    const url = serializeState(state) || location.pathname + location.search;
    if (mode === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    syncControls();
    render();
  };

  state = urlState();
  syncControls();
  render();
  return {
    get state() {
      return state;
    },
    push(next) {
      typing = false;
      go(next, "push");
    },
    type(q) {
      go({ ...state, q }, typing ? "replace" : "push");
      typing = true;
    },
    // Both popstate and hashchange may fire for one change; sameState makes the second a no-op.
    fromUrl() {
      const next = urlState();
      typing = false;
      if (sameState(next, state)) return;
      state = next;
      syncControls();
      render();
    },
  };
}

/** Search box, menus, reset, chips on the cards, and the "/" shortcut. */
function wireControls(c: Controls, view: View): void {
  c.search.addEventListener("input", () => view.type(c.search.value));
  for (const [key, select] of [
    ["category", c.category],
    ["tag", c.tag],
    ["sort", c.sort],
  ] as const) {
    select.addEventListener("change", () =>
      view.push({ ...view.state, [key]: select.value } as ViewState),
    );
  }
  byId("reset").addEventListener("click", () => {
    view.push(DEFAULT_STATE);
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
    if (event.key === "/" && !inField && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      c.search.focus();
    }
  });
}

function main(): void {
  const data = JSON.parse(byId("cooltech-data").textContent ?? "") as SiteData;
  const index = buildIndex(data.projects);
  const names = new Map(data.categories.map((cat) => [cat.id, cat.name]));
  const c = findControls();
  const known = fillMenus(data, c);
  const urlState = (): ViewState =>
    normalizeState(parseState(location.hash), known.categories, known.tags);
  const view = createView(c, index, urlState, resultList(c.list, c.more, names));
  wireControls(c, view);
  window.addEventListener("popstate", () => view.fromUrl());
  window.addEventListener("hashchange", () => view.fromUrl());
  performance.mark("cooltech:first-render");
}

main();

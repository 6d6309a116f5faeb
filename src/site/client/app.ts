/**
 * The page script: reads the embedded directory, wires the search, filter and
 * sort controls, keeps their state in the URL hash, and renders cards.
 *
 * Cards are built once per project and cached, and only the first batch is
 * rendered at once; more follow as the list scrolls into view (or on "Show
 * more"), so first render stays fast for thousands of projects.
 */

import { plural } from "../../core/format.js";
import { renderCard } from "./cards.js";
import type { SiteData } from "./data.js";
import { summaryText } from "./header.js";
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

const FIRST_BATCH = 48;
const BATCH = 96;

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

function main(): void {
  const data = JSON.parse(byId("cooltech-data").textContent ?? "") as SiteData;
  const index = buildIndex(data.projects);
  const names = new Map(data.categories.map((c) => [c.id, c.name]));
  const search = byId<HTMLInputElement>("q");
  const category = byId<HTMLSelectElement>("category");
  const tag = byId<HTMLSelectElement>("tag");
  const sort = byId<HTMLSelectElement>("sort");
  const count = byId("count");
  const list = byId<HTMLUListElement>("results");
  const more = byId<HTMLButtonElement>("more");

  // Menus list only categories and tags that have projects, with how many.
  // A project in several categories counts in each menu entry, once in the total.
  const perCategory = countBy(data.projects.flatMap((p) => p.categories));
  for (const c of data.categories) {
    const n = perCategory.get(c.id);
    if (n !== undefined) category.append(option(c.id, `${c.name} (${n})`));
  }
  const perTag = countBy(data.projects.flatMap((p) => p.tags));
  const collator = new Intl.Collator("en");
  for (const t of [...perTag.keys()].sort(collator.compare)) {
    tag.append(option(t, `${t} (${perTag.get(t) ?? 0})`));
  }
  byId("summary").textContent = summaryText(data, perCategory.size);

  const cards = new Map<number, HTMLLIElement>();
  let results: Indexed[] = [];
  let shown = 0;
  let state = DEFAULT_STATE;
  // Typing pushes one history entry, then replaces it: Back undoes a whole search, not a letter.
  let typing = false;

  const cardFor = (e: Indexed): HTMLLIElement => {
    let card = cards.get(e.order);
    if (card === undefined) {
      card = renderCard(e.project, (id) => names.get(id) ?? id);
      cards.set(e.order, card);
    }
    return card;
  };

  // Loads the next batch when "Show more" comes near the viewport.
  const observer =
    typeof IntersectionObserver === "function"
      ? new IntersectionObserver(
          (entries) => {
            if (entries.some((e) => e.isIntersecting)) showMore(BATCH);
          },
          { rootMargin: "800px" },
        )
      : undefined;

  const showMore = (n: number): void => {
    const end = Math.min(results.length, shown + n);
    const fragment = document.createDocumentFragment();
    for (const e of results.slice(shown, end)) fragment.append(cardFor(e));
    list.append(fragment);
    shown = end;
    more.hidden = shown >= results.length;
    more.textContent = `Show more (${results.length - shown} more)`;
    // Re-observing makes the observer report again if the button is still in view.
    observer?.unobserve(more);
    if (!more.hidden) observer?.observe(more);
  };

  const render = (): void => {
    results = selectProjects(index, state);
    shown = 0;
    list.replaceChildren();
    showMore(FIRST_BATCH);
    const total = index.length;
    count.textContent =
      results.length === 0
        ? "No projects match."
        : results.length === total
          ? plural(total, "project")
          : `${results.length} of ${plural(total, "project")}`;
  };

  const syncControls = (): void => {
    // Leave the search box alone when it already says this, so the caret does not jump.
    if (search.value !== state.q) search.value = state.q;
    category.value = state.category;
    tag.value = state.tag;
    sort.value = state.sort;
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

  const fromUrl = (): ViewState =>
    normalizeState(parseState(location.hash), new Set(perCategory.keys()), new Set(perTag.keys()));

  search.addEventListener("input", () => {
    go({ ...state, q: search.value }, typing ? "replace" : "push");
    typing = true;
  });
  const onSelect = (key: "category" | "tag" | "sort", select: HTMLSelectElement) => {
    select.addEventListener("change", () => {
      typing = false;
      go({ ...state, [key]: select.value } as ViewState, "push");
    });
  };
  onSelect("category", category);
  onSelect("tag", tag);
  onSelect("sort", sort);
  byId("reset").addEventListener("click", () => {
    typing = false;
    go(DEFAULT_STATE, "push");
    search.focus();
  });
  byId("controls").addEventListener("submit", (event) => event.preventDefault());
  more.addEventListener("click", () => showMore(BATCH));

  // A chip on a card filters by its tag or category, then focuses that menu so
  // keyboard users keep their place (the clicked card may be re-rendered).
  list.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const chip = target?.closest<HTMLButtonElement>("button[data-tag], button[data-category]");
    if (!chip) return;
    typing = false;
    const { tag: t, category: c } = chip.dataset;
    if (t !== undefined) go({ ...state, tag: t }, "push");
    if (c !== undefined) go({ ...state, category: c }, "push");
    (t !== undefined ? tag : category).focus();
  });

  // "/" jumps to the search box, as on many sites.
  document.addEventListener("keydown", (event) => {
    const inField =
      event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    if (event.key === "/" && !inField && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      search.focus();
    }
  });

  // Back/forward and edited URLs: both events may fire for one change; sameState makes the second a no-op.
  const onUrl = (): void => {
    const next = fromUrl();
    typing = false;
    if (sameState(next, state)) return;
    state = next;
    syncControls();
    render();
  };
  window.addEventListener("popstate", onUrl);
  window.addEventListener("hashchange", onUrl);

  state = fromUrl();
  syncControls();
  render();
  performance.mark("cooltech:first-render");
}

main();

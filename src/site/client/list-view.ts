/**
 * The project list's state: kept in the URL hash, shown in the controls, and
 * rendered as cards or as the compact list's rows.
 */
import type { ResultList } from "./results.js";
import { countText } from "./results.js";
import { type Indexed, selectProjects } from "./select.js";
import { DEFAULT_STATE, sameState, serializeState, type ViewState } from "./state.js";

/** The page's list controls and result containers, found once by id. */
export interface Controls {
  search: HTMLInputElement;
  category: HTMLSelectElement;
  tag: HTMLSelectElement;
  activity: HTMLSelectElement;
  sort: HTMLSelectElement;
  view: HTMLSelectElement;
  count: HTMLElement;
  list: HTMLUListElement;
  table: HTMLTableElement;
  rows: HTMLTableSectionElement;
  more: HTMLButtonElement;
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`cooltech: the page has no #${id}`);
  return node as T;
}

export function findControls(): Controls {
  return {
    search: byId<HTMLInputElement>("q"),
    category: byId<HTMLSelectElement>("category"),
    tag: byId<HTMLSelectElement>("tag"),
    activity: byId<HTMLSelectElement>("activity"),
    sort: byId<HTMLSelectElement>("sort"),
    view: byId<HTMLSelectElement>("view"),
    count: byId("count"),
    list: byId<HTMLUListElement>("results"),
    table: byId<HTMLTableElement>("rows"),
    rows: byId<HTMLTableSectionElement>("rows-body"),
    more: byId<HTMLButtonElement>("more"),
  };
}

/** The list's state, kept in the URL hash and shown in the controls and the results. */
export interface View {
  readonly state: ViewState;
  /** A change that gets its own history entry (menus, chips, reset). */
  push(next: ViewState): void;
  /** The search box changed: the first letter pushes a history entry, the rest replace it. */
  type(q: string): void;
  /** The URL changed (back/forward, an edited hash, a link). */
  fromUrl(): void;
}

/** Shows results in the state's layout, emptying the other one. */
function showIn(c: Controls, cards: ResultList, rows: ResultList) {
  return (results: readonly Indexed[], state: ViewState): void => {
    const dense = state.view === "dense";
    c.list.hidden = dense;
    c.table.hidden = !dense;
    (dense ? cards : rows).clear();
    (dense ? rows : cards).show(results);
  };
}

export function createView(
  c: Controls,
  index: readonly Indexed[],
  urlState: () => ViewState,
  lists: { cards: ResultList; rows: ResultList },
): View {
  let state = DEFAULT_STATE;
  // Typing pushes one history entry, then replaces it: Back undoes a whole search, not a letter.
  let typing = false;
  const show = showIn(c, lists.cards, lists.rows);

  const render = (): void => {
    const results = selectProjects(index, state);
    show(results, state);
    c.count.textContent = countText(results.length, index.length);
  };
  const syncControls = (): void => {
    // Leave the search box alone when it already says this, so the caret does not jump.
    if (c.search.value !== state.q) c.search.value = state.q;
    c.category.value = state.category;
    c.tag.value = state.tag;
    c.activity.value = state.activity;
    c.sort.value = state.sort;
    c.view.value = state.view;
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

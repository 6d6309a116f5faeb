/**
 * The page's address: which page (the project list, one project's detail,
 * the stats), and for the list its view state (search, filters, sort,
 * layout). Pure functions without DOM, so they are unit-tested in Node and
 * concatenated into the page script as is.
 *
 * Everything lives in the hash (`#q=rook&category=storage&view=dense`,
 * `#/p/rook`, `#/stats`) rather than the path or query string: it works the
 * same on GitHub Pages and from file://, never reaches a server, and one page
 * serves 10,000 projects without a file per project.
 */

/** Cards (or rows) rendered at once: enough to fill a large screen; more follow on scroll. */
export const FIRST_BATCH = 24;

export type SortKey = "stars" | "trend7" | "trend30" | "name" | "pushed";

/** The sort options, in menu order; the first is the default. */
export const SORTS: ReadonlyArray<{ key: SortKey; label: string }> = [
  { key: "stars", label: "Most stars" },
  { key: "trend7", label: "Star gain, 7 days" },
  { key: "trend30", label: "Star gain, 30 days" },
  { key: "name", label: "Name (A–Z)" },
  { key: "pushed", label: "Last push" },
];

export type Activity = "active" | "inactive" | "archived" | "curator";

/** The activity filter's options, in menu order ("" is every project). */
export const ACTIVITIES: ReadonlyArray<{ key: Activity; label: string }> = [
  { key: "active", label: "Active" },
  { key: "inactive", label: "Inactive" },
  { key: "archived", label: "Archived" },
  { key: "curator", label: "Marked by a curator" },
];

export type Layout = "cards" | "dense";

export const LAYOUTS: ReadonlyArray<{ key: Layout; label: string }> = [
  { key: "cards", label: "Cards" },
  { key: "dense", label: "Compact list" },
];

export interface ViewState {
  q: string;
  category: string;
  tag: string;
  activity: Activity | "";
  sort: SortKey;
  view: Layout;
}

export const DEFAULT_STATE: ViewState = {
  q: "",
  category: "",
  tag: "",
  activity: "",
  sort: "stars",
  view: "cards",
};

export type Route = { page: "list" } | { page: "detail"; slug: string } | { page: "stats" };

const oneOf = <K extends string>(options: ReadonlyArray<{ key: K }>, value: string): K | null =>
  options.find((o) => o.key === value)?.key ?? null;

/** The page a hash shows: `#/p/<slug>`, `#/stats`, else the list. */
export function parseRoute(hash: string): Route {
  const path = hash.startsWith("#") ? hash.slice(1) : hash;
  if (path === "/stats") return { page: "stats" };
  if (path.startsWith("/p/") && path.length > 3) {
    try {
      return { page: "detail", slug: decodeURIComponent(path.slice(3)) };
    } catch {
      return { page: "list" }; // a malformed %-escape: show the list rather than fail
    }
  }
  return { page: "list" };
}

export function detailHash(slug: string): string {
  return `#/p/${encodeURIComponent(slug)}`;
}

export const STATS_HASH = "#/stats";

/** Reads the list's state from a location hash; unknown keys and bad values fall back to defaults. */
export function parseState(hash: string): ViewState {
  const text = hash.startsWith("#") ? hash.slice(1) : hash;
  const params = new URLSearchParams(text.startsWith("/") ? "" : text);
  return {
    q: params.get("q") ?? "",
    category: params.get("category") ?? "",
    tag: params.get("tag") ?? "",
    activity: oneOf(ACTIVITIES, params.get("activity") ?? "") ?? "",
    sort: oneOf(SORTS, params.get("sort") ?? "") ?? DEFAULT_STATE.sort,
    view: oneOf(LAYOUTS, params.get("view") ?? "") ?? DEFAULT_STATE.view,
  };
}

/** The hash for a state ("" for the default view), keys in a fixed order so URLs are canonical. */
export function serializeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.q !== "") params.set("q", state.q);
  if (state.category !== "") params.set("category", state.category);
  if (state.tag !== "") params.set("tag", state.tag);
  if (state.activity !== "") params.set("activity", state.activity);
  if (state.sort !== DEFAULT_STATE.sort) params.set("sort", state.sort);
  if (state.view !== DEFAULT_STATE.view) params.set("view", state.view);
  const text = params.toString();
  return text === "" ? "" : `#${text}`;
}

/** Drops a category or tag the directory does not have (a stale shared link), rather than showing nothing. */
export function normalizeState(
  state: ViewState,
  categories: ReadonlySet<string>,
  tags: ReadonlySet<string>,
): ViewState {
  return {
    ...state,
    category: categories.has(state.category) ? state.category : "",
    tag: tags.has(state.tag) ? state.tag : "",
  };
}

export function sameState(a: ViewState, b: ViewState): boolean {
  return serializeState(a) === serializeState(b);
}

/**
 * The page's view state (search, filters, sort), how it is kept in the URL
 * hash, and how it selects projects. Pure functions without DOM, so they are
 * unit-tested in Node and concatenated into the page script as is.
 *
 * The state lives in the hash (`#q=rook&category=storage&sort=name`) rather
 * than the query string: it works the same on GitHub Pages and from file://,
 * and never reaches a server.
 */
import type { SiteProject } from "./data.js";

export type SortKey = "stars" | "trend7" | "trend30" | "name" | "pushed";

/** The sort options, in menu order; the first is the default. */
export const SORTS: ReadonlyArray<{ key: SortKey; label: string }> = [
  { key: "stars", label: "Most stars" },
  { key: "trend7", label: "Star gain, 7 days" },
  { key: "trend30", label: "Star gain, 30 days" },
  { key: "name", label: "Name (A–Z)" },
  { key: "pushed", label: "Last push" },
];

export interface ViewState {
  q: string;
  category: string;
  tag: string;
  sort: SortKey;
}

export const DEFAULT_STATE: ViewState = { q: "", category: "", tag: "", sort: "stars" };

function isSortKey(s: string): s is SortKey {
  return SORTS.some((o) => o.key === s);
}

/** Reads a state from a location hash; unknown keys and bad values fall back to defaults. */
export function parseState(hash: string): ViewState {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const sort = params.get("sort") ?? "";
  return {
    q: params.get("q") ?? "",
    category: params.get("category") ?? "",
    tag: params.get("tag") ?? "",
    sort: isSortKey(sort) ? sort : DEFAULT_STATE.sort,
  };
}

/** The hash for a state ("" for the default view), keys in a fixed order so URLs are canonical. */
export function serializeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.q !== "") params.set("q", state.q);
  if (state.category !== "") params.set("category", state.category);
  if (state.tag !== "") params.set("tag", state.tag);
  if (state.sort !== DEFAULT_STATE.sort) params.set("sort", state.sort);
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
  return a.q === b.q && a.category === b.category && a.tag === b.tag && a.sort === b.sort;
}

/** A project with what searching and sorting need, computed once. */
export interface Indexed {
  project: SiteProject;
  /** Position in the directory: the last tie-breaker, so order is deterministic. */
  order: number;
  /** Lower-cased name, description, tags and topics, one per line. */
  haystack: string;
}

export function buildIndex(projects: readonly SiteProject[]): Indexed[] {
  return projects.map((project, order) => ({
    project,
    order,
    haystack: [project.name, project.description ?? "", ...project.tags, ...project.topics]
      .join("\n")
      .toLowerCase(),
  }));
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

function byName(a: Indexed, b: Indexed): number {
  return collator.compare(a.project.name, b.project.name) || a.order - b.order;
}

/** Descending by a number; projects without one go last. */
function byNumber(get: (p: SiteProject) => number | null) {
  return (a: Indexed, b: Indexed): number => {
    const x = get(a.project);
    const y = get(b.project);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return y - x;
    }
    return byName(a, b);
  };
}

/** Last push in ms since the epoch; a missing or unparsable date counts as unknown. */
function pushedKey(p: SiteProject): number | null {
  const t = p.pushedAt === null ? Number.NaN : Date.parse(p.pushedAt);
  return Number.isNaN(t) ? null : t;
}

const comparators: Record<SortKey, (a: Indexed, b: Indexed) => number> = {
  stars: byNumber((p) => p.stars),
  trend7: byNumber((p) => p.stars7d),
  trend30: byNumber((p) => p.stars30d),
  name: byName,
  pushed: byNumber(pushedKey),
};

/**
 * The projects the state shows, in display order, each once. Every search word
 * must match; the category filter matches any of a project's categories.
 */
export function selectProjects(index: readonly Indexed[], state: ViewState): Indexed[] {
  const words = state.q
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== "");
  const hits = index.filter(
    (e) =>
      (state.category === "" || e.project.categories.includes(state.category)) &&
      (state.tag === "" || e.project.tags.includes(state.tag)) &&
      words.every((w) => e.haystack.includes(w)),
  );
  return hits.sort(comparators[state.sort]);
}

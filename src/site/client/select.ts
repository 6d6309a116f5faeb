/**
 * Which projects the list shows, in which order: search words, category, tag
 * and activity filters, and the sort. Pure (no DOM), unit-tested in Node.
 *
 * Each sort order is computed once per page and kept: a keystroke only
 * filters an already sorted list, so it stays fast at 10,000 projects.
 */
import { maintenanceStatus } from "./badges.js";
import type { SiteProject } from "./data.js";
import type { Activity, SortKey, ViewState } from "./state.js";

/** A project with what searching and sorting need, computed once. */
export interface Indexed {
  project: SiteProject;
  /** Position in the directory: the last tie-breaker, so order is deterministic. */
  order: number;
  /**
   * Lower-cased name, description, tags and topics, one per line; null until
   * the first search needs it (or `prepareSearch` made it while the page was idle).
   */
  haystack: string | null;
}

export function buildIndex(projects: readonly SiteProject[]): Indexed[] {
  return projects.map((project, order) => ({ project, order, haystack: null }));
}

function haystackOf(e: Indexed): string {
  e.haystack ??= [
    e.project.name,
    e.project.description ?? "",
    ...e.project.tags,
    ...e.project.topics,
  ]
    .join("\n")
    .toLowerCase();
  return e.haystack;
}

/**
 * Makes the search text of `index[from…]` a slice at a time, yielding to the
 * page between slices (`later` schedules the next), so the first render does
 * not wait for it and the first keystroke finds it ready.
 */
export function prepareSearch(
  index: readonly Indexed[],
  later: (next: () => void) => void,
  from = 0,
): void {
  const end = Math.min(index.length, from + 2000);
  for (let i = from; i < end; i++) haystackOf(index[i] as Indexed);
  if (end < index.length) later(() => prepareSearch(index, later, end));
  else performance.mark("cooltech:search-ready");
}

/** Whether a project belongs under an activity filter. */
export function hasActivity(p: SiteProject, activity: Activity): boolean {
  if (activity === "curator") return p.maintenance?.source === "curator";
  const status = maintenanceStatus(p);
  if (activity === "active") return status === "active" || status === "feature-complete";
  return status === activity;
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

const sortedCache = new WeakMap<readonly Indexed[], Map<SortKey, Indexed[]>>();

/** The whole index in a sort order, computed once per index and order. */
function sortedBy(index: readonly Indexed[], sort: SortKey): Indexed[] {
  let orders = sortedCache.get(index);
  if (orders === undefined) {
    orders = new Map();
    sortedCache.set(index, orders);
  }
  let sorted = orders.get(sort);
  if (sorted === undefined) {
    sorted = [...index].sort(comparators[sort]);
    orders.set(sort, sorted);
  }
  return sorted;
}

/**
 * The projects the state shows, in display order, each once. Every search word
 * must match; the category filter matches any of a project's categories.
 */
export function selectProjects(index: readonly Indexed[], state: ViewState): Indexed[] {
  const words = state.q
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== "");
  const { category, tag, activity } = state;
  const sorted = sortedBy(index, state.sort);
  if (words.length === 0 && category === "" && tag === "" && activity === "") return sorted;
  return sorted.filter(
    (e) =>
      (category === "" || e.project.categories.includes(category)) &&
      (tag === "" || e.project.tags.includes(tag)) &&
      (activity === "" || hasActivity(e.project, activity)) &&
      words.every((w) => haystackOf(e).includes(w)),
  );
}

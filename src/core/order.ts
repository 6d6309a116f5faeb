/**
 * The canonical order of projects: by (primary) category id, then by name ignoring case.
 * Plain code-point comparison (not locale-aware) so every machine agrees.
 */
export function compareProjects(
  a: { category?: unknown; name?: unknown },
  b: { category?: unknown; name?: unknown },
): number {
  return compareKeys(sortKey(a), sortKey(b));
}

/** What the order looks at, computed once per entry when sorting many. */
export interface SortKey {
  category: string;
  folded: string;
  name: string;
}

export function sortKey(p: { category?: unknown; name?: unknown }): SortKey {
  const name = String(p.name ?? "");
  // Several categories: the first (primary) one sets the place.
  const category = Array.isArray(p.category) ? p.category[0] : p.category;
  return { category: String(category ?? ""), folded: name.toLowerCase(), name };
}

export function compareKeys(a: SortKey, b: SortKey): number {
  return cmp(a.category, b.category) || cmp(a.folded, b.folded) || cmp(a.name, b.name);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Indexes of the items that are out of place: those outside a longest run
 * that is already in order. Moving just these sorts the list, so one
 * misplaced entry is reported once, not every entry after it.
 */
export function misplaced<T>(items: readonly T[], compare: (a: T, b: T) => number): number[] {
  // The usual case, a sorted list, in one pass.
  let sorted = true;
  for (let i = 1; i < items.length && sorted; i++) {
    sorted = compare(items[i - 1] as T, items[i] as T) <= 0;
  }
  if (sorted) return [];
  // Patience sorting for a longest non-decreasing subsequence, O(n log n).
  const tails: number[] = [];
  const prev = new Array<number>(items.length).fill(-1);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(items[tails[mid] as number] as T, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i !== -1; i = prev[i] as number) keep.add(i);
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) if (!keep.has(i)) out.push(i);
  return out;
}

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
 * Indexes of the items that are out of place: those outside a heaviest run
 * that is already in order. Moving just these sorts the list, so one
 * misplaced entry is reported once, not every entry after it.
 *
 * `weight(i)` (default 1) says how much keeping item i in place is worth: the
 * pull-request check gives untouched entries far more weight than the ones the
 * pull request added or changed, so a misplaced new entry is the one reported,
 * never its untouched neighbour. Between equally good runs, the later items are
 * kept (of two swapped neighbours, the first is reported).
 */
export function misplaced<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  weight: (index: number) => number = () => 1,
): number[] {
  // The usual case, a sorted list, in one pass.
  let sorted = true;
  for (let i = 1; i < items.length && sorted; i++) {
    sorted = compare(items[i - 1] as T, items[i] as T) <= 0;
  }
  if (sorted) return [];
  // Rank in sorted order (ties by position), so "in order" means increasing rank.
  const n = items.length;
  const byRank = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => compare(items[a] as T, items[b] as T) || a - b,
  );
  const rank = new Array<number>(n);
  byRank.forEach((i, r) => {
    rank[i] = r;
  });
  // Heaviest increasing subsequence with a Fenwick tree of prefix maxima, O(n log n).
  const tree = new Array<number>(n + 1).fill(-1); // item index holding the best chain ending at ranks ≤ r
  const best = new Array<number>(n).fill(0);
  const prev = new Array<number>(n).fill(-1);
  // a beats b: a heavier chain, or as heavy and ending later.
  const better = (a: number, b: number) =>
    a !== -1 &&
    (b === -1 || (best[a] as number) > (best[b] as number) || (best[a] === best[b] && a > b));
  for (let i = 0; i < n; i++) {
    let p = -1;
    for (let r = rank[i] as number; r > 0; r -= r & -r) {
      const c = tree[r] as number;
      if (better(c, p)) p = c;
    }
    prev[i] = p;
    best[i] = weight(i) + (p === -1 ? 0 : (best[p] as number));
    for (let r = (rank[i] as number) + 1; r <= n; r += r & -r) {
      if (better(i, tree[r] as number)) tree[r] = i;
    }
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (better(i, end)) end = i;
  const keep = new Set<number>();
  for (let i = end; i !== -1; i = prev[i] as number) keep.add(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!keep.has(i)) out.push(i);
  return out;
}

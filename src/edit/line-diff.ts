/** A run of lines of the old text (1-based, `from` inclusive, `to` exclusive) that changed. */
export interface Hunk {
  from: number;
  to: number;
  /** The first new line that replaces them ("" when lines were only removed). */
  replacement: string | undefined;
}

/** Past this many differing lines the rest is reported as one hunk (keeps the diff linear-ish). */
const MAX_EDITS = 1000;

/**
 * The changed line ranges between two texts (Myers' O(ND) diff after trimming
 * the common start and end), for locating what a rewrite changed.
 */
export function changedLines(before: string, after: string): Hunk[] {
  const a = before.split("\n");
  const b = after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (start === endA && start === endB) return [];
  const ops = myers(a.slice(start, endA), b.slice(start, endB));
  if (ops === null) return [{ from: start + 1, to: endA + 1, replacement: b[start] }];
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k < ops.length; ) {
    if (ops[k] === "=") {
      i++;
      j++;
      k++;
      continue;
    }
    const from = i;
    const firstNew = j;
    while (k < ops.length && ops[k] !== "=") {
      if (ops[k] === "-") i++;
      else j++;
      k++;
    }
    hunks.push({
      from: start + from + 1,
      to: start + i + 1,
      replacement: j > firstNew ? b[start + firstNew] : undefined,
    });
  }
  return hunks;
}

/** The edit script ("=", "-", "+") from a to b, or null past MAX_EDITS. */
function myers(a: string[], b: string[]): string[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, offset, n, m, d);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], offset: number, n: number, m: number, last: number) {
  const ops: string[] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    const v = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK] ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push("=");
      x--;
      y--;
    }
    ops.push(down ? "+" : "-");
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push("=");
    x--;
    y--;
  }
  return ops.reverse();
}

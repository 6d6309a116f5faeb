import { code } from "./diagnostic.js";

/** Levenshtein distance, for "did you mean …?" hints. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

const MAX = 100;

/** The closest candidate, if it is close enough to be a plausible typo. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const needle = value.toLowerCase();
  // Typos are short; a long (maybe hostile) value would make distance() quadratic.
  if (needle === "" || needle.length > MAX) return undefined;
  const limit = Math.max(2, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const hay = c.toLowerCase();
    if (hay.length > MAX) continue;
    const prefix = hay.startsWith(needle) || needle.startsWith(hay);
    // The distance is at least the difference in length: skip hopeless (or huge) values.
    if (!prefix && Math.abs(needle.length - hay.length) > limit) continue;
    const score = prefix ? 1 : distance(needle, hay);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return bestScore <= limit ? best : undefined;
}

export function didYouMean(value: string, candidates: Iterable<string>): string {
  const hit = closest(value, candidates);
  return hit === undefined ? "" : ` (did you mean ${code(hit)}?)`;
}

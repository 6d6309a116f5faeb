/**
 * The star history (data/history.json): per repository, its star count each
 * time it changed, as [UTC day, stars] points, committed next to the directory
 * so trends survive from one nightly run to the next. A count holds until the
 * next point, so a night in which no count changed leaves the file as it was.
 * Bounded: points older than the retention go (except the one in force at its
 * start), and so do repositories no longer in the directory.
 */
import type { Trend } from "../core/model.js";

export const HISTORY_FILE = "history.json";
/** Days of points kept: enough for the 30-day trend three times over. */
export const RETENTION_DAYS = 90;

/** [UTC day, stars]: from that day on the count was `stars`. */
export type StarPoint = [day: string, stars: number];

/** Points in ascending day order, no two days equal, no two neighbours with the same count. */
export type StarSeries = StarPoint[];

/** Keys: the repository's current `owner/name` on GitHub, lower-cased. */
export type History = Map<string, StarSeries>;

const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day of a time, e.g. "2025-11-21". */
export const utcDay = (time: Date): string => time.toISOString().slice(0, 10);
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number): string =>
  utcDay(new Date(dayMs(day) + n * DAY_MS));

/** Drops points that repeat the count before them (the count did not change). */
function normalize(series: StarSeries): StarSeries {
  return series.filter((p, i) => i === 0 || p[1] !== series[i - 1]?.[1]);
}

/** Puts a point in day order; `replace` decides whether it overwrites one of the same day. */
function insertPoint(series: StarSeries, point: StarPoint, replace: boolean): void {
  let i = series.length;
  while (i > 0 && (series[i - 1] as StarPoint)[0] > point[0]) i--;
  if (i > 0 && (series[i - 1] as StarPoint)[0] === point[0]) {
    if (replace) series[i - 1] = point;
    return;
  }
  series.splice(i, 0, point);
}

/** Records the count of `day` (the last fetch of a day wins); an unchanged count adds nothing. */
export function recordStars(history: History, key: string, day: string, stars: number): void {
  const series = history.get(key) ?? [];
  insertPoint(series, [day, stars], true);
  history.set(key, normalize(series));
}

/** A repository was renamed: its points follow it (points already under the new name win). */
export function renameSeries(history: History, from: string, to: string): void {
  const old = history.get(from);
  if (from === to || !old) return;
  history.delete(from);
  const series = history.get(to) ?? [];
  for (const point of old) insertPoint(series, point, false);
  history.set(to, normalize(series));
}

/** The count in force on `day`: the latest point on or before it; null before the first. */
export function starsOn(series: StarSeries | undefined, day: string): number | null {
  let found: number | null = null;
  for (const [d, stars] of series ?? []) {
    if (d > day) break;
    found = stars;
  }
  return found;
}

/**
 * Drops points older than the retention, except the one in force when the
 * retention starts (its count still holds), and repositories not in `keep`.
 */
export function pruneHistory(history: History, today: string, keep: ReadonlySet<string>): void {
  const cutoff = addDays(today, -RETENTION_DAYS);
  for (const [key, series] of history) {
    if (!keep.has(key)) {
      history.delete(key);
      continue;
    }
    let first = 0;
    while (first + 1 < series.length && (series[first + 1] as StarPoint)[0] <= cutoff) first++;
    if (first > 0) history.set(key, series.slice(first));
  }
}

/**
 * Star gain over the `n` days before `today`: the latest count minus the
 * count in force n days ago; null when the history does not reach back that far.
 */
export function starGain(series: StarSeries | undefined, n: number, today: string): number | null {
  const latest = series?.at(-1);
  if (!latest) return null;
  const then = starsOn(series, addDays(today, -n));
  return then === null ? null : latest[1] - then;
}

export function trendOf(history: History, key: string, today: string): Trend {
  const series = history.get(key);
  return { stars7d: starGain(series, 7, today), stars30d: starGain(series, 30, today) };
}

export class HistoryError extends Error {
  override name = "HistoryError";
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** One repository's series: points, or the earlier daily form {since, stars[]} (converted). */
function parseSeries(value: unknown): StarSeries | null {
  if (Array.isArray(value)) {
    const ok = value.every(
      (p) =>
        Array.isArray(p) &&
        p.length === 2 &&
        typeof p[0] === "string" &&
        DAY_RE.test(p[0]) &&
        isCount(p[1]),
    );
    if (!ok) return null;
    const series: StarSeries = [];
    for (const p of value as StarPoint[]) insertPoint(series, [p[0], p[1]], true);
    return normalize(series);
  }
  const daily = value as { since?: unknown; stars?: unknown } | null;
  if (
    typeof daily?.since !== "string" ||
    !DAY_RE.test(daily.since) ||
    !Array.isArray(daily.stars) ||
    !daily.stars.every((n) => n === null || isCount(n))
  ) {
    return null;
  }
  const series: StarSeries = [];
  const since = daily.since;
  daily.stars.forEach((n: number | null, i) => {
    if (n !== null) series.push([addDays(since, i), n]);
  });
  return normalize(series);
}

/** Parses history.json; throws HistoryError (with what is wrong) when it is not one. */
export function parseHistory(text: string, file: string): History {
  const fix = `restore it with \`git checkout -- ${file}\`, or delete it (trends start again)`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HistoryError(`${file}:1:1 is not valid JSON (${(error as Error).message}); ${fix}`);
  }
  const repos = (value as { repos?: unknown } | null)?.repos;
  if (typeof repos !== "object" || repos === null || Array.isArray(repos)) {
    throw new HistoryError(`${file}:1:1 has no "repos" object; ${fix}`);
  }
  const history: History = new Map();
  for (const [key, s] of Object.entries(repos)) {
    const series = parseSeries(s);
    if (series === null)
      throw new HistoryError(`${file}: the series of ${JSON.stringify(key)} is invalid; ${fix}`);
    if (series.length > 0) history.set(key, series);
  }
  return history;
}

/** Stable text: keys sorted, one repository per line, so a diff is one line per changed count. */
export function serializeHistory(history: History): string {
  const keys = [...history.keys()].sort();
  const lines = keys.map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(history.get(k))}`);
  return `{
  "description": "GitHub star counts, recorded when they change: per repository, [UTC day, stars] points, oldest first; a count holds until the next point. Kept ${RETENTION_DAYS} days (plus the point in force when they start). Written by \`cooltech refresh\`; do not edit.",
  "retentionDays": ${RETENTION_DAYS},
  "repos": {${lines.length ? `\n${lines.join(",\n")}\n  ` : ""}}
}
`;
}

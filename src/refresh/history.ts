/**
 * The star history (data/history.json): per repository, one star count per
 * UTC day, kept for RETENTION_DAYS, committed next to the directory so trends
 * survive from one nightly run to the next. Bounded: points older than the
 * retention go, and so do repositories no longer in the directory.
 */
import type { Trend } from "../core/model.js";

export const HISTORY_FILE = "history.json";
/** Days of points kept: enough for the 30-day trend three times over. */
export const RETENTION_DAYS = 90;

/** Daily counts from `since` on: stars[i] is the count of day since + i (null: no successful fetch). */
export interface StarSeries {
  since: string;
  stars: Array<number | null>;
}

/** Keys: the repository's current `owner/name` on GitHub, lower-cased. */
export type History = Map<string, StarSeries>;

const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day of a time, e.g. "2025-11-21". */
export const utcDay = (time: Date): string => time.toISOString().slice(0, 10);
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const addDays = (day: string, n: number): string => utcDay(new Date(dayMs(day) + n * DAY_MS));
const daysBetween = (from: string, to: string): number =>
  Math.round((dayMs(to) - dayMs(from)) / DAY_MS);

/** Sets the count of `day` (the last fetch of a day wins). */
export function recordStars(history: History, key: string, day: string, stars: number): void {
  const series = history.get(key);
  if (!series) {
    history.set(key, { since: day, stars: [stars] });
    return;
  }
  let index = daysBetween(series.since, day);
  if (index < 0) {
    series.stars.unshift(...new Array<null>(-index).fill(null));
    series.since = day;
    index = 0;
  }
  while (series.stars.length <= index) series.stars.push(null);
  series.stars[index] = stars;
}

/** A repository was renamed: its points follow it (points already under the new name win). */
export function renameSeries(history: History, from: string, to: string): void {
  const old = history.get(from);
  if (from === to || !old) return;
  history.delete(from);
  const current = history.get(to);
  old.stars.forEach((stars, i) => {
    if (stars === null) return;
    const day = addDays(old.since, i);
    if (current && pointOn(current, day) !== null) return;
    recordStars(history, to, day, stars);
  });
}

function pointOn(series: StarSeries, day: string): number | null {
  return series.stars[daysBetween(series.since, day)] ?? null;
}

/** Drops points older than the retention, and repositories not in `keep`. */
export function pruneHistory(history: History, today: string, keep: ReadonlySet<string>): void {
  const cutoff = addDays(today, -RETENTION_DAYS);
  for (const [key, series] of history) {
    if (!keep.has(key)) {
      history.delete(key);
      continue;
    }
    const drop = Math.max(0, daysBetween(series.since, cutoff));
    let stars = series.stars.slice(drop);
    let since = drop > 0 ? addDays(series.since, drop) : series.since;
    const first = stars.findIndex((s) => s !== null);
    if (first === -1) {
      history.delete(key);
      continue;
    }
    since = addDays(since, first);
    stars = stars.slice(first);
    while (stars.at(-1) === null) stars.pop();
    history.set(key, { since, stars });
  }
}

/**
 * Slack when the exact day N days back has no point (a missed nightly run):
 * the nearest earlier point is used if it is at most N/4 days older, so a
 * 7-day trend spans 7 or 8 days and a 30-day trend 30 to 37.
 */
export const graceDays = (n: number): number => Math.floor(n / 4);

/**
 * Star gain over the `n` days before the latest point: latest minus the
 * latest point on or before that day (within graceDays), else null.
 */
export function starGain(series: StarSeries | undefined, n: number): number | null {
  if (!series) return null;
  let last = series.stars.length - 1;
  while (last >= 0 && series.stars[last] === null) last--;
  const latest = series.stars[last];
  if (latest === null || latest === undefined) return null;
  for (let i = last - n; i >= 0 && i >= last - n - graceDays(n); i--) {
    const then = series.stars[i];
    if (then !== null && then !== undefined) return latest - then;
  }
  return null;
}

export function trendOf(history: History, key: string): Trend {
  const series = history.get(key);
  return { stars7d: starGain(series, 7), stars30d: starGain(series, 30) };
}

export class HistoryError extends Error {
  override name = "HistoryError";
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
    const series = s as Partial<StarSeries> | null;
    const ok =
      typeof series?.since === "string" &&
      DAY_RE.test(series.since) &&
      Array.isArray(series.stars) &&
      series.stars.every((n) => n === null || (Number.isSafeInteger(n) && n >= 0));
    if (!ok)
      throw new HistoryError(`${file}: the series of ${JSON.stringify(key)} is invalid; ${fix}`);
    history.set(key, { since: series.since as string, stars: [...(series.stars as number[])] });
  }
  return history;
}

/** Stable text: keys sorted, one repository per line, so a nightly diff is one line per repo. */
export function serializeHistory(history: History): string {
  const keys = [...history.keys()].sort();
  const lines = keys.map((k) => {
    const s = history.get(k) as StarSeries;
    return `    ${JSON.stringify(k)}: ${JSON.stringify({ since: s.since, stars: s.stars })}`;
  });
  return `{
  "description": "Daily GitHub star counts (UTC days, oldest first from 'since'; null: no fetch that day), kept ${RETENTION_DAYS} days. Written by \`cooltech refresh\`; do not edit.",
  "retentionDays": ${RETENTION_DAYS},
  "repos": {${lines.length ? `\n${lines.join(",\n")}\n  ` : ""}}
}
`;
}

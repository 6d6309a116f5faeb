/**
 * The star history as the page embeds it: per project, the points of the last
 * 90 days (and the one in force when they start), delta-coded so that 10,000
 * projects with a point a day stay a few MB (see SiteProject.history).
 *
 * The history comes in as a plain map (lower-cased `owner/name` → [day,
 * stars] points, oldest first, a count holding until the next point), the
 * shape `cooltech refresh` keeps in data/history.json; the site does not
 * depend on the refresh code.
 */
import type { Directory, DirectoryProject } from "../../core/model.js";

/** Lower-cased `owner/name` → [UTC day, stars] points, oldest first. */
export type StarHistory = ReadonlyMap<string, ReadonlyArray<readonly [string, number]>>;

/** Days shown: the retention of data/history.json. */
export const HISTORY_DAYS = 90;

const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** Days since the epoch of a YYYY-MM-DD day; cached, as a history holds few distinct days. */
const dayNumbers = new Map<string, number>();
function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    if (dayNumbers.size > 100_000) dayNumbers.clear(); // bounded, whatever the input
    dayNumbers.set(day, n);
  }
  return n;
}
const dayText = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The key of a project in the history: its current name on GitHub, else the curated repo. */
export function historyKey(p: DirectoryProject): string | null {
  const gh = p.github;
  const name = gh !== null && gh.nameWithOwner !== null ? gh.nameWithOwner : p.repo;
  return name === null ? null : name.toLowerCase();
}

/** The window's last day: the refresh's day, else the newest point's; null without either. */
function lastDay(directory: Directory, history: StarHistory): string | null {
  const refreshed = directory.refreshedAt?.slice(0, 10) ?? "";
  if (DAY_RE.test(refreshed)) return refreshed;
  let newest: string | null = null;
  for (const series of history.values()) {
    const day = series.at(-1)?.[0];
    if (day !== undefined && DAY_RE.test(day) && (newest === null || day > newest)) newest = day;
  }
  return newest;
}

export interface HistoryWindow {
  start: string;
  end: string;
}

export function historyWindow(directory: Directory, history: StarHistory): HistoryWindow | null {
  if (history.size === 0) return null;
  const end = lastDay(directory, history);
  if (end === null) return null;
  return { start: dayText(dayNumber(end) - HISTORY_DAYS), end };
}

/**
 * The delta-coded points of one series inside the window: the point in force
 * at the start moves to day 0, later ones keep their day; points after the
 * end, bad days and bad counts are skipped. null when nothing is left.
 */
export function encodeSeries(
  series: ReadonlyArray<readonly [string, number]> | undefined,
  window: HistoryWindow,
): number[] | null {
  if (series === undefined) return null;
  const start = dayNumber(window.start);
  const end = dayNumber(window.end);
  const points: Array<[number, number]> = [];
  for (const [day, stars] of series) {
    if (typeof day !== "string" || !DAY_RE.test(day)) continue;
    if (!Number.isSafeInteger(stars) || stars < 0) continue;
    const d = dayNumber(day);
    if (Number.isNaN(d)) continue; // "2026-13-45" has the form of a day, not a day
    if (d > end) break;
    const offset = Math.max(0, d - start);
    // The latest point on or before the start wins day 0; a count that did not change adds nothing.
    if (points.at(-1)?.[0] === offset) points.pop();
    if (points.at(-1)?.[1] === stars) continue;
    points.push([offset, stars]);
  }
  if (points.length === 0) return null;
  const out: number[] = [];
  let prev: [number, number] = [0, 0];
  for (const p of points) {
    out.push(p[0] - prev[0], p[1] - prev[1]);
    prev = p;
  }
  return out;
}

/**
 * How old an entry's GitHub data is. A stale entry's data is from when a
 * refresh last confirmed it (confirmedAt, else its last fetch); every other
 * entry's is as of the directory's last refresh. Pure (no DOM).
 */
import type { SiteProject } from "./data.js";

/** Data older than this many days says so on its card, row and detail. */
export const OLD_AFTER_DAYS = 7;

const DAY_MS = 86_400_000;

/** When the entry's GitHub data was true (ISO time), or null when it has none. */
export function dataTime(p: SiteProject, refreshedAt: string | null): string | null {
  if (p.status === null) return null;
  if (p.status === "stale") return p.confirmedAt ?? p.fetchedAt;
  return refreshedAt;
}

/** Whole days from `iso` to `now` (ms since the epoch); null for a bad time. */
export function daysSince(iso: string | null, now: number): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : Math.floor((now - t) / DAY_MS);
}

export interface OldData {
  days: number;
  /** The ISO time the data is from. */
  at: string;
}

/** The entry's data age when it is more than OLD_AFTER_DAYS days, else null. */
export function oldData(p: SiteProject, refreshedAt: string | null, now: number): OldData | null {
  const at = dataTime(p, refreshedAt);
  const days = daysSince(at, now);
  return at !== null && days !== null && days > OLD_AFTER_DAYS ? { days, at } : null;
}

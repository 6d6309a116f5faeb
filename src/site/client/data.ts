/**
 * The data the page embeds: a projection of `Directory` (src/core/model.ts)
 * down to what the browser shows, so the page stays small. The full
 * directory.json is published next to the page for anyone who wants everything.
 *
 * Every string here is untrusted (it comes from contributors or from GitHub):
 * the client renders it with textContent only, and URLs are re-checked with
 * `safeHttps` (avatars with `safeAvatar`) before they are used.
 */
import type { GithubStatus, Maintenance } from "../../core/model.js";

export interface SiteCategory {
  id: string;
  name: string;
  description: string;
}

export interface SiteRelease {
  tag: string;
  url: string | null;
  publishedAt: string | null;
}

export interface SiteProject {
  name: string;
  /** The detail view's address is `#/p/<slug>`: the name, lower-cased and dashed, unique in the page. */
  slug: string;
  /** The primary category id. */
  category: string;
  /** Every category id, primary first: filtering by any of them finds the project. */
  categories: string[];
  tags: string[];
  /** GitHub topics: searchable, not shown as filters. */
  topics: string[];
  description: string | null;
  /** `https:` URLs only (null otherwise). */
  homepage: string | null;
  repoUrl: string | null;
  /** `owner/name` on GitHub, as curated. */
  repo: string | null;
  /** The owner's avatar, only on https://avatars.githubusercontent.com (null otherwise). */
  avatar: string | null;
  stars: number | null;
  stars7d: number | null;
  stars30d: number | null;
  forks: number | null;
  openIssues: number | null;
  license: string | null;
  language: string | null;
  createdAt: string | null;
  pushedAt: string | null;
  release: SiteRelease | null;
  archived: boolean;
  /** Outcome of the last GitHub lookup; null when the entry has no GitHub data. */
  status: GithubStatus | null;
  /** Where GitHub says the repository lives now, when `status` is "moved". */
  movedTo: string | null;
  /** Last successful fetch and last attempt (ISO times), null when never. */
  fetchedAt: string | null;
  checkedAt: string | null;
  /** Only on a stale entry: when its data was last confirmed by a refresh. */
  confirmedAt: string | null;
  /** The maintenance mark (computed or the curator's); null when unknown or in an older directory.json. */
  maintenance: Maintenance | null;
  /**
   * Star history of the last 90 days, delta-coded to stay small:
   * [day, stars, Δday, Δstars, Δday, Δstars, …], days counted from
   * `SiteData.historyStart` (0 for the point in force at the start). null without history.
   */
  history: number[] | null;
}

export interface SiteData {
  refreshedAt: string | null;
  /** The newest `fetchedAt` of any entry: when GitHub last answered, whatever the last refresh did. */
  fetchedAt: string | null;
  /** The first and last day (UTC, YYYY-MM-DD) of the star-history window; null without history. */
  historyStart: string | null;
  historyEnd: string | null;
  categories: SiteCategory[];
  projects: SiteProject[];
}

/** What every view needs besides a project: the data, names, the clock, the history window. */
export interface PageContext {
  data: SiteData;
  /** A category's display name (the id when unknown). */
  categoryName(id: string): string;
  /** The time the page compares data ages with (ms since the epoch). */
  now: number;
  /** Days in the star-history window (0 without history). */
  days: number;
}

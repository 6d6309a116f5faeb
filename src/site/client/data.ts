/**
 * The data the page embeds: a projection of `Directory` (src/model.ts) down to
 * what the browser shows, so the page stays small. The full directory.json is
 * published next to the page for anyone who wants everything.
 *
 * Every string here is untrusted (it comes from contributors or from GitHub):
 * the client renders it with textContent only, and URLs are re-checked with
 * `safeHttps` before they become links.
 */
import type { GithubStatus } from "../../core/model.js";

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
  stars: number | null;
  stars7d: number | null;
  stars30d: number | null;
  license: string | null;
  language: string | null;
  pushedAt: string | null;
  release: SiteRelease | null;
  archived: boolean;
  /** Outcome of the last GitHub lookup; null when the entry has no GitHub data. */
  status: GithubStatus | null;
  /** Where GitHub says the repository lives now, when `status` is "moved". */
  movedTo: string | null;
}

export interface SiteData {
  refreshedAt: string | null;
  /** The newest `fetchedAt` of any entry: when GitHub last answered, whatever the last refresh did. */
  fetchedAt: string | null;
  categories: SiteCategory[];
  projects: SiteProject[];
}

/** The data model shared by every stage: curated entries in, directory out. */

/** One curated entry of `data/projects.yaml`. */
export interface Project {
  name: string;
  repo?: string;
  homepage?: string;
  /** One category id, or several: the first is the primary one (it sets the sort order). */
  category: string | string[];
  tags?: string[];
  description?: string;
  /** A curator's override of the computed maintenance mark, with a short reason. */
  maintenance?: CuratedMaintenance;
}

/** What a curator may say of a project's maintenance in data/projects.yaml. */
export type CuratedMaintenanceStatus = "active" | "feature-complete" | "deprecated" | "inactive";

export interface CuratedMaintenance {
  status: CuratedMaintenanceStatus;
  /** Shown instead of the mark, e.g. "stable; no changes needed". */
  note?: string;
}

/**
 * An entry's maintenance mark in directory.json. Computed from GitHub
 * ("archived"; "inactive" when the last push is older than the configured
 * months, 12 by default; else "active"), unless the curator set one.
 */
export interface Maintenance {
  status: "active" | "inactive" | "archived" | "feature-complete" | "deprecated";
  /** The curator's reason (shown instead of the mark), or null. */
  note: string | null;
  source: "computed" | "curator";
}

/** Every category id of an entry, primary first (a single id is a list of one). */
export function categoryIds(category: unknown): string[] {
  if (typeof category === "string") return [category];
  return Array.isArray(category) ? category.filter((c): c is string => typeof c === "string") : [];
}

/** The primary category id of an entry ("" when it has none). */
export function primaryCategory(category: unknown): string {
  return categoryIds(category)[0] ?? "";
}

/** One entry of `data/categories.yaml`. */
export interface Category {
  id: string;
  name: string;
  description: string;
}

/** Outcome of the last GitHub lookup of an entry (see `cooltech refresh`). */
export type GithubStatus = "ok" | "moved" | "missing" | "stale";

export interface LatestRelease {
  tag: string;
  publishedAt: string | null;
  /** null when GitHub sent a URL the directory cannot hold (see sanitizeRepoInfo). */
  url: string | null;
}

/** Live GitHub metadata of an entry, as last fetched. */
export interface GithubInfo {
  nameWithOwner: string;
  /** null when GitHub sent a URL the directory cannot hold (see sanitizeRepoInfo). */
  url: string | null;
  description: string | null;
  stars: number;
  forks: number;
  openIssues: number;
  /** SPDX id, or null when GitHub knows no license (or an unrecognised one). */
  license: string | null;
  language: string | null;
  topics: string[];
  archived: boolean;
  pushedAt: string | null;
  createdAt: string | null;
  latestRelease: LatestRelease | null;
  /** The owner's avatar (https://avatars.githubusercontent.com/...), or null; absent before it was fetched. */
  avatarUrl?: string | null;
  /**
   * Only on a `stale` entry: the last run that found its data as it is (the
   * directory's refreshedAt before it began failing), so readers can tell how
   * old the data is. Other entries are as of the directory's refreshedAt.
   */
  confirmedAt?: string;
  /** Last successful fetch (ISO time). */
  fetchedAt: string;
  /** Last attempt, successful or not (ISO time). */
  checkedAt: string;
  status: GithubStatus;
}

/**
 * A repository GitHub says does not exist and that was never fetched: only
 * the lookup's time is known (a fetched one that disappears keeps its
 * GithubInfo, with status "missing").
 */
export interface GithubMissing {
  nameWithOwner: null;
  url: null;
  description: null;
  stars: null;
  forks: null;
  openIssues: null;
  license: null;
  language: null;
  topics: null;
  archived: null;
  pushedAt: null;
  createdAt: null;
  latestRelease: null;
  fetchedAt: null;
  checkedAt: string;
  status: "missing";
}

/** An entry's `github` block in directory.json. */
export type GithubBlock = GithubInfo | GithubMissing;

/** Whether the block holds fetched data (not a never-fetched missing repository). */
export function isFetched(github: GithubBlock | null | undefined): github is GithubInfo {
  return github != null && github.fetchedAt !== null;
}

/** The block of a never-fetched repository GitHub says does not exist. */
export function missingBlock(checkedAt: string): GithubMissing {
  return {
    nameWithOwner: null,
    url: null,
    description: null,
    stars: null,
    forks: null,
    openIssues: null,
    license: null,
    language: null,
    topics: null,
    archived: null,
    pushedAt: null,
    createdAt: null,
    latestRelease: null,
    fetchedAt: null,
    checkedAt,
    status: "missing",
  };
}

export interface Trend {
  /** Star gain over the last 7 days, or null when history does not reach back that far. */
  stars7d: number | null;
  stars30d: number | null;
}

export interface DirectoryProject {
  name: string;
  repo: string | null;
  homepage: string | null;
  /** The primary category id (the first one curated). */
  category: string;
  /**
   * Every category id, primary first. Always written by build and refresh;
   * absent from a directory.json written before it existed (read it as `[category]`).
   */
  categories?: string[];
  tags: string[];
  /** The curated tagline, else GitHub's description, else null. */
  description: string | null;
  /** null until a refresh looked the repository up. */
  github: GithubBlock | null;
  trend: Trend | null;
  /** null when nothing is known (never fetched, no push date, no curator's mark); absent in older files. */
  maintenance?: Maintenance | null;
}

/** `data/directory.json`: the generated directory people browse. */
export interface Directory {
  $schema: string;
  refreshedAt: string | null;
  categories: Category[];
  projects: DirectoryProject[];
}

/** The data model shared by every stage: curated entries in, directory out. */

/** One curated entry of `data/projects.yaml`. */
export interface Project {
  name: string;
  repo?: string;
  homepage?: string;
  category: string;
  tags?: string[];
  description?: string;
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
  category: string;
  tags: string[];
  /** The curated tagline, else GitHub's description, else null. */
  description: string | null;
  /** null until a refresh looked the repository up. */
  github: GithubBlock | null;
  trend: Trend | null;
}

/** `data/directory.json`: the generated directory people browse. */
export interface Directory {
  $schema: string;
  refreshedAt: string | null;
  categories: Category[];
  projects: DirectoryProject[];
}

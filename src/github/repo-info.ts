import type { GithubInfo, LatestRelease } from "../core/model.js";
import { stripControls } from "../core/text.js";
import { type Limits, limits } from "./repo-limits.js";

/** What a lookup learns about a repository (the `github` block without the run's bookkeeping). */
export type RepoInfo = Omit<GithubInfo, "fetchedAt" | "checkedAt" | "status" | "confirmedAt">;

/** GitHub's SPDX id for a licence it cannot identify; stored as null (see model.ts). */
const NOASSERTION = "NOASSERTION";

export function spdx(id: unknown): string | null {
  return typeof id === "string" && id !== "" && id !== NOASSERTION ? id : null;
}

/**
 * GitHub's free text without control characters or bidi overrides
 * (src/core/text.ts), which would otherwise reach every generated file.
 * Non-strings are left for repoInfoProblem to report.
 */
export function cleanText<T>(s: T): T {
  return (typeof s === "string" ? stripControls(s) : s) as T;
}

/** Builds the info with a fixed key order, so the JSON written is stable. */
export function repoInfo(v: RepoInfo): RepoInfo {
  return {
    nameWithOwner: cleanText(v.nameWithOwner),
    url: v.url,
    description: cleanText(v.description),
    stars: v.stars,
    forks: v.forks,
    openIssues: v.openIssues,
    license: cleanText(v.license),
    language: cleanText(v.language),
    // Copied when it is a list; anything else is left for sanitizeRepoInfo to report.
    topics: Array.isArray(v.topics) ? v.topics.map(cleanText) : v.topics,
    archived: v.archived,
    pushedAt: v.pushedAt,
    createdAt: v.createdAt,
    latestRelease: v.latestRelease && release(v.latestRelease),
    // Absent from data fetched before avatars were asked: left absent, so that data is unchanged.
    ...(v.avatarUrl !== undefined && { avatarUrl: v.avatarUrl }),
  };
}

function release(r: LatestRelease): LatestRelease {
  if (typeof r !== "object") return r;
  return { tag: cleanText(r.tag), publishedAt: r.publishedAt, url: r.url };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** What sanitizeRepoInfo did: the info to store (null: unusable) and each change, for the report. */
export interface Sanitized {
  info: RepoInfo | null;
  /** e.g. "latestRelease.url dropped (3000 characters; at most 2048)". */
  changes: string[];
  /** Why nothing can be stored (info is null). */
  problem?: string;
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isTime = (t: unknown): t is string | null =>
  t === null || (typeof t === "string" && ISO.test(t) && !Number.isNaN(Date.parse(t)));
const describe = (v: unknown): string =>
  typeof v === "string" ? `${v.length} characters` : v === null ? "null" : typeof v;

/**
 * Makes GitHub's answer fit schemas/directory.schema.json one field at a
 * time: a description too long is shortened; any other value that breaks the
 * contract (too long, wrong type, not https, not a date) is dropped (null, or
 * left out of a list) and reported. Only a value the entry cannot do without
 * (its name, counts, archived flag) makes the answer unusable: that repository
 * then keeps its last-known data as stale, and the run goes on.
 */
export function sanitizeRepoInfo(v: RepoInfo): Sanitized {
  const L = limits();
  const changes: string[] = [];
  const drop = (field: string, value: unknown, why: string) => {
    changes.push(`${field} dropped (${describe(value)}; ${why})`);
    return null;
  };
  const text = (field: string, value: unknown, max: number): string | null => {
    if (value === null) return null;
    if (typeof value !== "string") return drop(field, value, "expected text");
    return value.length <= max ? value : drop(field, value, `at most ${max}`);
  };
  const https = (field: string, value: unknown, max: number): string | null => {
    if (value === null) return null;
    if (typeof value !== "string" || !value.startsWith("https://")) {
      return drop(field, value, "expected an https URL");
    }
    return value.length <= max ? value : drop(field, value, `at most ${max}`);
  };
  const time = (field: string, value: unknown): string | null =>
    isTime(value) ? value : drop(field, value, "expected an ISO time");

  const bad = unusableFields(v, L);
  if (bad.length > 0) {
    const problem = `GitHub sent an unusable ${bad.join(", ")}`;
    return { info: null, changes: [], problem };
  }

  let description = v.description as unknown;
  if (typeof description === "string" && description.length > L.description) {
    changes.push(
      `description shortened (${description.length} characters; at most ${L.description})`,
    );
    description = `${description.slice(0, L.description - 1).trimEnd()}…`;
  } else description = text("description", description, L.description);

  return {
    info: repoInfo({
      nameWithOwner: v.nameWithOwner,
      url: https("url", v.url, L.url),
      description: description as string | null,
      stars: v.stars,
      forks: v.forks,
      openIssues: v.openIssues,
      license: text("license", v.license, L.license),
      language: text("language", v.language, L.language),
      topics: topics(v.topics, L, changes),
      archived: v.archived,
      pushedAt: time("pushedAt", v.pushedAt),
      createdAt: time("createdAt", v.createdAt),
      latestRelease: latest(v.latestRelease, L, https, time, drop),
      ...(v.avatarUrl !== undefined && { avatarUrl: avatar(v.avatarUrl, L, drop) }),
    }),
    changes,
  };
}

/** The values an entry cannot do without (its name, counts, archived flag) that GitHub sent broken. */
function unusableFields(v: RepoInfo, L: Limits): string[] {
  const bad: string[] = [];
  const name = v.nameWithOwner as unknown;
  if (
    typeof name !== "string" ||
    !/^[^/\s]+\/[^/\s]+$/.test(name) ||
    name.length > L.nameWithOwner
  ) {
    bad.push(`nameWithOwner (${describe(name)})`);
  }
  for (const k of ["stars", "forks", "openIssues"] as const) {
    if (!isCount(v[k])) bad.push(`${k} (${describe(v[k])})`);
  }
  if (typeof v.archived !== "boolean") bad.push(`archived (${describe(v.archived)})`);
  return bad;
}

/** An image on GitHub's avatar host (the schema's pattern), of at most L.avatarUrl characters. */
function avatar(
  value: unknown,
  L: Limits,
  drop: (f: string, v: unknown, why: string) => null,
): string | null {
  if (value === null) return null;
  if (typeof value !== "string" || !L.avatarPattern.test(value)) {
    return drop("avatarUrl", value, "expected an https URL on avatars.githubusercontent.com");
  }
  return value.length <= L.avatarUrl ? value : drop("avatarUrl", value, `at most ${L.avatarUrl}`);
}

function topics(value: unknown, L: Limits, changes: string[]): string[] {
  if (!Array.isArray(value)) {
    changes.push(`topics dropped (${describe(value)}; expected a list)`);
    return [];
  }
  const kept = value.filter((t): t is string => typeof t === "string" && t.length <= L.topic);
  if (kept.length < value.length) {
    changes.push(
      `${value.length - kept.length} topic(s) dropped (not text, or over ${L.topic} characters)`,
    );
  }
  if (kept.length > L.topics) {
    changes.push(`topics cut to ${L.topics} (of ${kept.length})`);
    return kept.slice(0, L.topics);
  }
  return kept;
}

function latest(
  value: unknown,
  L: Limits,
  https: (f: string, v: unknown, max: number) => string | null,
  time: (f: string, v: unknown) => string | null,
  drop: (f: string, v: unknown, why: string) => null,
): LatestRelease | null {
  if (value === null) return null;
  if (typeof value !== "object") return drop("latestRelease", value, "expected an object");
  const r = value as Record<string, unknown>;
  // The tag is what a release is known by: without it there is no release to show.
  if (typeof r.tag !== "string" || r.tag.length > L.tag) {
    return drop("latestRelease", r.tag, `its tag must be text of at most ${L.tag} characters`);
  }
  return {
    tag: r.tag,
    publishedAt: time("latestRelease.publishedAt", r.publishedAt),
    url: https("latestRelease.url", r.url, L.releaseUrl),
  };
}

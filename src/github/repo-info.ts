import type { GithubInfo, LatestRelease } from "../core/model.js";
import { stripControls } from "../core/text.js";

/** What a lookup learns about a repository (the `github` block without the run's bookkeeping). */
export type RepoInfo = Omit<GithubInfo, "fetchedAt" | "checkedAt" | "status">;

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
    topics: Array.isArray(v.topics) ? v.topics.map(cleanText) : v.topics,
    archived: v.archived,
    pushedAt: v.pushedAt,
    createdAt: v.createdAt,
    latestRelease: v.latestRelease && release(v.latestRelease),
  };
}

function release(r: LatestRelease): LatestRelease {
  return { tag: cleanText(r.tag), publishedAt: r.publishedAt, url: r.url };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const NAME = /^[^/\s]+\/[^/\s]+$/;

const isCount = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;
const isTime = (t: unknown): boolean => t === null || (typeof t === "string" && ISO.test(t));
const isHttps = (u: unknown): boolean => typeof u === "string" && u.startsWith("https://");
const isText = (s: unknown): boolean => s === null || typeof s === "string";

/**
 * Why GitHub's answer cannot be stored as is (schemas/directory.schema.json),
 * or null when it can. A bad answer fails that repository, never the run.
 */
export function repoInfoProblem(v: RepoInfo): string | null {
  const bad: string[] = [];
  if (typeof v.nameWithOwner !== "string" || !NAME.test(v.nameWithOwner)) bad.push("nameWithOwner");
  if (!isHttps(v.url)) bad.push("url");
  if (!isText(v.description)) bad.push("description");
  if (!isCount(v.stars)) bad.push("stars");
  if (!isCount(v.forks)) bad.push("forks");
  if (!isCount(v.openIssues)) bad.push("open issues");
  if (!isText(v.license)) bad.push("license");
  if (!isText(v.language)) bad.push("language");
  if (!Array.isArray(v.topics) || !v.topics.every((t) => typeof t === "string")) bad.push("topics");
  if (typeof v.archived !== "boolean") bad.push("archived");
  if (!isTime(v.pushedAt)) bad.push("pushedAt");
  if (!isTime(v.createdAt)) bad.push("createdAt");
  const r = v.latestRelease;
  if (r !== null && (typeof r?.tag !== "string" || !isTime(r.publishedAt) || !isHttps(r.url))) {
    bad.push("latest release");
  }
  return bad.length === 0 ? null : `GitHub sent an unexpected ${bad.join(", ")}`;
}

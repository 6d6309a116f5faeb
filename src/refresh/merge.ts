import {
  type GithubBlock,
  type GithubInfo,
  type GithubStatus,
  isFetched,
  missingBlock,
} from "../core/model.js";
import type { LookupResult } from "../github/lookup-run.js";
import { type RepoInfo, repoInfo } from "../github/repo-info.js";

/** The `github` block with its fields in schema order (stable JSON); `confirmedAt` only when stale. */
export function githubInfo(
  info: RepoInfo,
  fetchedAt: string,
  checkedAt: string,
  status: GithubStatus,
  confirmedAt?: string,
): GithubInfo {
  const confirmed = status === "stale" && confirmedAt !== undefined ? { confirmedAt } : {};
  return { ...repoInfo(info), ...confirmed, fetchedAt, checkedAt, status };
}

/**
 * When a stale entry's data was last found as it is: the previous run's
 * `refreshedAt` when the entry was ok or moved then; kept from the previous
 * block while it stays stale. A directory with no refreshedAt, or a block
 * without confirmedAt (stale before it existed, or missing before), falls back
 * to the latest time known to have found this data: checkedAt of an ok or
 * moved block (its last change), else fetchedAt (the fetch that returned it).
 */
export function confirmedAtOf(previous: GithubInfo, previousRefreshedAt: string | null): string {
  if (previous.status === "ok" || previous.status === "moved") {
    return previousRefreshedAt ?? previous.checkedAt;
  }
  return previous.confirmedAt ?? previous.fetchedAt;
}

/**
 * Whether two blocks hold the same GitHub data (times and status aside). The
 * same object when pass 1 found the data unchanged (details.ts).
 */
export function sameData(a: RepoInfo, b: RepoInfo): boolean {
  return a === b || JSON.stringify(repoInfo(a)) === JSON.stringify(repoInfo(b));
}

export interface Merged {
  /** null only when there was never any answer (a first lookup that failed). */
  github: GithubBlock | null;
  status: GithubStatus;
  /** Why the lookup failed (status stale). */
  reason?: string;
  /** GitHub's data differs from the previous block (or there was none). */
  changed: boolean;
}

/** Whether GitHub answered under another name than the curated one. */
export const isMoved = (curated: string, nameWithOwner: string): boolean =>
  curated.toLowerCase() !== nameWithOwner.toLowerCase();

/**
 * The entry's new `github` block. The contract (README "Freshness"): a run in
 * which GitHub's data did not change leaves the block byte-identical.
 * - `fetchedAt` is when the data last changed: the first fetch that returned
 *   these values. A fetch that finds the same data keeps it.
 * - `checkedAt` is when the entry last changed at all (data or status), or,
 *   for a stale entry, the attempt that failed. A lookup never sent (the run
 *   stopped first) is no attempt: it keeps the previous `checkedAt`.
 * - An entry whose status is ok or moved was found unchanged at the
 *   directory's `refreshedAt`.
 * - `confirmedAt`, only on a stale entry: the last run that found its data as
 *   it is (confirmedAtOf), so readers can tell how old it is.
 * A failure or a missing repository keeps every last-known field. A repository
 * never fetched that GitHub says does not exist gets a missing block (status
 * and checkedAt, the rest null), kept as it is while it stays missing.
 */
export function mergeResult(
  repo: string,
  previous: GithubBlock | null,
  result: LookupResult,
  now: string,
  previousRefreshedAt: string | null = null,
): Merged {
  if (result.kind === "ok") {
    const status = isMoved(repo, result.info.nameWithOwner) ? "moved" : "ok";
    const same = isFetched(previous) && sameData(previous, result.info);
    if (same && previous.status === status) return { github: previous, status, changed: false };
    const fetchedAt = same ? previous.fetchedAt : now;
    return { github: githubInfo(result.info, fetchedAt, now, status), status, changed: !same };
  }
  const status = result.kind === "missing" ? "missing" : "stale";
  const attempted = result.kind === "missing" || result.skipped !== true;
  let github: GithubBlock | null = previous;
  if (!isFetched(previous)) {
    if (status === "missing" && previous?.status !== "missing") github = missingBlock(now);
  } else if (previous.status !== status || (status === "stale" && attempted)) {
    const checkedAt = attempted ? now : previous.checkedAt;
    const confirmedAt = confirmedAtOf(previous, previousRefreshedAt);
    github = githubInfo(previous, previous.fetchedAt, checkedAt, status, confirmedAt);
  }
  return result.kind === "failed"
    ? { github, status, reason: result.reason, changed: false }
    : { github, status, changed: false };
}

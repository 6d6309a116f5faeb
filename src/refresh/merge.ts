import {
  type GithubBlock,
  type GithubInfo,
  type GithubStatus,
  isFetched,
  missingBlock,
} from "../core/model.js";
import type { LookupResult } from "../github/lookup-run.js";
import { type RepoInfo, repoInfo } from "../github/repo-info.js";

/** The `github` block with its fields in schema order (stable JSON). */
export function githubInfo(
  info: RepoInfo,
  fetchedAt: string,
  checkedAt: string,
  status: GithubStatus,
): GithubInfo {
  return { ...repoInfo(info), fetchedAt, checkedAt, status };
}

export interface Merged {
  /** null only when there was never any answer (a first lookup that failed). */
  github: GithubBlock | null;
  status: GithubStatus;
  /** Why the lookup failed (status stale). */
  reason?: string;
}

/** Whether GitHub answered under another name than the curated one. */
export const isMoved = (curated: string, nameWithOwner: string): boolean =>
  curated.toLowerCase() !== nameWithOwner.toLowerCase();

/**
 * The entry's new `github` block. A success replaces the data (fetchedAt =
 * checkedAt = now); a failure or a missing repository keeps every last-known
 * field, fetchedAt included, and only records the attempt (checkedAt = now).
 * A repository never fetched that GitHub says does not exist gets a missing
 * block (status and checkedAt, the rest null), which a later failure keeps
 * as it is.
 */
export function mergeResult(
  repo: string,
  previous: GithubBlock | null,
  result: LookupResult,
  now: string,
): Merged {
  if (result.kind === "ok") {
    const status = isMoved(repo, result.info.nameWithOwner) ? "moved" : "ok";
    return { github: githubInfo(result.info, now, now, status), status };
  }
  const status = result.kind === "missing" ? "missing" : "stale";
  if (!isFetched(previous)) {
    const github = status === "missing" ? missingBlock(now) : previous;
    return result.kind === "failed"
      ? { github, status, reason: result.reason }
      : { github, status };
  }
  const github = githubInfo(previous, previous.fetchedAt, now, status);
  return result.kind === "failed" ? { github, status, reason: result.reason } : { github, status };
}

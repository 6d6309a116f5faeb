import type { GithubInfo, GithubStatus } from "../core/model.js";
import type { Known } from "../generate/directory.js";
import type { LookupResult } from "../github/lookup-run.js";
import { type RepoInfo, repoInfo } from "../github/repo-info.js";
import type { RepoProject } from "./select.js";
import type { EntryReport } from "./types.js";

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
  /** null only when there was never any data (a first lookup that failed or found nothing). */
  github: GithubInfo | null;
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
 */
export function mergeResult(
  repo: string,
  previous: GithubInfo | null,
  result: LookupResult,
  now: string,
): Merged {
  if (result.kind === "ok") {
    const status = isMoved(repo, result.info.nameWithOwner) ? "moved" : "ok";
    return { github: githubInfo(result.info, now, now, status), status };
  }
  const status = result.kind === "missing" ? "missing" : "stale";
  const github = previous && githubInfo(previous, previous.fetchedAt, now, status);
  return result.kind === "failed" ? { github, status, reason: result.reason } : { github, status };
}

/** One refreshed entry: its new `github` block and what happened to it. */
export interface MergedEntry {
  github: GithubInfo | null;
  report: EntryReport;
}

/** Merges every selected entry's lookup result (by project name). */
export function mergeSelected(
  selected: readonly RepoProject[],
  known: Map<string, Known>,
  results: Map<string, LookupResult>,
  stamp: string,
): Map<string, MergedEntry> {
  const merged = new Map<string, MergedEntry>();
  for (const p of selected) {
    const prev = known.get(p.repo.toLowerCase())?.github ?? null;
    const result = results.get(p.repo) ?? { kind: "failed", reason: "not looked up" };
    const m = mergeResult(p.repo, prev, result, stamp);
    const fetchedNow = m.status === "ok" || m.status === "moved";
    const report: EntryReport = {
      name: p.name,
      repo: p.repo,
      status: m.status,
      nameWithOwner: m.github?.nameWithOwner ?? null,
      stars: m.github?.stars ?? null,
      gain: fetchedNow && prev && m.github ? m.github.stars - prev.stars : null,
      fetchedAt: m.github?.fetchedAt ?? null,
      newlyArchived: fetchedNow && m.github?.archived === true && prev?.archived !== true,
      ...(m.reason !== undefined && { reason: m.reason }),
    };
    merged.set(p.name, { github: m.github, report });
  }
  return merged;
}

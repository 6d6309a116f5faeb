/** Merging this run's answers into each entry, and what --fix-moved and the schema change in them. */
import { type GithubBlock, type GithubInfo, isFetched } from "../core/model.js";
import type { Known } from "../generate/directory.js";
import type { LookupResult } from "../github/lookup.js";
import type { LoadedCatalog } from "../load/catalog.js";
import type { Catalog } from "../validate/index.js";
import { type AppliedFix, applyFixMoved } from "./apply-fix.js";
import type { conformDirectory } from "./contract.js";
import { trendOf } from "./history.js";
import { mergeResult } from "./merge.js";
import type { RepoProject } from "./select.js";
import type { EntryReport } from "./types.js";

export const key = (github: GithubInfo): string => github.nameWithOwner.toLowerCase();

export type Merged = Map<string, { github: GithubBlock | null; report: EntryReport }>;

/** Each selected entry's new GitHub block (never losing last-known data) and its report line, by name. */
export function mergeAll(
  selected: readonly RepoProject[],
  known: Map<string, Known>,
  results: Map<string, LookupResult>,
  stamp: string,
  /** The previous directory's refreshedAt (what a stale entry's confirmedAt becomes). */
  previousRefreshedAt: string | null = null,
): Merged {
  const merged: Merged = new Map();
  for (const p of selected) {
    const block = known.get(p.repo.toLowerCase())?.github ?? null;
    const prev = isFetched(block) ? block : null;
    const result = results.get(p.repo) ?? { kind: "failed", reason: "not looked up" };
    const m = mergeResult(p.repo, block, result, stamp, previousRefreshedAt);
    const fetchedNow = (m.status === "ok" || m.status === "moved") && isFetched(m.github);
    const report: EntryReport = {
      name: p.name,
      repo: p.repo,
      status: m.status,
      nameWithOwner: m.github?.nameWithOwner ?? null,
      stars: m.github?.stars ?? null,
      gain: fetchedNow && prev && isFetched(m.github) ? m.github.stars - prev.stars : null,
      fetchedAt: m.github?.fetchedAt ?? null,
      changed: m.changed,
      newlyArchived: fetchedNow && m.github?.archived === true && prev?.archived !== true,
      ...(m.reason !== undefined && { reason: m.reason }),
      ...(result.kind === "ok" && result.changes && { changes: result.changes }),
    };
    merged.set(p.name, { github: m.github, report });
  }
  return merged;
}

/** --fix-moved: rewrites moved repos in the YAML; a fixed entry is simply ok, and keeps its ETag. */
export function fixMovedRepos(
  loaded: LoadedCatalog,
  catalog: Catalog,
  merged: Merged,
  etags: Map<string, string>,
): AppliedFix {
  const moves = new Map<string, string>();
  for (const { report } of merged.values()) {
    if (report.status === "moved" && report.nameWithOwner) {
      moves.set(report.repo, report.nameWithOwner);
    }
  }
  const fix = applyFixMoved(loaded, catalog, moves);
  for (const f of fix.fixed) {
    const entry = merged.get(f.name);
    if (!entry) continue;
    entry.report.fixed = true;
    // The curated name now matches GitHub's: the entry is simply ok.
    if (isFetched(entry.github)) entry.github = { ...entry.github, status: "ok" };
    const etag = etags.get(f.from.toLowerCase());
    if (etag !== undefined) etags.set(f.to.toLowerCase(), etag);
  }
  return fix;
}

/** What the generator gets per repo: this run's data and trend where looked up, else the last-known. */
export function knownForGeneration(
  catalog: Catalog,
  merged: Merged,
  known: Map<string, Known>,
  history: Parameters<typeof trendOf>[0],
  today: string,
): Map<string, Known> {
  const generation = new Map<string, Known>();
  for (const p of catalog.projects) {
    if (!p.repo) continue;
    const m = merged.get(p.name);
    const k = m
      ? {
          github: m.github,
          trend: isFetched(m.github) ? trendOf(history, key(m.github), today) : null,
        }
      : (known.get(p.repo.toLowerCase()) ?? { github: null, trend: null });
    generation.set(p.repo.toLowerCase(), k);
  }
  return generation;
}

/** Values held to the directory's schema show in their entry's report. */
export function noteConformFixes(
  merged: Merged,
  fixes: ReturnType<typeof conformDirectory>["fixes"],
): void {
  for (const f of fixes) {
    const entry = merged.get(f.name)?.report;
    if (entry) entry.changes = [...(entry.changes ?? []), ...f.changes];
  }
}

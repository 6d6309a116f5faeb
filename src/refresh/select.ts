import type { Project } from "../core/model.js";
import { didYouMean } from "../core/suggest.js";
import type { Known } from "../generate/directory.js";

/** A curated entry that has a repository to refresh. */
export type RepoProject = Project & { repo: string };

/** `--only` named something that is not in the catalog. */
export class UnknownEntryError extends Error {
  override name = "UnknownEntryError";
}

/**
 * The entries to refresh: all with a `repo`, or those `only` names (by
 * project name or by repo, case-insensitively). Throws UnknownEntryError
 * listing every name that matches nothing.
 */
export function selectEntries(
  projects: readonly Project[],
  only: readonly string[],
  invalid: readonly string[] = [],
): RepoProject[] {
  const withRepo = projects.filter((p): p is RepoProject => typeof p.repo === "string");
  if (only.length === 0) return withRepo;
  const wanted = new Set(only.map((o) => o.trim().toLowerCase()));
  const picked = withRepo.filter(
    (p) => wanted.has(p.name.toLowerCase()) || wanted.has(p.repo.toLowerCase()),
  );
  const found = new Set(picked.flatMap((p) => [p.name.toLowerCase(), p.repo.toLowerCase()]));
  const unknown = only.filter((o) => !found.has(o.trim().toLowerCase()));
  if (unknown.length > 0) {
    const names = withRepo.map((p) => p.name);
    const noRepo = new Set(projects.filter((p) => !p.repo).map((p) => p.name.toLowerCase()));
    const bad = new Set(invalid.map((n) => n.toLowerCase()));
    const detail = unknown.map((u) => {
      const k = u.trim().toLowerCase();
      if (noRepo.has(k)) return `'${u}' has no repo to refresh`;
      if (bad.has(k)) return `'${u}' is invalid; \`cooltech validate\` says why; fix it first`;
      return `no entry named '${u}'${didYouMean(u, names)}`;
    });
    throw new UnknownEntryError(`--only: ${detail.join("; ")}`);
  }
  return picked;
}

/**
 * Lookup order: never-fetched first, then entries left stale (a failed or
 * skipped lookup), then the longest unchecked. When a budget or --max-time
 * cannot cover the catalog (60 requests/hour without a token), the entries a
 * run did not reach go stale and come first in the next, so the whole catalog
 * rotates over a few runs.
 */
export function byStaleness(entries: readonly RepoProject[], known: Map<string, Known>) {
  const rank = (p: RepoProject): [number, string] => {
    const github = known.get(p.repo.toLowerCase())?.github;
    if (!github) return [0, ""];
    return [github.status === "stale" ? 1 : 2, github.checkedAt];
  };
  return entries
    .map((p, i) => ({ p, i, r: rank(p) }))
    .sort(
      (a, b) => a.r[0] - b.r[0] || (a.r[1] < b.r[1] ? -1 : a.r[1] > b.r[1] ? 1 : 0) || a.i - b.i,
    )
    .map((x) => x.p);
}

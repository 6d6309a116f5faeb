/** The REST ETags (.etags.json) a refresh reuses, renews and writes back. */
import type { FileWrite } from "../core/commit.js";
import { type Directory, isFetched } from "../core/model.js";
import type { Known } from "../generate/directory.js";
import { serializeEtags } from "../github/etags.js";
import type { EtagEntry } from "../github/lookup.js";
import type { RepoProject } from "./select.js";

/** The ETags GitHub sent this run replace the old ones; a repo that lost its cached data loses its ETag. */
export function keepFreshEtags(
  selected: readonly RepoProject[],
  cache: Map<string, EtagEntry>,
  etags: Map<string, string>,
): void {
  for (const p of selected) {
    const k = p.repo.toLowerCase();
    const c = cache.get(k);
    if (c) etags.set(k, c.etag);
    else etags.delete(k);
  }
}

/** .etags.json, keeping only the repos still in the directory. */
export function etagsFile(
  path: string,
  etags: Map<string, string>,
  directory: Directory,
): FileWrite {
  const repos = new Set(directory.projects.flatMap((p) => (p.repo ? [p.repo.toLowerCase()] : [])));
  for (const k of etags.keys()) if (!repos.has(k)) etags.delete(k);
  return { path, content: serializeEtags(etags) };
}

/**
 * ETags usable now: only where the directory still holds the data the ETag
 * stands for, and that data is whole. Data fetched before avatars were asked
 * has no `avatarUrl`: its repository is asked again once, without the ETag (a
 * 304 would keep it without one for as long as the repository does not change).
 */
export function etagCache(
  selected: readonly RepoProject[],
  etags: Map<string, string>,
  known: Map<string, Known>,
): Map<string, EtagEntry> {
  const cache = new Map<string, EtagEntry>();
  for (const p of selected) {
    const k = p.repo.toLowerCase();
    const etag = etags.get(k);
    const github = known.get(k)?.github;
    if (etag !== undefined && isFetched(github) && github.avatarUrl !== undefined) {
      cache.set(k, { etag, info: github });
    }
  }
  return cache;
}

/** Repository lookups over the mutable `repos` map, as GitHub resolves names. */
import type { FakeRepo } from "./types.js";

export const fullName = (r: FakeRepo): string => `${r.owner}/${r.name}`;

export function reposMap(list: readonly FakeRepo[]): Map<string, FakeRepo> {
  return new Map(list.map((r) => [fullName(r), r]));
}

export interface Found {
  repo: FakeRepo;
  /** Resolved through `formerNames` (a rename or transfer). */
  moved: boolean;
}

/**
 * Finds "owner/name" case-insensitively; with `followRenames`, also by former name.
 * The map may have been edited in any way since the last call, so a miss scans it
 * (misses are rare: unknown and renamed repositories).
 */
export function findRepo(
  repos: ReadonlyMap<string, FakeRepo>,
  name: string,
  followRenames = true,
): Found | undefined {
  const lower = name.toLowerCase();
  const hit = repos.get(name);
  if (hit && fullName(hit).toLowerCase() === lower) return { repo: hit, moved: false };
  for (const repo of repos.values()) {
    if (fullName(repo).toLowerCase() === lower) return { repo, moved: false };
  }
  if (!followRenames) return undefined;
  for (const repo of repos.values()) {
    if (repo.formerNames?.some((f) => f.toLowerCase() === lower)) return { repo, moved: true };
  }
  return undefined;
}

export function findById(repos: ReadonlyMap<string, FakeRepo>, id: number): FakeRepo | undefined {
  for (const repo of repos.values()) if (repo.id === id) return repo;
  return undefined;
}

/** The legacy global node id GitHub still serves, e.g. "MDEwOlJlcG9zaXRvcnkxMjk2MjY5". */
export function nodeId(typeName: string, id: number): string {
  return Buffer.from(`0${typeName.length}:${typeName}${id}`).toString("base64");
}

/** A `github` block (schema order) for unit tests: an ok, fetched "o/r" with nothing set, and `over`. */
import type { GithubInfo } from "../../src/core/model.js";

export function githubBlock(over: Partial<GithubInfo> = {}): GithubInfo {
  return {
    nameWithOwner: "o/r",
    url: "https://github.com/o/r",
    description: null,
    stars: 0,
    forks: 0,
    openIssues: 0,
    license: null,
    language: null,
    topics: [],
    archived: false,
    pushedAt: null,
    createdAt: null,
    latestRelease: null,
    fetchedAt: "2026-01-01T00:00:00Z",
    checkedAt: "2026-01-01T00:00:00Z",
    status: "ok",
    ...over,
  };
}

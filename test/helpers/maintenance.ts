/**
 * Fixtures of the maintenance-mark tests (maintenance-marks.test.ts): the
 * refresh they measure from, GitHub data around it, directory entries, and a
 * small catalog with one project of each kind of mark.
 */
import type { DirectoryProject, GithubInfo, Maintenance } from "../../src/core/model.js";
import { githubBlock } from "./github-block.js";

export const REFRESHED = "2026-11-21T03:00:00.000Z";

/** GitHub data for o/n, pushed on 2026-11-01, with `extra`. */
export function github(extra: Partial<GithubInfo> = {}): GithubInfo {
  return githubBlock({
    nameWithOwner: "o/n",
    url: "https://github.com/o/n",
    stars: 1200,
    pushedAt: "2026-11-01T00:00:00Z",
    fetchedAt: "2026-11-01T00:00:00.000Z",
    checkedAt: "2026-11-20T03:00:00.000Z",
    ...extra,
  });
}

/** A mark computed from the GitHub data. */
export const computed = (status: Maintenance["status"]): Maintenance => ({
  status,
  note: null,
  source: "computed",
});

/** A directory entry for o/n with `maintenance` (none at all when undefined). */
export function project(
  maintenance: Maintenance | null | undefined,
  gh: GithubInfo | null = github(),
) {
  const p: DirectoryProject = {
    name: "x",
    repo: "o/n",
    homepage: null,
    category: "c",
    tags: [],
    description: null,
    github: gh,
    trend: null,
  };
  return maintenance === undefined ? p : { ...p, maintenance };
}

/** One project of each kind of mark; o/unknown has no GitHub data. */
export const PROJECTS = `- name: Aged
  repo: o/aged
  category: security
- name: Archived
  repo: o/archived
  category: security
- name: Done
  repo: o/done
  category: security
  maintenance:
    status: feature-complete
    note: "stable; no changes needed <b>"
- name: Fresh
  repo: o/fresh
  category: security
- name: NoRepo
  homepage: https://norepo.example/
  category: security
  maintenance:
    status: deprecated
- name: Unknown
  repo: o/unknown
  category: security
`;

/** A directory entry for `repo` in the catalog above, with its GitHub data. */
export function known(repo: string, extra: Partial<GithubInfo>): DirectoryProject {
  return {
    name: repo,
    repo,
    homepage: null,
    category: "security",
    tags: [],
    description: null,
    github: github({ nameWithOwner: repo, url: `https://github.com/${repo}`, ...extra }),
    trend: null,
  };
}

/**
 * A catalog's last build for degradation tests: the directory.json that
 * helpers/catalog.ts's two categories built (Falco, Rook), whose records an
 * invalid entry keeps.
 */
import type { Directory, DirectoryProject, GithubInfo } from "../../src/core/model.js";
import { githubBlock } from "./github-block.js";

function github(nameWithOwner: string): GithubInfo {
  return githubBlock({
    nameWithOwner,
    url: `https://github.com/${nameWithOwner}`,
    stars: 100,
    forks: 10,
    openIssues: 1,
    license: "Apache-2.0",
    language: "Go",
    fetchedAt: "2026-11-20T03:00:00Z",
    checkedAt: "2026-11-20T03:00:00Z",
  });
}

/** A project's record as the last build wrote it. */
export function record(name: string, repo: string, category: string): DirectoryProject {
  return {
    name,
    repo,
    homepage: null,
    category,
    categories: [category],
    tags: [],
    description: `${name}, as last built`,
    github: github(repo),
    trend: { stars7d: 1, stars30d: 2 },
  };
}

export const PREVIOUS: Directory = {
  $schema: "../schemas/directory.schema.json",
  refreshedAt: "2026-11-20T03:00:00Z",
  categories: [
    { id: "security", name: "Security", description: "Last-known security." },
    { id: "storage", name: "Storage", description: "Last-known storage." },
  ],
  projects: [
    record("Falco", "falcosecurity/falco", "security"),
    record("Rook", "rook/rook", "storage"),
  ],
};

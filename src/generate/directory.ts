import {
  type Directory,
  type DirectoryProject,
  type GithubBlock,
  isFetched,
  type Project,
  type Trend,
} from "../core/model.js";
import { compareProjects } from "../core/order.js";
import type { Catalog } from "../validate/index.js";

export const DIRECTORY_SCHEMA_REF = "../schemas/directory.schema.json";

/** What is known of an entry from an earlier run. */
export interface Known {
  github: GithubBlock | null;
  trend: Trend | null;
}

/**
 * Indexes the last-known GitHub data of a directory by repository, under both
 * the curated `repo` and GitHub's current `nameWithOwner`, so data survives a
 * `--fix-moved` rewrite of the YAML.
 */
export function indexKnown(previous: Directory | null): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const p of previous?.projects ?? []) {
    const entry = { github: p.github, trend: p.trend };
    if (isFetched(p.github)) known.set(p.github.nameWithOwner.toLowerCase(), entry);
    if (p.repo) known.set(p.repo.toLowerCase(), entry);
  }
  return known;
}

/**
 * The directory: curated entries in canonical order, each with its
 * last-known GitHub data, plus the `kept` last-known records of entries that
 * are invalid now (see degrade.ts). Pure and deterministic (no clock).
 */
export function generateDirectory(
  catalog: Catalog,
  known: Map<string, Known>,
  refreshedAt: string | null,
  kept: readonly DirectoryProject[] = [],
): Directory {
  const projects = catalog.projects.map((p) => {
    const k = p.repo ? known.get(p.repo.toLowerCase()) : undefined;
    return directoryProject(p, k?.github ?? null, k?.trend ?? null);
  });
  projects.push(...kept);
  projects.sort(compareProjects);
  return {
    $schema: DIRECTORY_SCHEMA_REF,
    refreshedAt,
    categories: catalog.categories.map(({ id, name, description }) => ({ id, name, description })),
    projects,
  };
}

export function directoryProject(
  p: Project,
  github: GithubBlock | null,
  trend: Trend | null,
): DirectoryProject {
  return {
    name: p.name,
    repo: p.repo ?? null,
    homepage: p.homepage ?? null,
    category: p.category,
    tags: p.tags ?? [],
    description: p.description ?? github?.description ?? null,
    github: p.repo ? github : null,
    trend: p.repo ? trend : null,
  };
}

/** Stable text: two-space JSON and a final newline, so unchanged data gives identical bytes. */
export function serializeDirectory(directory: Directory): string {
  return `${JSON.stringify(directory, null, 2)}\n`;
}

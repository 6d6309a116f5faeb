import { DIRECTORY_SCHEMA_REF } from "../core/branding.js";
import {
  categoryIds,
  type Directory,
  type DirectoryProject,
  type GithubBlock,
  isFetched,
  type Maintenance,
  type Project,
  type Trend,
} from "../core/model.js";
import { compareProjects } from "../core/order.js";
import { DEFAULT_INACTIVE_AFTER_MONTHS } from "../load/config.js";
import type { Catalog } from "../validate/index.js";
import { maintenanceOf } from "./maintenance.js";

export { DIRECTORY_SCHEMA_REF };

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
 * are invalid now (see degrade.ts, kept as they were). `$schema` is `schema`
 * (see `directorySchemaRef`). Each entry's maintenance mark is measured from
 * `refreshedAt` (maintenance.ts). Pure and deterministic (no clock).
 */
export function generateDirectory(
  catalog: Catalog,
  known: Map<string, Known>,
  refreshedAt: string | null,
  kept: readonly DirectoryProject[] = [],
  schema: string = DIRECTORY_SCHEMA_REF,
  inactiveAfterMonths: number = DEFAULT_INACTIVE_AFTER_MONTHS,
): Directory {
  const projects = catalog.projects.map((p) => {
    const k = p.repo ? known.get(p.repo.toLowerCase()) : undefined;
    const github = p.repo ? (k?.github ?? null) : null;
    const maintenance = maintenanceOf(p, github, refreshedAt, inactiveAfterMonths);
    return directoryProject(p, github, k?.trend ?? null, maintenance);
  });
  projects.push(...kept);
  projects.sort(compareProjects);
  return {
    $schema: schema,
    refreshedAt,
    categories: catalog.categories.map(({ id, name, description }) => ({ id, name, description })),
    projects,
  };
}

export function directoryProject(
  p: Project,
  github: GithubBlock | null,
  trend: Trend | null,
  maintenance: Maintenance | null = null,
): DirectoryProject {
  return {
    name: p.name,
    repo: p.repo ?? null,
    homepage: p.homepage ?? null,
    category: categoryIds(p.category)[0] ?? "",
    categories: categoryIds(p.category),
    tags: p.tags ?? [],
    description: p.description ?? github?.description ?? null,
    github: p.repo ? github : null,
    trend: p.repo ? trend : null,
    maintenance,
  };
}

/** Stable text: two-space JSON and a final newline, so unchanged data gives identical bytes. */
export function serializeDirectory(directory: Directory): string {
  return `${JSON.stringify(directory, null, 2)}\n`;
}

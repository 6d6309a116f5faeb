import { join } from "node:path";
import type { Diagnostic } from "../core/diagnostic.js";
import { type ParsedYaml, readYaml } from "./yaml-source.js";

export const PROJECTS_FILE = "projects.yaml";
export const CATEGORIES_FILE = "categories.yaml";
export const DIRECTORY_FILE = "directory.json";

/** The two curated files, parsed but not yet validated. */
export interface LoadedCatalog {
  dataDir: string;
  projects: ParsedYaml;
  categories: ParsedYaml;
  /** Syntax problems of both files. */
  diagnostics: Diagnostic[];
}

export async function loadCatalog(dataDir: string, cwd?: string): Promise<LoadedCatalog> {
  const [projects, categories] = await Promise.all([
    readYaml(join(dataDir, PROJECTS_FILE), cwd),
    readYaml(join(dataDir, CATEGORIES_FILE), cwd),
  ]);
  return {
    dataDir,
    projects,
    categories,
    diagnostics: [...categories.diagnostics, ...projects.diagnostics],
  };
}

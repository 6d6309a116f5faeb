import { isMap, isSeq, type Node, type YAMLSeq } from "yaml";
import { type Diagnostic, quote } from "../core/diagnostic.js";
import type { Project } from "../core/model.js";
import { compareProjects } from "../core/order.js";
import { normalizeRepo, repoKey } from "../core/repo-url.js";
import { writeFileAtomic } from "../core/write.js";
import { type LoadedCatalog, loadCatalog } from "../load/catalog.js";
import { positionOf } from "../load/locate.js";
import { parseYaml } from "../load/yaml-source.js";
import { validateCatalog } from "../validate/index.js";
import { PRINT_OPTIONS, putHeader, takeHeader } from "./canonical.js";

export interface AddInput {
  repo: string;
  /** One category id, or several (the first is the primary one). */
  category: string | string[];
  name?: string;
  homepage?: string;
  tags?: string[];
  description?: string;
}

export type AddOutcome =
  | { ok: true; project: Project; file: string; line: number; warnings: Diagnostic[] }
  | { ok: false; reason: string; diagnostics: Diagnostic[] };

/**
 * Inserts a project at its sorted place in projects.yaml (comments kept),
 * validates the whole catalog with it, and writes the file only if valid.
 */
export async function addProject(
  dataDir: string,
  input: AddInput,
  cwd?: string,
): Promise<AddOutcome> {
  const loaded = await loadCatalog(dataDir, cwd);
  const source = loaded.projects.source;
  // Problems already in the files are not the new entry's fault: say so, and write nothing.
  const broken = validateCatalog(loaded).diagnostics.filter((d) => d.severity === "error");
  if (source === null || broken.length > 0 || !isSeq(source.doc.contents)) {
    return {
      ok: false,
      reason: "the catalog has errors; fix them first (see `cooltech validate`)",
      diagnostics: broken,
    };
  }
  const repo = normalizeRepo(input.repo);
  if (repo === undefined) {
    return {
      ok: false,
      reason: `${quote(input.repo)} is not a GitHub repository: give owner/name or https://github.com/owner/name`,
      diagnostics: [],
    };
  }
  const project = toProject({ ...input, repo });
  const duplicate = findDuplicate(loaded, project);
  if (duplicate) return { ok: false, reason: duplicate, diagnostics: [] };

  const doc = source.doc.clone();
  const seq = doc.contents as YAMLSeq<Node>;
  const node = doc.createNode(project) as Node;
  for (const key of ["tags", "category"]) {
    const list = isMap(node) ? node.get(key, true) : undefined;
    if (isSeq(list)) list.flow = true;
  }
  const at = insertionIndex(seq.items, project);
  // Keep the file's header comment at the top of the file.
  const header = at === 0 ? takeHeader(seq.items[0], source.text.startsWith("#")) : undefined;
  seq.items.splice(at, 0, node);
  putHeader(node, header);
  seq.flow = false; // `[]` (an empty list) becomes a block list
  const text = doc.toString(PRINT_OPTIONS);

  const after = parseYaml(text, source.file, source.path);
  const check = validateCatalog({
    ...loaded,
    projects: after,
    diagnostics: [...loaded.categories.diagnostics, ...after.diagnostics],
  });
  const errors = check.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    return {
      ok: false,
      reason: "the new entry is not valid; nothing was written",
      diagnostics: errors,
    };
  }
  await writeFileAtomic(source.path, text);
  const line = after.source ? positionOf(after.source, [at]).line : 1;
  return { ok: true, project, file: source.file, line, warnings: check.diagnostics };
}

function toProject(input: AddInput & { repo: string }): Project {
  const ids = typeof input.category === "string" ? [input.category] : input.category;
  const p: Project = {
    name: input.name ?? input.repo.split("/")[1] ?? input.repo,
    repo: input.repo,
    // One id is written as a plain string, several as a list (as `fmt` does).
    category: ids.length === 1 ? (ids[0] as string) : ids,
  };
  // Canonical key order: name, repo, homepage, category, tags, description.
  return {
    name: p.name,
    repo: p.repo as string,
    ...(input.homepage !== undefined && { homepage: input.homepage }),
    category: p.category,
    ...(input.tags !== undefined && input.tags.length > 0 && { tags: input.tags }),
    ...(input.description !== undefined && { description: input.description }),
  };
}

function findDuplicate(loaded: LoadedCatalog, project: Project): string | undefined {
  const list = Array.isArray(loaded.projects.value) ? (loaded.projects.value as unknown[]) : [];
  const source = loaded.projects.source;
  for (const [i, raw] of list.entries()) {
    const e = raw as Partial<Project> | null;
    if (e === null || typeof e !== "object") continue;
    const sameName =
      typeof e.name === "string" && e.name.toLowerCase() === project.name.toLowerCase();
    const sameRepo =
      typeof e.repo === "string" &&
      project.repo !== undefined &&
      repoKey(e.repo) === repoKey(project.repo);
    if (!sameName && !sameRepo) continue;
    const line = source ? positionOf(source, [i]).line : 1;
    const what = sameRepo ? `repo ${quote(project.repo)}` : `name ${quote(project.name)}`;
    return `${what} is already listed as ${quote(e.name)} at ${source?.file}:${line}; edit that entry instead${sameRepo ? "" : ", or choose another --name"}`;
  }
  return undefined;
}

function insertionIndex(items: Node[], project: Project): number {
  const i = items.findIndex((n) => isMap(n) && compareProjects(n.toJSON() as object, project) > 0);
  return i === -1 ? items.length : i;
}

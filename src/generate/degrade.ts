import type { Category, Directory, DirectoryProject, Project } from "../core/model.js";
import { normalizeRepo } from "../core/repo-url.js";
import type { LoadedCatalog } from "../load/catalog.js";
import type { Catalog, ValidationResult } from "../validate/index.js";
import { type InvalidItem, type UsableCatalog, usableCatalog } from "../validate/usable.js";

/** An entry of the curated files that could not be used as it is. */
export interface SetAside {
  kind: "project" | "category";
  /** The entry's name (project) or id (category), when it has one. */
  name: string | null;
  file: string;
  line: number;
  column: number;
  /** What is wrong with it (its first error). */
  message: string;
  rule: string;
  /** kept: its last-known record from directory.json stays; left-out: it had none. */
  outcome: "kept" | "left-out";
}

/** What `refresh` and `build` go on with when some entries are invalid. */
export interface Degraded {
  /** The valid projects, and every category the directory shows (valid or last-known). */
  catalog: Catalog;
  /** The last-known records of invalid projects, written as they were. */
  kept: DirectoryProject[];
  setAside: SetAside[];
}

/**
 * What a run can write: the whole catalog when it is valid; else its valid
 * part plus the last-known records of the invalid entries (see degrade);
 * null when nothing can be used (a file missing, unparseable, not a list).
 */
export async function usableOrNull(
  loaded: LoadedCatalog,
  validation: ValidationResult,
  previous: () => Promise<Directory | null>,
): Promise<Degraded | null> {
  if (validation.catalog !== null) return { catalog: validation.catalog, kept: [], setAside: [] };
  const usable = usableCatalog(loaded, validation.diagnostics);
  return usable === null ? null : degrade(usable, await previous());
}

const fold = (s: string): string => s.toLowerCase();
const repoKey = (r: string): string => fold(normalizeRepo(r) ?? r);

/**
 * Keeps every valid entry, and for each invalid one its last-known record
 * from the previous directory (matched by name, else by repo), or leaves it
 * out when it has none. A record is never kept twice, nor beside a valid
 * entry of the same name or repo: of two duplicates, the earlier entry (the
 * valid one) is the one kept. A project whose category is left out is set
 * aside too.
 */
export function degrade(usable: UsableCatalog, previous: Directory | null): Degraded {
  const setAside: SetAside[] = [];
  const lastCategories = new Map((previous?.categories ?? []).map((c) => [c.id, c]));
  const categories: Category[] = [];
  const ids = new Set<string>();
  let invalidCategory = 0;
  for (const c of usable.categories) {
    if (c !== null) {
      categories.push(c);
      ids.add(c.id);
      continue;
    }
    const item = usable.invalidCategories[invalidCategory++] as InvalidItem;
    const last = item.key === null ? undefined : lastCategories.get(item.key);
    const keep = last !== undefined && !ids.has(last.id);
    if (keep) {
      categories.push(last);
      ids.add(last.id);
    }
    setAside.push(aside("category", item, keep));
  }

  const names = new Set<string>();
  const repos = new Set<string>();
  const projects: Project[] = [];
  const invalid: InvalidItem[] = [...usable.invalidProjects];
  for (const { value, index } of usable.projects) {
    if (ids.has(value.category)) {
      projects.push(value);
      names.add(fold(value.name));
      if (value.repo) repos.add(repoKey(value.repo));
      continue;
    }
    invalid.push({
      index,
      key: value.name,
      repo: value.repo ?? null,
      ...usable.locateProject(index),
      message: `its category \`${value.category}\` has an error in categories.yaml and no last-known record`,
      rule: "unknown-category",
    });
  }
  invalid.sort((a, b) => a.index - b.index);

  const kept: DirectoryProject[] = [];
  for (const item of invalid) {
    const last = lastKnown(previous, item);
    const usable =
      last !== undefined &&
      !names.has(fold(last.name)) &&
      !(last.repo !== null && repos.has(repoKey(last.repo))) &&
      (ids.has(last.category) || restoreCategory(last.category, lastCategories, categories, ids));
    if (usable) {
      kept.push(last);
      names.add(fold(last.name));
      if (last.repo !== null) repos.add(repoKey(last.repo));
    }
    setAside.push(aside("project", item, usable));
  }
  return { catalog: { projects, categories }, kept, setAside };
}

function lastKnown(previous: Directory | null, item: InvalidItem): DirectoryProject | undefined {
  const all = previous?.projects ?? [];
  if (item.key !== null) {
    const name = fold(item.key);
    const byName = all.find((p) => fold(p.name) === name);
    if (byName) return byName;
  }
  if (item.repo !== null) {
    const repo = repoKey(item.repo);
    return all.find((p) => p.repo !== null && repoKey(p.repo) === repo);
  }
  return undefined;
}

/** A kept record whose category is gone brings back that category's last-known record. */
function restoreCategory(
  id: string,
  last: Map<string, Category>,
  categories: Category[],
  ids: Set<string>,
): boolean {
  const category = last.get(id);
  if (category === undefined) return false;
  categories.push(category);
  ids.add(id);
  return true;
}

function aside(kind: SetAside["kind"], item: InvalidItem, kept: boolean): SetAside {
  const { key, file, line, column, message, rule } = item;
  return {
    kind,
    name: key,
    file,
    line,
    column,
    message,
    rule,
    outcome: kept ? "kept" : "left-out",
  };
}

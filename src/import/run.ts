/**
 * `cooltech import`: reads a list kept in another tool's format, maps it onto
 * the catalog and merges it into DIR/projects.yaml and DIR/categories.yaml
 * (created when missing), so that the result passes `cooltech validate`.
 */
import { mkdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { type Diagnostic, hasErrors } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import type { Category } from "../core/model.js";
import { writeFileAtomic } from "../core/write.js";
import {
  CATEGORIES_FILE,
  type LoadedCatalog,
  loadCatalog,
  PROJECTS_FILE,
} from "../load/catalog.js";
import { displayPath, type ParsedYaml, parseYaml } from "../load/yaml-source.js";
import { validateCatalog } from "../validate/index.js";
import { parseAwesome } from "./awesome.js";
import { parseBestOf } from "./best-of.js";
import { detectFormat } from "./detect.js";
import { fixItem } from "./fixes.js";
import { parseLandscape } from "./landscape.js";
import {
  changedEntries,
  type MergeState,
  mergeCandidate,
  resolveCategory,
  startMerge,
} from "./merge.js";
import { settle } from "./settle.js";
import type { Note, ParsedSource, SourceFormat } from "./types.js";

export interface ImportOptions {
  file: string;
  from?: SourceFormat;
  dataDir: string;
  cwd?: string;
}

export interface ImportResult {
  format: SourceFormat;
  /** The source file as shown in messages. */
  source: string;
  /** Items read from the source. */
  items: number;
  imported: number;
  /** Items folded into an entry listed before (in the catalog or earlier in the file). */
  merged: number;
  /** Items already in the catalog with nothing to add. */
  unchanged: number;
  /** Items (not skipped) with at least one fix. */
  fixed: number;
  skipped: number;
  categoriesAdded: number;
  /** Every fix, skip and merge, in source line order. */
  notes: Note[];
  /** Files written (none when nothing changed). */
  written: string[];
  /** Warnings `validate` reports on the result (errors never remain). */
  warnings: Diagnostic[];
}

const PARSERS: Record<SourceFormat, (text: string, file: string) => ParsedSource> = {
  landscape: parseLandscape,
  awesome: parseAwesome,
  "best-of": parseBestOf,
};

export async function importList(options: ImportOptions): Promise<ImportResult> {
  const shown = displayPath(options.file, options.cwd);
  const text = await readSource(options.file, shown);
  const format = options.from ?? detectFormat(options.file, text);
  const parsed = PARSERS[format](text, shown);
  const loaded = await loadExisting(options.dataDir, options.cwd);
  const notes: Note[] = [...parsed.notes];
  const state = mergeParsed(parsed, loaded, notes);
  const files = {
    projects: displayPath(join(options.dataDir, PROJECTS_FILE), options.cwd),
    categories: displayPath(join(options.dataDir, CATEGORIES_FILE), options.cwd),
  };
  const texts = settle(state, loaded, files);
  const undone = addMergeNotes(state, notes);
  const written = await writeChanged(options.dataDir, loaded, texts, files);
  const { added } = changedEntries(state);
  const skipped = notes.filter((n) => n.kind === "skip" && n.reason !== "table-of-contents");
  const fixed = new Set(notes.filter((n) => n.kind === "fix").map((n) => n.line));
  for (const n of skipped) fixed.delete(n.line);
  return {
    format,
    source: shown,
    items: parsed.items.length,
    imported: added.length,
    merged: notes.filter((n) => n.kind === "merge").length,
    unchanged: state.unchanged + undone,
    fixed: fixed.size,
    skipped: skipped.length,
    categoriesAdded: texts.addedCategories,
    notes,
    written,
    warnings: texts.diagnostics,
  };
}

/** Merges the parsed items into the loaded catalog; the fixes and skips go to `notes`. */
function mergeParsed(parsed: ParsedSource, loaded: LoadedCatalog, notes: Note[]): MergeState {
  const state = startMerge(
    values<Record<string, unknown>>(loaded.projects),
    values<Category>(loaded.categories),
    sharedHomepageIsError(),
  );
  const ids = new Map(parsed.categories.map((c) => [c.id, c]));
  const resolved = new Map<string, string>();
  const resolve = (id: string) => {
    const c = ids.get(id);
    if (!resolved.has(id) && c !== undefined) resolved.set(id, resolveCategory(state, c));
    return resolved.get(id) ?? id;
  };
  // Categories in the source's order, whichever item names them first.
  for (const c of parsed.categories) resolve(c.id);
  for (const item of parsed.items) {
    const candidate = fixItem(item, notes);
    if (candidate === undefined) continue;
    candidate.categories = [...new Set(candidate.categories.map(resolve))];
    mergeCandidate(state, candidate);
  }
  return state;
}

/**
 * Adds the merge's notes to `notes`, in source line order, but not those of a merge into
 * a catalog entry that settle() undid: it changed nothing after all. Returns how many were undone.
 */
function addMergeNotes(state: MergeState, notes: Note[]): number {
  const undone = new Set(
    state.merges
      .filter(
        ({ entry }) =>
          entry.existing !== undefined &&
          JSON.stringify(entry.value) === JSON.stringify(entry.original),
      )
      .map(({ note }) => note),
  );
  notes.push(...state.notes.filter((n) => !undone.has(n)));
  notes.sort((a, b) => a.line - b.line);
  return undone.size;
}

/** Writes the files whose text changed (categories first); returns them as shown. */
async function writeChanged(
  dataDir: string,
  loaded: LoadedCatalog,
  texts: { projects: string; categories: string },
  files: { projects: string; categories: string },
): Promise<string[]> {
  const written: string[] = [];
  for (const kind of ["categories", "projects"] as const) {
    if (loaded[kind].source?.text === texts[kind]) continue;
    await mkdir(dataDir, { recursive: true });
    await writeFileAtomic(
      join(dataDir, kind === "projects" ? PROJECTS_FILE : CATEGORIES_FILE),
      texts[kind],
    );
    written.push(files[kind]);
  }
  return written;
}

async function readSource(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === "ENOENT"
        ? `${shown}: file not found`
        : `${shown}: cannot read the file (${code ?? String(error)})`,
    );
  }
}

/** The catalog to merge into: missing files are fine (they are created); a catalog with errors is not. */
async function loadExisting(dataDir: string, cwd?: string): Promise<LoadedCatalog> {
  const exists = async (name: string) =>
    stat(join(dataDir, name)).then(
      () => true,
      () => false,
    );
  const loaded = await loadCatalog(dataDir, cwd);
  const empty: ParsedYaml = { source: null, value: [], diagnostics: [] };
  const projects = (await exists(PROJECTS_FILE)) ? loaded.projects : empty;
  const categories = (await exists(CATEGORIES_FILE)) ? loaded.categories : empty;
  const catalog = {
    ...loaded,
    projects,
    categories,
    diagnostics: [...categories.diagnostics, ...projects.diagnostics],
  };
  if (projects.source !== null && categories.source !== null) {
    const { diagnostics } = validateCatalog(catalog);
    if (hasErrors(diagnostics))
      throw new ImportBlocked(diagnostics.filter((d) => d.severity === "error"));
    // Kept as the result's warnings when the import changes nothing.
    return { ...catalog, diagnostics };
  } else if (hasErrors(catalog.diagnostics)) throw new ImportBlocked(catalog.diagnostics);
  return catalog;
}

/** The catalog already has errors: the import would not be their cause, so it waits for them to be fixed. */
export class ImportBlocked extends UserError {
  override name = "ImportBlocked";
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super("the catalog has errors; fix them first (see `cooltech validate`), then import");
    this.diagnostics = diagnostics;
  }
}

/** Whether `validate` rejects two entries with the same homepage (asked of the rules themselves). */
export function sharedHomepageIsError(): boolean {
  const text =
    "- name: a\n  homepage: https://x.org/\n  category: c\n- name: b\n  homepage: https://x.org/\n  category: c\n";
  const projects = parseYaml(text, "probe.yaml");
  const categories = parseYaml("- id: c\n  name: C\n  description: C.\n", "probe-categories.yaml");
  const { diagnostics } = validateCatalog({ dataDir: ".", projects, categories, diagnostics: [] });
  return diagnostics.some((d) => d.rule === "duplicate-homepage" && d.severity === "error");
}

function values<T>(parsed: ParsedYaml): T[] {
  return Array.isArray(parsed.value) ? (parsed.value as T[]) : [];
}

/**
 * Makes the merged catalog pass `cooltech validate`: the result is validated
 * with the real rules, and each error on an imported or merged entry is
 * fixed (a homepage another entry already uses is left out) or undone (the
 * entry skipped, the merge reverted), until no error is left. Rules that
 * other changes turn into warnings simply stop causing fixes.
 */
import type { Diagnostic } from "../core/diagnostic.js";
import { categoryIds } from "../core/model.js";
import type { LoadedCatalog } from "../load/catalog.js";
import { lazySource, type ParsedYaml } from "../load/yaml-source.js";
import { validateCatalog } from "../validate/index.js";
import { normalizeHomepage } from "../validate/rules/unique.js";
import { changedEntries, type Entry, type MergeState } from "./merge.js";
import { categoriesText, plainProjectsText, projectsText, sortedValues } from "./serialize.js";
import type { Note } from "./types.js";

export interface Texts {
  projects: string;
  categories: string;
  addedCategories: number;
  diagnostics: Diagnostic[];
}

export function settle(
  state: MergeState,
  loaded: LoadedCatalog,
  files: { projects: string; categories: string },
): Texts {
  const existing = loaded.projects.source;
  const { added, merged } = changedEntries(state);
  const used = new Set(state.entries.flatMap((e) => categoryIds(e.value.category)));
  const newCategories = state.categories
    .slice(state.existingCategories)
    .some((c) => used.has(c.id));
  if (
    existing !== null &&
    loaded.categories.source !== null &&
    added.length + merged.length === 0 &&
    !newCategories
  ) {
    // Nothing new for a catalog that was valid: it stays as it is, unchecked again.
    return {
      projects: existing.text,
      categories: loaded.categories.source.text,
      addedCategories: 0,
      diagnostics: loaded.diagnostics,
    };
  }
  for (let round = 0; ; round++) {
    // Checked on text built from the values; the final text (comments kept) only once clean.
    const projects = plainProjectsText(state);
    const used = new Set(state.entries.flatMap((e) => categoryIds(e.value.category)));
    const cats = categoriesText(state, used, loaded.categories.source, files.categories);
    // The values are what the text reads as (it is printed from them): validating them
    // directly skips parsing; the syntax tree is built only to locate an error.
    const p = known(projects, files.projects, sortedValues(state));
    const c = known(cats.text, files.categories, cats.values);
    const result = validateCatalog({
      dataDir: loaded.dataDir,
      projects: p,
      categories: c,
      diagnostics: [...c.diagnostics, ...p.diagnostics],
    });
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    if (errors.length === 0) {
      const { added, merged } = changedEntries(state);
      const existing = loaded.projects.source;
      // Nothing new: the file stays as it is (and is not rebuilt, which is slow on big files).
      const final =
        existing === null
          ? projects
          : added.length + merged.length === 0
            ? existing.text
            : projectsText(state, existing, files.projects);
      return {
        projects: final,
        categories: cats.text,
        addedCategories: cats.added.length,
        diagnostics: result.diagnostics,
      };
    }
    const fixed = errors.filter((d) => d.file === files.projects && repair(state, d, p, projects));
    if (fixed.length === 0 || round > 20) {
      throw new Error(
        `the imported catalog does not validate: ${errors
          .map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)
          .slice(0, 5)
          .join("; ")}`,
      );
    }
  }
}

function known(text: string, file: string, value: unknown): ParsedYaml {
  return { source: lazySource(file, file, text, -1), value, diagnostics: [] };
}

/** Fixes or undoes what caused `d`; false when it is not about an imported or merged entry. */
function repair(state: MergeState, d: Diagnostic, parsed: ParsedYaml, text: string): boolean {
  const entry = entryAt(state, parsed, text, d.line);
  if (entry === undefined) return false;
  const ours =
    entry.existing === undefined || JSON.stringify(entry.value) !== JSON.stringify(entry.original);
  if (d.rule === "duplicate-homepage") {
    const home = entry.value.homepage;
    const target = ours && home !== entry.original?.homepage ? entry : sharer(state, entry);
    if (target === undefined) return false;
    note(
      state,
      target,
      "fix",
      "homepage-shared",
      `homepage ${String(target.value.homepage)} is already used by another entry: left out`,
    );
    if (target.original?.homepage === undefined) delete target.value.homepage;
    return true;
  }
  if (!ours) return false;
  note(state, entry, "skip", "invalid", `${d.message} (${d.rule})`);
  if (entry.existing === undefined) {
    state.entries.splice(state.entries.indexOf(entry), 1);
    rebuildIndexes(state);
  } else {
    entry.value = { ...(entry.original ?? {}) };
  }
  return true;
}

/** An imported or merged entry that gained the same homepage as `entry`. */
function sharer(state: MergeState, entry: Entry): Entry | undefined {
  const home = entry.value.homepage;
  if (typeof home !== "string") return undefined;
  const key = normalizeHomepage(home);
  return state.entries.find(
    (e) =>
      e !== entry &&
      typeof e.value.homepage === "string" &&
      e.original?.homepage === undefined &&
      normalizeHomepage(e.value.homepage) === key,
  );
}

function note(
  state: MergeState,
  e: Entry,
  kind: Note["kind"],
  reason: string,
  message: string,
): void {
  state.notes.push({ line: e.line, name: String(e.value.name), kind, reason, message });
}

/** The entry whose YAML starts at or before `line` (in canonical text every entry starts with `- `). */
function entryAt(
  state: MergeState,
  parsed: ParsedYaml,
  text: string,
  line: number,
): Entry | undefined {
  const values = Array.isArray(parsed.value)
    ? (parsed.value as Array<Record<string, unknown>>)
    : [];
  let k = -1;
  let n = 1;
  for (let i = 0; i < text.length && n <= line; i = text.indexOf("\n", i) + 1 || text.length) {
    if (text.startsWith("- ", i)) k++;
    n++;
  }
  const name = values[k]?.name;
  return typeof name === "string" ? state.byName.get(name.toLowerCase()) : undefined;
}

function rebuildIndexes(state: MergeState): void {
  state.byName.clear();
  state.byRepo.clear();
  for (const e of state.entries) {
    if (typeof e.value.name === "string") state.byName.set(e.value.name.toLowerCase(), e);
  }
}

import { isSeq } from "yaml";
import type { Diagnostic } from "../core/diagnostic.js";
import type { Category, Project } from "../core/model.js";
import type { LoadedCatalog } from "../load/catalog.js";
import { offsetPosition } from "../load/locate.js";
import type { ParsedYaml, YamlSource } from "../load/yaml-source.js";

/** One entry of a curated file that has an error of its own. */
export interface InvalidItem {
  /** Position of the entry in its file's list. */
  index: number;
  /** Its `name` (projects) or `id` (categories) when that is a string. */
  key: string | null;
  /** Its `repo` (projects) when that is a string. */
  repo: string | null;
  file: string;
  line: number;
  column: number;
  /** The first error located in it (what to fix first). */
  message: string;
  rule: string;
}

/** Where an entry starts in its file. */
export interface EntryPosition {
  file: string;
  line: number;
  column: number;
}

/** The valid part of a catalog that has errors, and what was set aside. */
export interface UsableCatalog {
  /** Entries without an error of their own, in file order, with their index in the file. */
  projects: Array<{ value: Project; index: number }>;
  /** Every category in file order; null where the category has an error. */
  categories: Array<Category | null>;
  invalidProjects: InvalidItem[];
  invalidCategories: InvalidItem[];
  /** Where the project at `index` starts (for one set aside because of its category). */
  locateProject(index: number): EntryPosition;
}

/**
 * Rules that say nothing about an entry's own data: the entry can still be
 * used. `sort-order` is about where it sits in the file (the directory is
 * sorted anyway).
 */
const HARMLESS = new Set(["sort-order"]);

/**
 * Splits a catalog that failed validation into its valid entries and the
 * invalid ones, so `refresh` and `build` can go on with the rest. Each error
 * belongs to the entry whose lines hold it. Returns null when there is
 * nothing to degrade to: a file missing or unparseable, or an error that
 * concerns a whole file (not a list, empty).
 */
export function usableCatalog(
  loaded: LoadedCatalog,
  diagnostics: readonly Diagnostic[],
): UsableCatalog | null {
  const errors = diagnostics.filter((d) => d.severity === "error" && !HARMLESS.has(d.rule));
  const projects = split(loaded.projects, errors, "name");
  const categories = split(loaded.categories, errors, "id");
  if (projects === null || categories === null) return null;
  return {
    projects: projects.valid.map((index) => ({
      value: projects.all[index] as Project,
      index,
    })),
    categories: categories.all.map((c, i) =>
      categories.invalid.has(i) ? null : (c as unknown as Category),
    ),
    invalidProjects: byIndex(projects.invalid),
    invalidCategories: byIndex(categories.invalid),
    locateProject: (index) => {
      const start = projects.starts()[index] ?? { line: 1, column: 1 };
      return { file: projects.file, ...start };
    },
  };
}

const byIndex = (m: Map<number, InvalidItem>): InvalidItem[] =>
  [...m.values()].sort((a, b) => a.index - b.index);

interface Split {
  file: string;
  all: unknown[];
  /** Indexes of the valid items. */
  valid: number[];
  invalid: Map<number, InvalidItem>;
  starts: () => Start[];
}

function split(
  parsed: ParsedYaml,
  errors: readonly Diagnostic[],
  keyField: "name" | "id",
): Split | null {
  const { source, value } = parsed;
  if (source === null || !Array.isArray(value)) return null;
  const mine = errors.filter((d) => d.file === source.file);
  const invalid = new Map<number, InvalidItem>();
  let computed: Start[] | null = null;
  const starts = (): Start[] => {
    computed ??= itemLines(source) ?? [];
    return computed;
  };
  if (mine.length > 0) {
    if (starts().length !== value.length) return null;
    for (const d of mine) {
      const index = itemAt(starts(), d);
      if (index === -1) return null;
      if (!invalid.has(index)) {
        const start = starts()[index] as Start;
        invalid.set(index, invalidItem(source, value[index], keyField, index, start, d));
      }
    }
  }
  const valid = value.flatMap((_, i) => (invalid.has(i) ? [] : [i]));
  return { file: source.file, all: value, valid, invalid, starts };
}

interface Start {
  line: number;
  column: number;
}

/** Where each item of the file's top-level list starts; null when the file is not a list. */
function itemLines(source: YamlSource): Start[] | null {
  // A canonical file too large for a syntax tree is located from its lines.
  const locator = source.locator;
  if (locator !== undefined) {
    const count = source.text.startsWith("- ") ? 1 : 0;
    const lines = count + source.text.split("\n- ").length - 1;
    return Array.from({ length: lines }, (_, i) => offsetPosition(source, locator.offset([i])));
  }
  const root = source.doc.contents;
  if (!isSeq(root)) return null;
  const starts: Start[] = [];
  for (const item of root.items) {
    const offset = (item as { range?: [number, number, number] } | null)?.range?.[0];
    if (offset === undefined) return null;
    starts.push(offsetPosition(source, offset));
  }
  return starts;
}

const before = (a: Start, b: Start): boolean =>
  a.line < b.line || (a.line === b.line && a.column <= b.column);

/** The item that holds position `at` (the last one starting at or before it), or -1. */
function itemAt(starts: readonly Start[], at: Start): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (before(starts[mid] as Start, at)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function invalidItem(
  source: YamlSource,
  value: unknown,
  keyField: "name" | "id",
  index: number,
  start: Start,
  d: Diagnostic,
): InvalidItem {
  const v = (value !== null && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const key = v[keyField];
  return {
    index,
    key: typeof key === "string" ? key : null,
    repo: typeof v.repo === "string" ? v.repo : null,
    file: source.file,
    line: start.line,
    column: start.column,
    message: d.message,
    rule: d.rule,
  };
}

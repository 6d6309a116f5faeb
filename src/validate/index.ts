import { type Diagnostic, hasErrors, sortDiagnostics } from "../core/diagnostic.js";
import type { Category, Project } from "../core/model.js";
import type { LoadedCatalog } from "../load/catalog.js";
import type { ParsedYaml } from "../load/yaml-source.js";
import { rules } from "./rules/index.js";
import type { Item, RuleContext } from "./rules/rule.js";
import { schemaDiagnostics } from "./schema-diagnostics.js";

/** The curated data, once it passed validation. */
export interface Catalog {
  projects: Project[];
  categories: Category[];
}

export interface ValidationResult {
  /** Every problem found, errors and warnings, in file/position order. */
  diagnostics: Diagnostic[];
  /** The typed data when there is no error (warnings allowed), else null. */
  catalog: Catalog | null;
}

/**
 * Validates in two stages: syntax and schema for each file, then the semantic
 * rules over whatever is well-formed, so one run reports every problem.
 */
export function validateCatalog(loaded: LoadedCatalog): ValidationResult {
  const diagnostics = [...loaded.diagnostics];
  const { projects, categories } = loaded;
  for (const [name, file] of [
    ["projects", projects],
    ["categories", categories],
  ] as const) {
    // A file with syntax errors in some entries: the other entries are still checked.
    const value = dataOf(file);
    if (file.source && value !== undefined) {
      diagnostics.push(...schemaDiagnostics(name, file.source, value, file.recovered?.broken));
    }
  }
  if (projects.source && categories.source) {
    const ctx: RuleContext = {
      projects: items(projects),
      categories: items(categories),
      projectsSource: projects.source,
      categoriesSource: categories.source,
    };
    // Rules about cross-file references need both files' entries (at least those that parsed).
    const bothParsed = [projects, categories].every((f) => dataOf(f) !== undefined);
    // An entry left out for a syntax error may be the one using (or defining) a category.
    const skip = new Set<string>();
    if ((projects.recovered?.broken.size ?? 0) > 0) skip.add("unused-category");
    if ((categories.recovered?.broken.size ?? 0) > 0) skip.add("unknown-category");
    for (const rule of rules) {
      if (!bothParsed && rule.id !== "sort-order" && !rule.id.startsWith("duplicate-")) continue;
      if (skip.has(rule.id)) continue;
      rule.check(ctx, (d) => diagnostics.push({ ...d, rule: rule.id }));
    }
  }
  sortDiagnostics(diagnostics);
  const catalog = hasErrors(diagnostics)
    ? null
    : {
        projects: projects.value as Project[],
        categories: categories.value as Category[],
      };
  return { diagnostics, catalog };
}

/** The data, or the entries that parsed when some did not. */
function dataOf(file: ParsedYaml): unknown {
  return file.value !== undefined ? file.value : file.recovered?.value;
}

/** The entries that are mappings, leaving out those a syntax error touches. */
function items(file: ParsedYaml): Item[] {
  const value = dataOf(file);
  const broken = file.recovered?.broken;
  if (!Array.isArray(value)) return [];
  const out: Item[] = [];
  value.forEach((v, index) => {
    if (broken?.has(index)) return;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      out.push({ index, value: v as Record<string, unknown> });
    }
  });
  return out;
}

import { fixMoved, type MoveFix, type MoveSkip } from "../edit/fix-moved.js";
import type { LoadedCatalog } from "../load/catalog.js";
import { parseYaml } from "../load/yaml-source.js";
import { type Catalog, validateCatalog } from "../validate/index.js";

export interface AppliedFix {
  /** The catalog with the new names (the old one when nothing was fixed). */
  catalog: Catalog;
  /** The new projects.yaml text, or null when it is unchanged. */
  text: string | null;
  path: string;
  fixed: MoveFix[];
  skipped: MoveSkip[];
}

/**
 * Rewrites moved repos in projects.yaml (in memory) and validates the result
 * like any edit; if it would not validate, nothing is fixed and every move is
 * reported as skipped with the reason.
 */
export function applyFixMoved(
  loaded: LoadedCatalog,
  catalog: Catalog,
  moves: ReadonlyMap<string, string>,
): AppliedFix {
  const source = loaded.projects.source;
  const none = { catalog, text: null, path: source?.path ?? "", fixed: [], skipped: [] };
  if (source === null || moves.size === 0) return none;
  const result = fixMoved(source, moves);
  if (result.fixed.length === 0) return { ...none, skipped: result.skipped };
  const projects = parseYaml(result.text, source.file, source.path);
  const check = validateCatalog({
    ...loaded,
    projects,
    diagnostics: [...loaded.categories.diagnostics, ...projects.diagnostics],
  });
  if (check.catalog === null) {
    const first = check.diagnostics.find((d) => d.severity === "error");
    const reason = `the rewritten file would not validate (${first?.message ?? "unknown error"})`;
    const skipped = [
      ...result.skipped,
      ...result.fixed.map(({ name, from, to }) => ({ name, from, to, reason })),
    ];
    return { ...none, skipped };
  }
  return {
    catalog: check.catalog,
    text: result.text,
    path: source.path,
    fixed: result.fixed,
    skipped: result.skipped,
  };
}

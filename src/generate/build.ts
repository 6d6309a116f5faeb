import { join } from "node:path";
import type { Diagnostic } from "../core/diagnostic.js";
import type { Directory } from "../core/model.js";
import { DIRECTORY_FILE, loadCatalog } from "../load/catalog.js";
import { readDirectory } from "../load/directory.js";
import { validateCatalog } from "../validate/index.js";
import { generateDirectory, indexKnown, type Known } from "./directory.js";
import { type Written, writeDirectory } from "./output.js";

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** null when validation failed (nothing was written). */
  directory: Directory | null;
  written: Written[];
}

/**
 * Validates the curated data, then writes DIR/directory.json from it and the
 * last-known GitHub data of the existing directory. No network.
 */
export async function buildDirectory(dataDir: string, cwd?: string): Promise<BuildResult> {
  // The parsed YAML (its syntax tree is most of the memory) is not kept past validation.
  const { diagnostics, catalog } = validateCatalog(await loadCatalog(dataDir, cwd));
  if (catalog === null) return { diagnostics, directory: null, written: [] };
  const { known, refreshedAt } = await previousState(dataDir, cwd);
  const directory = generateDirectory(catalog, known, refreshedAt);
  known.clear();
  const written = await writeDirectory(dataDir, directory);
  return { diagnostics, directory, written };
}

/**
 * What the existing directory knows: its last-known GitHub data and trends by
 * repository, and its refreshedAt. Only these are kept: the rest of the
 * parsed file is garbage as soon as this returns, so a run never holds the
 * previous directory and the new one whole at once.
 */
export async function previousState(
  dataDir: string,
  cwd?: string,
): Promise<{ known: Map<string, Known>; refreshedAt: string | null }> {
  const previous = await readDirectory(join(dataDir, DIRECTORY_FILE), cwd);
  return { known: indexKnown(previous), refreshedAt: previous?.refreshedAt ?? null };
}

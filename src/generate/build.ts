import { join } from "node:path";
import { recoverFiles } from "../core/commit.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { acquireLock } from "../core/lock.js";
import type { Directory } from "../core/model.js";
import { DIRECTORY_FILE, loadCatalog } from "../load/catalog.js";
import { readDirectory } from "../load/directory.js";
import { validateCatalog } from "../validate/index.js";
import { generateDirectory, indexKnown } from "./directory.js";
import { type Written, writeDirectory } from "./output.js";

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** null when validation failed (nothing was written). */
  directory: Directory | null;
  written: Written[];
}

/**
 * Validates the curated data, then writes DIR/directory.json from it and the
 * last-known GitHub data of the existing directory. No network. Holds the
 * data folder's lock (a refresh in progress makes it throw LockBusyError)
 * and first repairs what a killed run left (src/core/commit.ts).
 */
export async function buildDirectory(dataDir: string, cwd?: string): Promise<BuildResult> {
  const lock = await acquireLock(dataDir, { command: "build" });
  try {
    await recoverFiles(dataDir);
    return await buildLocked(dataDir, cwd);
  } finally {
    await lock.release();
  }
}

async function buildLocked(dataDir: string, cwd?: string): Promise<BuildResult> {
  // The parsed YAML (its syntax tree is most of the memory) is not kept past validation.
  const { diagnostics, catalog } = validateCatalog(await loadCatalog(dataDir, cwd));
  if (catalog === null) return { diagnostics, directory: null, written: [] };
  const previous = await readDirectory(join(dataDir, DIRECTORY_FILE), cwd);
  const directory = generateDirectory(catalog, indexKnown(previous), previous?.refreshedAt ?? null);
  const written = await writeDirectory(dataDir, directory);
  return { diagnostics, directory, written };
}

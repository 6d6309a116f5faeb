import { join } from "node:path";
import { directorySchemaRef } from "../core/branding.js";
import { recoverFiles } from "../core/commit.js";
import { type Diagnostic, sortDiagnostics } from "../core/diagnostic.js";
import { acquireLock } from "../core/lock.js";
import type { Directory } from "../core/model.js";
import { DIRECTORY_FILE, loadCatalog } from "../load/catalog.js";
import { loadConfig } from "../load/config.js";
import { readDirectory } from "../load/directory.js";
import { validateCatalog } from "../validate/index.js";
import { type ChangeEvent, changeBase } from "./changes.js";
import { type SetAside, usableOrNull } from "./degrade.js";
import { generateDirectory, indexKnown, type Known } from "./directory.js";
import { changesFile, commitGeneration, directoryFiles, type Written } from "./output.js";

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** null when nothing could be used (a file missing or unparseable): nothing was written. */
  directory: Directory | null;
  written: Written[];
  /** The events appended to changes.json. */
  changes: ChangeEvent[];
  /** Invalid entries: kept at their last-known record, or left out. */
  setAside: SetAside[];
}

/**
 * Validates the curated data, then writes DIR/directory.json from it and the
 * last-known GitHub data of the existing directory. No network. An invalid
 * entry keeps its last-known record or is left out (see degrade.ts); only a
 * file that cannot be used at all stops the build. Holds the data folder's
 * lock (a refresh in progress makes it throw LockBusyError) and first repairs
 * what a killed run left (src/core/commit.ts). What changed since the previous
 * directory is appended to changes.json at time `now`, in the same generation.
 */
export async function buildDirectory(
  dataDir: string,
  cwd?: string,
  now: Date = new Date(),
): Promise<BuildResult> {
  const lock = await acquireLock(dataDir, { command: "build" });
  try {
    await recoverFiles(dataDir);
    return await buildLocked(dataDir, cwd, now);
  } finally {
    await lock.release();
  }
}

async function buildLocked(
  dataDir: string,
  cwd: string | undefined,
  now: Date,
): Promise<BuildResult> {
  // Read after validation (its errors come first), once.
  let reading: Promise<Directory | null> | undefined;
  const readPrevious = () => {
    reading ??= readDirectory(join(dataDir, DIRECTORY_FILE), cwd);
    return reading;
  };
  // The parsed YAML (its syntax tree is most of the memory) is not kept past this block.
  const config = await loadConfig(dataDir, cwd);
  const { diagnostics, use } = await (async () => {
    const loaded = await loadCatalog(dataDir, cwd);
    const validation = validateCatalog(loaded);
    const use = await usableOrNull(loaded, validation, readPrevious);
    const all = sortDiagnostics([...config.diagnostics, ...validation.diagnostics]);
    return { diagnostics: all, use };
  })();
  if (use === null) return { diagnostics, directory: null, written: [], changes: [], setAside: [] };
  const previous = await readPrevious();
  const directory = generateDirectory(
    use.catalog,
    indexKnown(previous),
    previous?.refreshedAt ?? null,
    use.kept,
    directorySchemaRef(config.branding),
    config.inactiveAfterMonths,
  );
  const before = previous === null ? null : changeBase(previous);
  const feed = await changesFile(dataDir, directory, {
    previous: before,
    at: now.toISOString(),
    cwd,
  });
  const generation = directoryFiles(dataDir, directory, config.branding);
  const written = await commitGeneration(dataDir, generation, feed.files);
  return { diagnostics, directory, written, changes: feed.events, setAside: use.setAside };
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

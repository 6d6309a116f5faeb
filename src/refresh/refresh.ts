import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { directorySchemaRef } from "../core/branding.js";
import { type FileWrite, type Recovery, recoverFiles } from "../core/commit.js";
import { sortDiagnostics } from "../core/diagnostic.js";
import { acquireLock } from "../core/lock.js";
import { type Directory, isFetched } from "../core/model.js";
import { compareProjects } from "../core/order.js";
import { changeBase } from "../generate/changes.js";
import { usableOrNull } from "../generate/degrade.js";
import { generateDirectory, indexKnown, type Known } from "../generate/directory.js";
import { changesFile, commitGeneration, directoryFiles } from "../generate/output.js";
import { ETAGS_FILE, parseEtags } from "../github/etags.js";
import { type LookupStats, lookupRepos } from "../github/lookup.js";
import { DIRECTORY_FILE, loadCatalog } from "../load/catalog.js";
import { loadConfig } from "../load/config.js";
import { readDirectory } from "../load/directory.js";
import { displayPath } from "../load/yaml-source.js";
import { validateCatalog } from "../validate/index.js";
import type { AppliedFix } from "./apply-fix.js";
import { conformDirectory } from "./contract.js";
import { knownDetails } from "./details.js";
import { etagCache, etagsFile, keepFreshEtags } from "./etag-cache.js";
import { HISTORY_FILE, pruneHistory, serializeHistory, utcDay } from "./history.js";
import { loadHistory, updateHistory } from "./history-file.js";
import { fixMovedRepos, key, knownForGeneration, mergeAll, noteConformFixes } from "./merge-all.js";
import { byStaleness, type RepoProject, selectEntries } from "./select.js";
import { runSignal } from "./stop.js";
import type { RefreshOptions, RefreshResult } from "./types.js";

export type { EntryReport, RefreshOptions, RefreshResult } from "./types.js";

const EMPTY_STATS: LookupStats = {
  requests: 0,
  points: 0,
  remaining: null,
  resetAt: null,
  rateLimited: false,
  batchSize: null,
  scalarBatch: null,
  secondaryHits: 0,
  lowestConcurrency: null,
};

const NO_RECOVERY: Recovery = { completed: [], removed: [] };

/**
 * `cooltech refresh`: take the data folder's lock (src/core/lock.ts) and
 * repair what a killed run left (src/core/commit.ts), validate the catalog,
 * look up every selected repo on GitHub, merge (never dropping an entry or
 * its last-known data), update the star history and trends, optionally fix
 * moved repos in the YAML, then write every output as one generation.
 * A stop (options.signal, options.maxTimeMs) ends the lookups early: what was
 * fetched is written, the rest is kept as stale.
 */
export async function refresh(options: RefreshOptions): Promise<RefreshResult> {
  if (options.dryRun) return refreshLocked(options, NO_RECOVERY);
  const lock = await acquireLock(options.dataDir, {
    command: "refresh",
    waitMs: options.lockWaitMs ?? 0,
    ...(options.signal && { signal: options.signal }),
    ...(options.onLockWait && { onWait: options.onLockWait }),
  });
  try {
    return await refreshLocked(options, await recoverFiles(options.dataDir));
  } finally {
    await lock.release();
  }
}

async function refreshLocked(options: RefreshOptions, recovered: Recovery) {
  const stop = runSignal(options.signal, options.maxTimeMs);
  try {
    return await refreshRun(options, recovered, stop.signal);
  } finally {
    stop.dispose();
  }
}

async function refreshRun(
  options: RefreshOptions,
  recovered: Recovery,
  signal: AbortSignal | undefined,
): Promise<RefreshResult> {
  const { dataDir, cwd } = options;
  const api = options.lookup?.api ?? (options.config.token ? "graphql" : "rest");
  const started = options.now();
  const stamp = started.toISOString();
  const today = utcDay(started);
  const { loaded, diagnostics, use, known, before, branding, settings } = await loadUsable(
    dataDir,
    cwd,
  );
  const projectsFile = displayPath(join(dataDir, "projects.yaml"), cwd);
  const base = { diagnostics, api, refreshedAt: stamp, projectsFile, recovered, stopped: null };
  if (use === null) {
    const nothing = { directory: null, entries: [], fix: null, stats: EMPTY_STATS, written: [] };
    return { ...base, ...nothing, changes: [], setAside: [] };
  }
  const { catalog, kept, setAside } = use;
  const history = await loadHistory(join(dataDir, HISTORY_FILE), cwd);
  const unusable = setAside.flatMap((s) => (s.kind === "project" && s.name ? [s.name] : []));
  const selected = selectEntries(catalog.projects, options.only ?? [], unusable).sort(
    compareProjects,
  );
  const { results, stats, etags } = await lookUp(options, api, selected, known, today, signal);
  const stopped = signal?.aborted ? stoppedText(signal) : null;
  const merged = mergeAll(selected, known, results, stamp, settings.previousRefreshedAt);
  results.clear();
  updateHistory(history, selected, merged, known, today);

  const fix = options.fixMoved ? fixMovedRepos(loaded, catalog, merged, etags) : null;
  const finalCatalog = fix?.catalog ?? catalog;
  const generation = knownForGeneration(finalCatalog, merged, known, history, today);
  const schema = directorySchemaRef(branding);
  const months = settings.inactiveAfterMonths;
  const conformed = conformDirectory(
    generateDirectory(finalCatalog, generation, stamp, kept, schema, months),
  );
  const directory = conformed.directory;
  generation.clear();
  known.clear();
  const keep = new Set(
    directory.projects.flatMap((p) => (isFetched(p.github) ? [key(p.github)] : [])),
  );
  pruneHistory(history, today, keep);

  // One generation: directory.json, DIRECTORY.md, history.json, changes.json and the rest, all or none.
  const rest = api === "rest" ? etags : null;
  const feed = await changesFile(dataDir, directory, { previous: before, at: stamp, cwd });
  const written = options.dryRun
    ? []
    : await commitGeneration(
        dataDir,
        directoryFiles(dataDir, directory, branding, conformed.valid),
        [...stateFiles(dataDir, directory, fix, history, rest), ...feed.files],
      );
  const entries = [...merged.values()].map((m) => m.report);
  noteConformFixes(merged, conformed.fixes);
  const changes = options.dryRun ? [] : feed.events;
  return { ...base, stopped, directory, entries, fix, stats, written, changes, setAside };
}

/**
 * The catalog and its validation, what of it is usable (an invalid entry
 * keeps its last-known record or is left out, degrade.ts; null when nothing
 * is), and the GitHub data of the directory the last run wrote.
 */
async function loadUsable(dataDir: string, cwd: string | undefined) {
  const loaded = await loadCatalog(dataDir, cwd);
  const validation = validateCatalog(loaded);
  let previous: Directory | null = null;
  const use = await usableOrNull(loaded, validation, async () => {
    previous = await readDirectory(join(dataDir, DIRECTORY_FILE), cwd);
    return previous;
  });
  if (use !== null && validation.catalog !== null) {
    previous = await readDirectory(join(dataDir, DIRECTORY_FILE), cwd);
  }
  const site = await loadConfig(dataDir, cwd);
  const diagnostics = sortDiagnostics([...site.diagnostics, ...validation.diagnostics]);
  const settings = {
    inactiveAfterMonths: site.inactiveAfterMonths,
    previousRefreshedAt: (previous as Directory | null)?.refreshedAt ?? null,
  };
  // Only the index of the previous directory, its refreshedAt and what the change feed
  // compares are kept, not the parsed file.
  const before = previous === null ? null : changeBase(previous);
  const known = indexKnown(previous);
  return { loaded, diagnostics, use, known, before, branding: site.branding, settings };
}

/**
 * Looks up the selected repos, the stalest first, reusing the REST ETags whose
 * data the directory still holds; `etags` comes back with this run's ETags.
 */
async function lookUp(
  options: RefreshOptions,
  api: "graphql" | "rest",
  selected: RepoProject[],
  known: Map<string, Known>,
  today: string,
  signal: AbortSignal | undefined,
) {
  const etags = parseEtags(
    api === "rest"
      ? await readFile(join(options.dataDir, ETAGS_FILE), "utf8").catch(() => undefined)
      : undefined,
  );
  const cache = etagCache(selected, etags, known);
  const { results, stats } = await lookupRepos(
    byStaleness(selected, known).map((p) => p.repo),
    {
      ...options.config,
      ...options.lookup,
      api,
      etags: cache,
      // Two passes (graphql.ts): open issues and topics only where they may have changed.
      ...(options.onePass !== true && { knownDetails: knownDetails(known, today) }),
      ...(signal && { signal }),
    },
  );
  keepFreshEtags(selected, cache, etags);
  return { results, stats, etags };
}

/** The stop's reason as the lookup reports it (a string, see stop.ts). */
const stoppedText = (signal: AbortSignal): string =>
  typeof signal.reason === "string" ? signal.reason : "stopped";

/**
 * What joins the directory's generation (written all or none with it): the
 * fixed projects.yaml, history.json, and .etags.json for REST (changes.json
 * joins them when the run changed something: output.ts changesFile).
 */
function stateFiles(
  dataDir: string,
  directory: Directory,
  fix: AppliedFix | null,
  history: Parameters<typeof serializeHistory>[0],
  etags: Map<string, string> | null,
): FileWrite[] {
  const files: FileWrite[] = [];
  if (fix?.text) files.push({ path: fix.path, content: fix.text });
  files.push({ path: join(dataDir, HISTORY_FILE), content: serializeHistory(history) });
  if (etags !== null) files.push(etagsFile(join(dataDir, ETAGS_FILE), etags, directory));
  return files;
}

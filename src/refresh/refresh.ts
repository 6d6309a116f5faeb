import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { commitFiles, type FileWrite, type Recovery, recoverFiles } from "../core/commit.js";
import { acquireLock } from "../core/lock.js";
import type { GithubInfo } from "../core/model.js";
import { compareProjects } from "../core/order.js";
import { generateDirectory, indexKnown, type Known } from "../generate/directory.js";
import { directoryFiles, type Written } from "../generate/output.js";
import { ETAGS_FILE, parseEtags, serializeEtags } from "../github/etags.js";
import { type EtagEntry, type LookupStats, lookupRepos } from "../github/lookup.js";
import { DIRECTORY_FILE, loadCatalog } from "../load/catalog.js";
import { readDirectory } from "../load/directory.js";
import { displayPath } from "../load/yaml-source.js";
import { validateCatalog } from "../validate/index.js";
import { type AppliedFix, applyFixMoved } from "./apply-fix.js";
import { HISTORY_FILE, pruneHistory, serializeHistory, trendOf, utcDay } from "./history.js";
import { loadHistory, updateHistory } from "./history-file.js";
import { type MergedEntry, mergeSelected } from "./merge.js";
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
  const { dataDir, cwd, config } = options;
  const api = options.lookup?.api ?? (config.token ? "graphql" : "rest");
  const stamp = options.now().toISOString();
  const loaded = await loadCatalog(dataDir, cwd);
  const { diagnostics, catalog } = validateCatalog(loaded);
  const projectsFile = displayPath(join(dataDir, "projects.yaml"), cwd);
  const base = { diagnostics, api, refreshedAt: stamp, projectsFile, recovered, stopped: null };
  if (catalog === null) {
    return { ...base, directory: null, entries: [], fix: null, stats: EMPTY_STATS, written: [] };
  }
  const previous = await readDirectory(join(dataDir, DIRECTORY_FILE), cwd);
  const history = await loadHistory(join(dataDir, HISTORY_FILE), cwd);
  const known = indexKnown(previous);
  const selected = selectEntries(catalog.projects, options.only ?? []).sort(compareProjects);
  const etagsPath = join(dataDir, ETAGS_FILE);
  const etags = parseEtags(
    api === "rest" ? await readFile(etagsPath, "utf8").catch(() => undefined) : undefined,
  );
  const cache = etagCache(selected, etags, known);

  const { results, stats } = await lookupRepos(
    byStaleness(selected, known).map((p) => p.repo),
    { ...config, ...options.lookup, api, etags: cache, ...(signal && { signal }) },
  );
  const stopped = signal?.aborted ? stoppedText(signal) : null;

  for (const p of selected) {
    const k = p.repo.toLowerCase();
    const c = cache.get(k);
    if (c) etags.set(k, c.etag);
    else etags.delete(k);
  }

  const merged = mergeSelected(selected, known, results, stamp);
  const today = utcDay(new Date(stamp));
  updateHistory(history, selected, merged, known, today);

  const fix = options.fixMoved ? fixMoves(loaded, catalog, merged, etags) : null;
  const finalCatalog = fix?.catalog ?? catalog;

  const generation = new Map<string, Known>();
  for (const p of finalCatalog.projects) {
    if (!p.repo) continue;
    const m = merged.get(p.name);
    const k = m
      ? { github: m.github, trend: m.github ? trendOf(history, key(m.github)) : null }
      : (known.get(p.repo.toLowerCase()) ?? { github: null, trend: null });
    generation.set(p.repo.toLowerCase(), k);
  }
  const directory = generateDirectory(finalCatalog, generation, stamp);
  const keep = new Set(directory.projects.flatMap((p) => (p.github ? [key(p.github)] : [])));
  pruneHistory(history, today, keep);

  // One generation: directory.json, DIRECTORY.md, history.json, and the rest, all or none.
  const files: FileWrite[] = [...directoryFiles(dataDir, directory)];
  if (fix?.text) files.push({ path: fix.path, content: fix.text });
  files.push({ path: join(dataDir, HISTORY_FILE), content: serializeHistory(history) });
  if (api === "rest") {
    const repos = new Set(
      directory.projects.flatMap((p) => (p.repo ? [p.repo.toLowerCase()] : [])),
    );
    for (const k of etags.keys()) if (!repos.has(k)) etags.delete(k);
    files.push({ path: etagsPath, content: serializeEtags(etags) });
  }
  const written: Written[] = options.dryRun ? [] : await commitFiles(dataDir, files);
  const entries = [...merged.values()].map((m) => m.report);
  return { ...base, stopped, directory, entries, fix, stats, written };
}

/** --fix-moved: rewrites `repo` of moved entries; they become ok, their ETags follow them. */
function fixMoves(
  loaded: Parameters<typeof applyFixMoved>[0],
  catalog: Parameters<typeof applyFixMoved>[1],
  merged: Map<string, MergedEntry>,
  etags: Map<string, string>,
): AppliedFix {
  const moves = new Map<string, string>();
  for (const { report } of merged.values()) {
    if (report.status === "moved" && report.nameWithOwner) {
      moves.set(report.repo, report.nameWithOwner);
    }
  }
  const fix = applyFixMoved(loaded, catalog, moves);
  for (const f of fix.fixed) {
    const entry = merged.get(f.name);
    if (!entry) continue;
    entry.report.fixed = true;
    // The curated name now matches GitHub's: the entry is simply ok.
    if (entry.github) entry.github = { ...entry.github, status: "ok" };
    const etag = etags.get(f.from.toLowerCase());
    if (etag !== undefined) etags.set(f.to.toLowerCase(), etag);
  }
  return fix;
}

/** The stop's reason as the lookup reports it (a string, see stop.ts). */
const stoppedText = (signal: AbortSignal): string =>
  typeof signal.reason === "string" ? signal.reason : "stopped";

const key = (github: GithubInfo): string => github.nameWithOwner.toLowerCase();

/** ETags usable now: only where the directory still holds the data the ETag stands for. */
function etagCache(
  selected: readonly RepoProject[],
  etags: Map<string, string>,
  known: Map<string, Known>,
): Map<string, EtagEntry> {
  const cache = new Map<string, EtagEntry>();
  for (const p of selected) {
    const k = p.repo.toLowerCase();
    const etag = etags.get(k);
    const github = known.get(k)?.github;
    if (etag !== undefined && github) cache.set(k, { etag, info: github });
  }
  return cache;
}

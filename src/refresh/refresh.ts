import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { commitFiles, type FileWrite, type Recovery, recoverFiles } from "../core/commit.js";
import { acquireLock } from "../core/lock.js";
import { type Directory, type GithubBlock, type GithubInfo, isFetched } from "../core/model.js";
import { compareProjects } from "../core/order.js";
import { usableOrNull } from "../generate/degrade.js";
import { generateDirectory, indexKnown, type Known } from "../generate/directory.js";
import { changesFile, directoryFiles, type Written } from "../generate/output.js";
import { ETAGS_FILE, parseEtags, serializeEtags } from "../github/etags.js";
import { type EtagEntry, type LookupStats, lookupRepos } from "../github/lookup.js";
import { DIRECTORY_FILE, loadCatalog } from "../load/catalog.js";
import { readDirectory } from "../load/directory.js";
import { displayPath } from "../load/yaml-source.js";
import { validateCatalog } from "../validate/index.js";
import { type AppliedFix, applyFixMoved } from "./apply-fix.js";
import { conformDirectory } from "./contract.js";
import { HISTORY_FILE, pruneHistory, serializeHistory, trendOf, utcDay } from "./history.js";
import { loadHistory, updateHistory } from "./history-file.js";
import { mergeResult } from "./merge.js";
import { byStaleness, type RepoProject, selectEntries } from "./select.js";
import { runSignal } from "./stop.js";
import type { EntryReport, RefreshOptions, RefreshResult } from "./types.js";

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
  const validation = validateCatalog(loaded);
  const { diagnostics } = validation;
  const projectsFile = displayPath(join(dataDir, "projects.yaml"), cwd);
  let previous: Directory | null = null;
  // An invalid entry keeps its last-known record or is left out (degrade.ts).
  const use = await usableOrNull(loaded, validation, async () => {
    previous = await readDirectory(join(dataDir, DIRECTORY_FILE), cwd);
    return previous;
  });
  const base = { diagnostics, api, refreshedAt: stamp, projectsFile, recovered, stopped: null };
  if (use === null) {
    const nothing = { directory: null, entries: [], fix: null, stats: EMPTY_STATS, written: [] };
    return { ...base, ...nothing, changes: [], setAside: [] };
  }
  const { catalog, kept, setAside } = use;
  if (validation.catalog !== null) {
    previous = await readDirectory(join(dataDir, DIRECTORY_FILE), cwd);
  }
  const history = await loadHistory(join(dataDir, HISTORY_FILE), cwd);
  const known = indexKnown(previous);
  const unusable = setAside.flatMap((s) => (s.kind === "project" && s.name ? [s.name] : []));
  const selected = selectEntries(catalog.projects, options.only ?? [], unusable).sort(
    compareProjects,
  );
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

  const merged = new Map<string, { github: GithubBlock | null; report: EntryReport }>();
  for (const p of selected) {
    const block = known.get(p.repo.toLowerCase())?.github ?? null;
    const prev = isFetched(block) ? block : null;
    const result = results.get(p.repo) ?? { kind: "failed", reason: "not looked up" };
    const m = mergeResult(p.repo, block, result, stamp);
    const fetchedNow = (m.status === "ok" || m.status === "moved") && isFetched(m.github);
    const report: EntryReport = {
      name: p.name,
      repo: p.repo,
      status: m.status,
      nameWithOwner: m.github?.nameWithOwner ?? null,
      stars: m.github?.stars ?? null,
      gain: fetchedNow && prev && isFetched(m.github) ? m.github.stars - prev.stars : null,
      fetchedAt: m.github?.fetchedAt ?? null,
      newlyArchived: fetchedNow && m.github?.archived === true && prev?.archived !== true,
      ...(m.reason !== undefined && { reason: m.reason }),
      ...(result.kind === "ok" && result.changes && { changes: result.changes }),
    };
    merged.set(p.name, { github: m.github, report });
  }
  const today = utcDay(new Date(stamp));
  updateHistory(history, selected, merged, known, today);

  let fix: AppliedFix | null = null;
  let finalCatalog = catalog;
  if (options.fixMoved) {
    const moves = new Map<string, string>();
    for (const { report } of merged.values()) {
      if (report.status === "moved" && report.nameWithOwner) {
        moves.set(report.repo, report.nameWithOwner);
      }
    }
    fix = applyFixMoved(loaded, catalog, moves);
    finalCatalog = fix.catalog;
    for (const f of fix.fixed) {
      const entry = merged.get(f.name);
      if (!entry) continue;
      entry.report.fixed = true;
      // The curated name now matches GitHub's: the entry is simply ok.
      if (isFetched(entry.github)) entry.github = { ...entry.github, status: "ok" };
      const key = f.from.toLowerCase();
      const etag = etags.get(key);
      if (etag !== undefined) etags.set(f.to.toLowerCase(), etag);
    }
  }

  const generation = new Map<string, Known>();
  for (const p of finalCatalog.projects) {
    if (!p.repo) continue;
    const m = merged.get(p.name);
    const k = m
      ? { github: m.github, trend: isFetched(m.github) ? trendOf(history, key(m.github)) : null }
      : (known.get(p.repo.toLowerCase()) ?? { github: null, trend: null });
    generation.set(p.repo.toLowerCase(), k);
  }
  const conformed = conformDirectory(generateDirectory(finalCatalog, generation, stamp, kept));
  const directory = conformed.directory;
  const keep = new Set(
    directory.projects.flatMap((p) => (isFetched(p.github) ? [key(p.github)] : [])),
  );
  pruneHistory(history, today, keep);

  // One generation: directory.json, DIRECTORY.md, history.json, and the rest, all or none.
  const feed = await changesFile(dataDir, directory, { previous, at: stamp, cwd });
  const files: FileWrite[] = [...directoryFiles(dataDir, directory), ...feed.files];
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
  for (const f of conformed.fixes) {
    const entry = merged.get(f.name)?.report;
    if (entry) entry.changes = [...(entry.changes ?? []), ...f.changes];
  }
  const changes = options.dryRun ? [] : feed.events;
  return { ...base, stopped, directory, entries, fix, stats, written, changes, setAside };
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
    if (etag !== undefined && isFetched(github)) cache.set(k, { etag, info: github });
  }
  return cache;
}

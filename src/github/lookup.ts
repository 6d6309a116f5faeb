/**
 * Looks up GitHub repositories: batched GraphQL with a token, conditional
 * REST without one. The public entry point of the enrich stage, also used by
 * the pull-request checks.
 */
import pLimit from "p-limit";
import { createClient } from "./client.js";
import { Concurrency } from "./concurrency.js";
import type { GitHubConfig } from "./config.js";
import { type KnownDetails, lookupGraphql } from "./graphql.js";
import { type LookupResult, LookupRun, type Target, target } from "./lookup-run.js";
import { DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE } from "./query.js";
import { type LookupStats, RateState } from "./rate-state.js";
import { type EtagEntry, lookupRest } from "./rest.js";
import { createTransport, STOPPED_MESSAGE } from "./transport.js";

export type { BatchSizeStats } from "./batch-size.js";
export { type GitHubConfig, githubConfigFromEnv, redact } from "./config.js";
export type { KnownDetails } from "./graphql.js";
export type { LookupResult } from "./lookup-run.js";
export type { Details, Scalars } from "./query.js";
export type { LookupStats } from "./rate-state.js";
export type { RepoInfo } from "./repo-info.js";
export type { EtagEntry } from "./rest.js";

/**
 * Requests in flight at once. GitHub's secondary limits allow 100 concurrent
 * requests and 2,000 query requests a minute; a few in flight keep a nightly
 * run to seconds (2,000 repos: the first query alone, then 19 to 26 queries in
 * 3 or 4 rounds, depending on the batch size it measured). GitHub's other
 * secondary limit, GraphQL CPU time (60 s per minute), is not knowable in
 * advance: when GitHub answers with a secondary limit, new requests wait for
 * retry-after and the concurrency halves, then grows back one step per round
 * of successes (concurrency.ts).
 * https://docs.github.com/en/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api#secondary-rate-limits
 */
export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 20;
/** Deadline of one attempt. GitHub stops a GraphQL query after ~10 s (then answers 502). */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** octokit's default number of retries of a failed request. */
export const DEFAULT_RETRIES = 3;
/** Longest wait for a secondary limit's retry-after or a primary limit's reset, in seconds. */
export const DEFAULT_MAX_WAIT_S = 120;

export interface LookupOptions extends GitHubConfig {
  /**
   * Repositories per GraphQL query at the start (1..100, default 100). Shrinks
   * after the first query if that cost more than one point (batch-size.ts).
   */
  batchSize?: number;
  /** Requests in flight (1..20, default 8). Halved at each secondary limit, regrown after successes. */
  concurrency?: number;
  /** Deadline of one attempt in ms (default 30 s). */
  timeoutMs?: number;
  onProgress?: (done: number, total: number, stats: LookupStats) => void;
  /** REST: called once the starting budget is known (GET /rate_limit), with the repos to do. */
  onBudget?: (stats: LookupStats, total: number) => void;
  /** Injectable transport; undici over a keep-alive Agent otherwise. */
  fetch?: typeof fetch;
  /**
   * REST only: cached ETags (keys: lower-cased `owner/name`), read for
   * If-None-Match and updated in place with what this run learnt.
   */
  etags?: Map<string, EtagEntry>;
  /** Milliseconds per second of any wait GitHub asks for (default 1000; tests use ~1). */
  retryDelayMs?: number;
  /** Retries of a failed request (default 3). */
  retries?: number;
  /** Longest retry-after / reset wait honoured, in seconds (default 120). */
  maxWaitSeconds?: number;
  /** Default: "graphql" with a token, "rest" without (GraphQL requires authentication). */
  api?: "graphql" | "rest";
  /**
   * GraphQL: the two-pass lookup (graphql.ts). Given a repository's fields
   * that are not connections, returns its last-known open issues and topics
   * when they need no fetch, or null to fetch them. Without it, one pass.
   */
  knownDetails?: KnownDetails;
  /**
   * Stops the lookup: requests in flight are abandoned, none is started, and
   * lookupRepos returns at once with what was fetched; the rest fail with
   * `stoppedReason(signal)`.
   */
  signal?: AbortSignal;
}

/** Why a stopped lookup left a repository out ("stopped (SIGTERM)"; the signal's reason when a string). */
export function stoppedReason(signal: AbortSignal): string {
  const r: unknown = signal.reason;
  return typeof r === "string" ? r : "stopped";
}

/** The token was rejected: no lookup can succeed. The message never contains the token. */
export class LookupAuthError extends Error {
  override name = "LookupAuthError";
}

/**
 * The API answers 404 to the requests every lookup depends on: GITHUB_API_URL
 * or GITHUB_GRAPHQL_URL is wrong. The message names the URL and the variable.
 */
export class LookupEndpointError extends Error {
  override name = "LookupEndpointError";
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.floor(n)));

/**
 * Looks up `repos` (`owner/name`). The keys of `results` are the repos exactly
 * as given; each is ok (info.nameWithOwner differs case-insensitively from the
 * key when the repository moved), missing, or failed (the caller marks it stale).
 * Throws LookupAuthError when GitHub rejects the token, LookupEndpointError
 * when the configured API URL answers 404 to everything.
 */
export async function lookupRepos(
  repos: string[],
  options: LookupOptions,
): Promise<{ results: Map<string, LookupResult>; stats: LookupStats }> {
  const api = options.api ?? (options.token ? "graphql" : "rest");
  const concurrency = clamp(options.concurrency ?? DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY);
  const batchSize = clamp(options.batchSize ?? DEFAULT_BATCH_SIZE, 1, MAX_BATCH_SIZE);
  const retryDelayMs = Math.max(0, options.retryDelayMs ?? 1000);
  const state = new RateState();
  const transport = createTransport({
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    connections: concurrency,
    fetch: options.fetch,
    signal: options.signal,
    onRequest: () => state.requests++,
    onResponse: (r) => state.observe(r.headers),
  });
  const limit = pLimit(concurrency);
  const control = new Concurrency(limit, concurrency);
  try {
    const octokit = createClient({
      config: options,
      fetch: transport.fetch,
      state,
      retryDelayMs,
      retries: options.retries ?? DEFAULT_RETRIES,
      maxWaitSeconds: options.maxWaitSeconds ?? DEFAULT_MAX_WAIT_S,
      // Back off: each secondary limit halves the requests in flight.
      onSecondaryLimit: () => {
        control.backOff();
        state.lowestConcurrency = control.lowest;
      },
    });
    const targets = uniqueTargets(repos);
    const run = new LookupRun(
      octokit,
      options,
      state,
      targets.length,
      (done) => options.onProgress?.(done, targets.length, state.snapshot()),
      () => control.succeeded(),
    );
    const work =
      api === "graphql"
        ? lookupGraphql(targets, run, batchSize, limit, options.knownDetails)
        : lookupRest(targets, run, options.etags ?? new Map(), limit, () =>
            options.onBudget?.(state.snapshot(), targets.length),
          );
    await untilStopped(work, options.signal);
    const stop = run.stop;
    if (stop?.kind === "auth") throw new LookupAuthError(stop.reason);
    if (stop?.kind === "endpoint") throw new LookupEndpointError(stop.reason);
    return { results: resultsByRepo(repos, run, options.signal), stats: state.snapshot() };
  } finally {
    await transport.close();
  }
}

/** The repos to look up: valid owner/name only, each once (names are case-insensitive). */
function uniqueTargets(repos: readonly string[]): Target[] {
  const unique = new Map<string, Target>();
  for (const repo of repos) {
    const t = target(repo);
    if (t !== null && !unique.has(t.key)) unique.set(t.key, t);
  }
  return [...unique.values()];
}

/**
 * A result for every repo exactly as given. After a stop, the repos not
 * answered (and those whose request the stop cut) fail with the stop's reason;
 * those whose request was never sent are marked `skipped`.
 */
function resultsByRepo(
  repos: readonly string[],
  run: LookupRun,
  signal: AbortSignal | undefined,
): Map<string, LookupResult> {
  // A copy: requests abandoned by a stop may still record into run.results.
  const done = new Map(run.results);
  const missed = signal?.aborted ? stoppedReason(signal) : "not looked up";
  for (const [k, r] of done) {
    if (r.kind === "failed" && r.reason.includes(STOPPED_MESSAGE)) done.delete(k);
  }
  const results = new Map<string, LookupResult>();
  for (const repo of repos) {
    const t = target(repo);
    // Not owner/name: no such repository can exist on GitHub.
    results.set(
      repo,
      (t && done.get(t.key)) ??
        (t === null
          ? { kind: "missing" }
          : run.sent.has(t.key)
            ? { kind: "failed", reason: missed }
            : // Never sent: no attempt (the entry keeps its checkedAt, merge.ts).
              { kind: "failed", reason: missed, skipped: true }),
    );
  }
  return results;
}

/** Waits for `work`, or only until `signal` aborts (the work then winds down on its own). */
async function untilStopped(work: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return work;
  if (signal.aborted) {
    work.catch(() => {});
    return;
  }
  let onAbort = () => {};
  const stopped = new Promise<void>((resolve) => {
    onAbort = () => resolve();
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    await Promise.race([work, stopped]);
  } finally {
    signal.removeEventListener("abort", onAbort);
    work.catch(() => {});
  }
}

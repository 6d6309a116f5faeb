/**
 * The batch machinery of the GraphQL lookup (graphql.ts): sending batches of
 * repositories at most `limit` at a time, and sorting each answer into ok /
 * missing / failed per repository.
 */
import type { LimitFunction } from "p-limit";
import { classify, isRateLimitedBody } from "./failure.js";
import { type LookupResult, type LookupRun, okOrFailed, type Target } from "./lookup-run.js";
import { alias, batchQuery, batchVariables, type QueryKind, type RepoNode } from "./query.js";
import { type RepoInfo, sanitizeRepoInfo } from "./repo-info.js";
import { parsedJson } from "./transport.js";

interface GraphqlError {
  type?: string;
  path?: unknown[];
  message?: string;
}

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: GraphqlError[];
}

/** Called with what a query answered for `repos` repositories cost (`rateLimit.cost`) and took. */
export type OnCost = (repos: number, cost: number | null, ms: number) => void;
/**
 * Takes one repository's answer; returns what to record for it (the info, to
 * be sanitised; a reason it failed; or a result already sanitised), or null
 * when recorded later.
 */
export type Accept = (target: Target, node: RepoNode) => RepoInfo | string | LookupResult | null;

export interface BatchHooks {
  accept: Accept;
  onCost?: OnCost;
  onFailure?: () => void;
  /** Every answer measures (default: only the first query's). */
  measureAll?: boolean;
}

/**
 * Sends `targets` in batches of `size()` repositories, at most `limit` at a
 * time. The first batch goes alone (its answer sizes the rest); each later
 * batch is cut when a slot frees, so it uses what the answers so far measured.
 */
export async function schedule(
  targets: readonly Target[],
  run: LookupRun,
  limit: LimitFunction,
  size: () => number,
  kind: QueryKind,
  hooks: BatchHooks,
): Promise<void> {
  let next = Math.min(targets.length, size());
  if (next > 0) await limit(() => runBatch(targets.slice(0, next), run, kind, hooks));
  const later: BatchHooks = hooks.measureAll ? hooks : { accept: hooks.accept };
  const pending = new Set<Promise<void>>();
  while (next < targets.length) {
    if (limit.activeCount + limit.pendingCount >= limit.concurrency && pending.size > 0) {
      await Promise.race(pending);
      continue;
    }
    const batch = targets.slice(next, next + size());
    next += batch.length;
    const p: Promise<void> = limit(() => runBatch(batch, run, kind, later)).finally(() =>
      pending.delete(p),
    );
    pending.add(p);
  }
  await Promise.all(pending);
}

async function runBatch(
  batch: Target[],
  run: LookupRun,
  kind: QueryKind,
  hooks: BatchHooks,
): Promise<void> {
  await run.state.gate();
  const stopped = run.stopReason();
  if (stopped !== null) {
    run.skip(batch, stopped);
    return;
  }
  let body: unknown;
  const started = Date.now();
  run.sending(batch);
  try {
    const response = await run.octokit.request("POST /graphql", {
      url: run.config.graphqlUrl,
      query: batchQuery(batch.length, kind),
      variables: batchVariables(batch),
      // The transport parsed the answer already (transport.ts parsedJson).
      request: { parseSuccessResponseBody: false },
    });
    body = parsedJson(response.data);
  } catch (error) {
    hooks.onFailure?.();
    // GitHub answers a missing repository inside a 200 (NOT_FOUND); an HTTP 404 means
    // the URL is not a GraphQL endpoint at all, and no other request will do better.
    if ((error as { status?: unknown })?.status === 404) {
      const reason = `${run.config.graphqlUrl} answered HTTP 404: it is not a GraphQL endpoint; check GITHUB_GRAPHQL_URL (or GITHUB_API_URL it is derived from)`;
      run.failure(batch, { kind: "endpoint", reason });
      return;
    }
    run.failure(batch, classify(error));
    return;
  }
  run.succeeded();
  readBatch(batch, body, run, hooks, Date.now() - started);
}

const isResult = (v: RepoInfo | LookupResult): v is LookupResult => "kind" in v;

/** Sorts one batch's answer into ok / missing / failed per repository. */
function readBatch(batch: Target[], body: unknown, run: LookupRun, hooks: BatchHooks, ms: number) {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    run.fail(batch, "GitHub sent a response that is not a GraphQL result");
    return;
  }
  const { data, errors = [] } = body as GraphqlBody;
  if (isRateLimitedBody(body)) {
    // Reached only when plugin-throttling did not recognise the endpoint (GHES /api/graphql).
    run.failure(batch, { kind: "primary", resetAt: run.state.resetAt });
    return;
  }
  const rate = data?.rateLimit as { cost?: unknown; remaining?: unknown; resetAt?: unknown } | null;
  const cost = typeof rate?.cost === "number" ? rate.cost : null;
  if (cost !== null) run.state.points += cost;
  hooks.onCost?.(batch.length, cost, ms);
  if (typeof rate?.remaining === "number") {
    run.state.budget(rate.remaining, typeof rate.resetAt === "string" ? rate.resetAt : null);
  }
  const byAlias = new Map<string, GraphqlError>();
  for (const e of Array.isArray(errors) ? errors : []) {
    const head = e?.path?.[0];
    if (typeof head === "string" && !byAlias.has(head)) byAlias.set(head, e);
  }
  const general = (Array.isArray(errors) ? errors : []).find((e) => !Array.isArray(e?.path));
  batch.forEach((t, i) => {
    const node = data?.[alias(i)];
    // Let go of each answer once read: a collection during a big batch then keeps only the rest.
    if (data) data[alias(i)] = null;
    const error = byAlias.get(alias(i));
    if (node !== null && typeof node === "object") {
      const info = hooks.accept(t, node as RepoNode);
      if (info === null) return;
      run.record(
        t,
        typeof info === "string"
          ? { kind: "failed", reason: info }
          : isResult(info)
            ? info
            : okOrFailed(sanitizeRepoInfo(info)),
      );
    } else if (error?.type === "NOT_FOUND") {
      run.record(t, { kind: "missing" });
    } else {
      const e = error ?? general;
      const reason = e ? `${e.type ?? "GraphQL error"}: ${e.message ?? ""}` : "no data for it";
      run.record(t, { kind: "failed", reason: reason.slice(0, 200) });
    }
  });
}

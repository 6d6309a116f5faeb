import type { LimitFunction } from "p-limit";
import { BatchSizer } from "./batch-size.js";
import { classify, isRateLimitedBody } from "./failure.js";
import { type LookupRun, okOrFailed, type Target } from "./lookup-run.js";
import { alias, batchQuery, batchVariables, fromGraphql } from "./query.js";
import { sanitizeRepoInfo } from "./repo-info.js";

interface GraphqlError {
  type?: string;
  path?: unknown[];
  message?: string;
}

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: GraphqlError[];
}

/** Called with what a query answered for `repos` repositories cost (`rateLimit.cost`). */
type OnCost = (repos: number, cost: number) => void;

/**
 * Looks up every target with batched GraphQL queries of `batchSize`
 * repositories. The first query goes alone: the cost GitHub reports for it
 * may shrink the batches of the rest (see batch-size.ts), which then go
 * `limit` at a time. A failed batch fails its repositories only; an exhausted
 * budget stops the batches not yet sent.
 */
export async function lookupGraphql(
  targets: readonly Target[],
  run: LookupRun,
  batchSize: number,
  limit: LimitFunction,
): Promise<void> {
  const sizer = new BatchSizer(batchSize);
  const onCost: OnCost = (repos, cost) => {
    sizer.measure(repos, cost);
    run.state.batchSize = sizer.stats();
  };
  run.state.batchSize = sizer.stats();
  const first = targets.slice(0, sizer.size);
  if (first.length > 0) await limit(() => runBatch(first, run, onCost));
  const size = sizer.size;
  const batches: Target[][] = [];
  for (let i = first.length; i < targets.length; i += size) {
    batches.push(targets.slice(i, i + size));
  }
  await Promise.all(batches.map((batch) => limit(() => runBatch(batch, run))));
}

async function runBatch(batch: Target[], run: LookupRun, onCost?: OnCost): Promise<void> {
  await run.state.gate();
  const stopped = run.stopReason();
  if (stopped !== null) {
    run.fail(batch, stopped);
    return;
  }
  let body: unknown;
  try {
    const response = await run.octokit.request("POST /graphql", {
      url: run.config.graphqlUrl,
      query: batchQuery(batch.length),
      variables: batchVariables(batch),
    });
    body = response.data;
  } catch (error) {
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
  readBatch(batch, body, run, onCost);
}

/** Sorts one batch's answer into ok / missing / failed per repository. */
function readBatch(batch: Target[], body: unknown, run: LookupRun, onCost?: OnCost): void {
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
  if (typeof rate?.cost === "number") {
    run.state.points += rate.cost;
    onCost?.(batch.length, rate.cost);
  }
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
    const error = byAlias.get(alias(i));
    if (node !== null && typeof node === "object") {
      run.record(
        t,
        okOrFailed(sanitizeRepoInfo(fromGraphql(node as Parameters<typeof fromGraphql>[0]))),
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

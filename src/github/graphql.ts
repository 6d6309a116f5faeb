import type { LimitFunction } from "p-limit";
import { BatchSizer, FIRST_SCALAR_BATCH, TimedBatchSizer } from "./batch-size.js";
import { type Accept, schedule } from "./graphql-batch.js";
import type { LookupRun, Target } from "./lookup-run.js";
import {
  type Details,
  detailsFromGraphql,
  fromGraphql,
  type QueryKind,
  type Scalars,
  scalarsFromGraphql,
} from "./query.js";
import type { RepoInfo } from "./repo-info.js";

/**
 * What the caller knows, for the two-pass lookup. Keys: the lower-cased
 * `owner/name` asked.
 */
export interface KnownDetails {
  /** Whether there is last-known data (if not, one query asks everything at once). */
  has(key: string): boolean;
  /**
   * From a repository's pass-1 answer: the last-known open issues and topics
   * to keep, or null to fetch them in pass 2.
   */
  keep(key: string, scalars: Scalars): Details | null;
  /**
   * The last-known data itself when a pass-1 answer holds exactly its values
   * and its connections need no fetch, else null. The answer is then recorded
   * as the object already held: a night in which nothing changed keeps one
   * copy of the data, and makes almost no garbage per repository.
   */
  unchanged(key: string, scalars: Scalars): RepoInfo | null;
}

/**
 * Looks up every target with batched GraphQL queries. With `known` (the
 * two-pass refresh): pass 1 asks every known repository's fields that are not
 * connections, in large batches that cost one point each; pass 2 asks the
 * connections only of those `known` has no current values for. Pass 1 starts
 * at `firstScalarBatch` repositories per query (see TimedBatchSizer). Repositories
 * with no last-known data, and every one without `known`, are asked everything
 * in one query per batch (one pass).
 */
export async function lookupGraphql(
  targets: readonly Target[],
  run: LookupRun,
  batchSize: number,
  limit: LimitFunction,
  known?: KnownDetails,
  firstScalarBatch: number = FIRST_SCALAR_BATCH,
): Promise<void> {
  const full: Accept = (_t, node) => fromGraphql(node);
  const fresh = known === undefined ? targets : targets.filter((t) => !known.has(t.key));
  await costSizedPass(fresh, run, batchSize, limit, "full", full);
  if (known === undefined || fresh.length === targets.length) return;
  const scalars = new Map<string, Scalars>();
  const need: Target[] = [];
  const timed = new TimedBatchSizer(firstScalarBatch);
  const seen = targets.filter((t) => known.has(t.key));
  await schedule(seen, run, limit, () => timed.size, "scalars", {
    accept: (t, node) => {
      const s = scalarsFromGraphql(node);
      const same = known.unchanged(t.key, s);
      if (same !== null) return { kind: "ok", info: same };
      const keep = known.keep(t.key, s);
      if (keep !== null) return { ...s, ...keep };
      scalars.set(t.key, s);
      need.push(t);
      return null;
    },
    onCost: (repos, cost, ms) => timed.measure(repos, ms, cost),
    onFailure: () => timed.failed(),
    measureAll: true,
  });
  run.state.scalarBatch = timed.size;
  const details: Accept = (t, node) => {
    const s = scalars.get(t.key);
    return s ? { ...s, ...detailsFromGraphql(node) } : "no pass-1 data for it";
  };
  await costSizedPass(need, run, batchSize, limit, "details", details);
}

/**
 * Batches whose size the first query's cost decides (batch-size.ts): the first
 * goes alone, the rest `limit` at a time.
 */
async function costSizedPass(
  targets: readonly Target[],
  run: LookupRun,
  batchSize: number,
  limit: LimitFunction,
  kind: QueryKind,
  accept: Accept,
): Promise<void> {
  if (targets.length === 0) return;
  const sizer = new BatchSizer(batchSize);
  run.state.batchSize = sizer.stats();
  await schedule(targets, run, limit, () => sizer.size, kind, {
    accept,
    onCost: (repos, cost) => {
      if (cost !== null) sizer.measure(repos, cost);
      run.state.batchSize = sizer.stats();
    },
  });
}

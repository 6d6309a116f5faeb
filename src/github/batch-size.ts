/**
 * How many repositories go in one GraphQL query: measured, not assumed.
 *
 * GitHub's cost formula: "add up the number of requests needed to fulfill each unique
 * connection", "divide by 100 and round", minimum 1 point
 * (https://docs.github.com/en/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api).
 * Each repository asks two connections: `repositoryTopics(first: 20) { nodes ... }` (a page: one
 * request) and `issues(states: OPEN) { totalCount }` (no page; whether GitHub charges it is not
 * documented). So 100 repositories cost 1 point if only pages are charged, 2 if every connection
 * is. The first query goes alone and reports `rateLimit { cost }`; when it cost more than one
 * point, the rest of the run uses the largest batch that the measured rate says costs one.
 */

/** "The rate limit score is calculated by dividing the total requests by 100." */
export const REQUESTS_PER_POINT = 100;

/** What a query needing `requests` requests costs: max(1, round(requests / 100)). */
export function pointsFor(requests: number): number {
  return Math.max(1, Math.round(requests / REQUESTS_PER_POINT));
}

/**
 * Requests each repository adds, inferred from a query of `repos` repositories that cost `cost`
 * points. Every alias asks the same fragment, so each adds the same whole number k of requests,
 * and round(k × repos / 100) = cost means k × repos < 100 × cost + 50: the largest such k is
 * taken (the cautious reading when several fit). Null when the cost tells nothing: one point is
 * the minimum charge, and a cost that is not a whole number of points is not GitHub's.
 */
export function requestsPerRepo(repos: number, cost: number): number | null {
  if (!Number.isSafeInteger(cost) || cost <= 1 || !Number.isSafeInteger(repos) || repos < 1) {
    return null;
  }
  return Math.ceil((REQUESTS_PER_POINT * cost + REQUESTS_PER_POINT / 2) / repos) - 1;
}

/** The most repositories, up to `max`, that one point buys at `perRepo` requests each (≥ 1). */
export function onePointBatch(perRepo: number, max: number): number {
  let n = Math.max(1, max);
  while (n > 1 && pointsFor(n * perRepo) > 1) n--;
  return n;
}

/**
 * The batch size once a query of `repos` repositories cost `cost` points: unchanged when it
 * cost one point, otherwise the largest size estimated to cost one point. Never grows.
 */
export function adaptedBatchSize(current: number, repos: number, cost: number): number {
  const perRepo = requestsPerRepo(repos, cost);
  return perRepo === null ? current : Math.min(current, onePointBatch(perRepo, current));
}

/** What the run did with the batch size (in the summary and `--json`). */
export interface BatchSizeStats {
  /** Repositories per query at the start (--batch-size, default 100). */
  initial: number;
  /** Repositories per query after the first query's cost was read. */
  final: number;
  /** Points the first query cost (null: it did not say, e.g. it failed). */
  firstCost: number | null;
}

/** The batch size of one run: the first query's cost is the measurement. */
export class BatchSizer {
  private current: number;
  private firstCost: number | null = null;

  constructor(readonly initial: number) {
    this.current = initial;
  }

  get size(): number {
    return this.current;
  }

  /** Records what a query of `repos` repositories cost; only the first measurement counts. */
  measure(repos: number, cost: number): void {
    if (this.firstCost !== null) return;
    this.firstCost = cost;
    this.current = adaptedBatchSize(this.current, repos, cost);
  }

  stats(): BatchSizeStats {
    return { initial: this.initial, final: this.current, firstCost: this.firstCost };
  }
}

/**
 * Pass 1 of the two-pass refresh (no connection) costs one point per query
 * whatever its size, so its batch size is bounded by GitHub's other limits:
 * - nodes: the node limit (500,000) counts only connections' pages, and pass 1
 *   asks none, so it never binds;
 * - time: GitHub stops a query after about 10 seconds of server time
 *   ("Timeouts", https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api),
 *   and a timed-out query still counts against the budget.
 * So the size is measured: each answer's round-trip time (an upper bound of
 * GitHub's server time for it) gives the time per repository, and the next
 * batch is sized to take SCALAR_TARGET_MS, a third of the limit, growing at
 * most GROWTH-fold per answer and never past MAX_SCALAR_BATCH. (The round trip
 * includes the fixed latency, so the time per repository it gives is an
 * overestimate: the sizes err on the small side.)
 */
export const SCALAR_TARGET_MS = 3_000;
/** Upper bound of pass 1's batch: ~100 KB of query text and variables. */
export const MAX_SCALAR_BATCH = 1_000;
/**
 * The first pass-1 query: --batch-size (default 100, what practitioners send
 * with connections, so well inside the time limit without them).
 */
export const FIRST_SCALAR_BATCH = 100;
/** Most a batch grows from one answer to the next. */
export const GROWTH = 5;

/** Pass 1's batch size, from the time its answers took (and, if ever charged more, their cost). */
export class TimedBatchSizer {
  private current: number;
  private costCap: number;

  constructor(
    initial = FIRST_SCALAR_BATCH,
    private readonly max = MAX_SCALAR_BATCH,
    private readonly targetMs = SCALAR_TARGET_MS,
  ) {
    this.current = Math.max(1, Math.min(initial, max));
    this.costCap = max;
  }

  get size(): number {
    return Math.min(this.current, this.costCap);
  }

  /** A query of `repos` repositories took `ms` end to end and cost `cost` points (if known). */
  measure(repos: number, ms: number, cost: number | null): void {
    if (cost !== null && cost > 1) {
      // Never assume the pricing: a charge above one point caps the size at what costs one.
      this.costCap = Math.min(this.costCap, adaptedBatchSize(this.max, repos, cost));
    }
    if (repos < 1 || !(ms > 0)) return;
    const fit = Math.floor((this.targetMs * repos) / ms);
    this.current = Math.max(1, Math.min(this.max, GROWTH * this.current, fit));
  }

  /** A query failed (timeout, 502): halve, in case it was too big. */
  failed(): void {
    this.current = Math.max(1, Math.floor(this.current / 2));
  }
}

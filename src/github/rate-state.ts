import { setTimeout as sleep } from "node:timers/promises";
import type { BatchSizeStats } from "./batch-size.js";

/** What a lookup cost, and the budget GitHub reported at the end. */
export interface LookupStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** GraphQL points charged (sum of `rateLimit.cost`); REST: requests charged (304s are free). */
  points: number;
  /** Budget left after the run (x-ratelimit-remaining / rateLimit.remaining), when known. */
  remaining: number | null;
  /** When the budget resets (ISO), when known. */
  resetAt: string | null;
  /** The primary budget ran out: the lookups not done are `failed`. */
  rateLimited: boolean;
  /** GraphQL: repositories per query, before and after the first query's cost was read. */
  batchSize: BatchSizeStats | null;
  /** Two-pass GraphQL: repositories per pass-1 query at the end (measured by time), else null. */
  scalarBatch: number | null;
  /** Secondary limits hit, and the lowest concurrency they brought the run to. */
  secondaryHits: number;
  lowestConcurrency: number | null;
}

/** Seconds since the epoch (x-ratelimit-reset) to an ISO time without milliseconds. */
export function epochToIso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The rate-limit state shared by every request of one lookup: what was spent,
 * the budget GitHub reports in its `x-ratelimit-*` headers, whether the
 * primary budget is exhausted, and a pause that secondary limits impose on
 * requests not yet started ("wait before retrying", per
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#handle-rate-limit-errors-appropriately).
 */
export class RateState {
  requests = 0;
  points = 0;
  remaining: number | null = null;
  resetAt: string | null = null;
  rateLimited = false;
  batchSize: BatchSizeStats | null = null;
  scalarBatch: number | null = null;
  lowestConcurrency: number | null = null;
  /** Times a secondary limit was hit. */
  secondaryHits = 0;
  private pausedUntil = 0;

  /** Records the budget from a response's headers (the latest reset window wins). */
  observe(headers: { get(name: string): string | null }): void {
    const remaining = Number.parseInt(headers.get("x-ratelimit-remaining") ?? "", 10);
    const reset = Number.parseInt(headers.get("x-ratelimit-reset") ?? "", 10);
    if (Number.isNaN(remaining)) return;
    this.budget(remaining, Number.isNaN(reset) ? null : epochToIso(reset));
  }

  /**
   * Responses of concurrent requests arrive in any order: within one reset
   * window the smallest remaining is the latest; a later window replaces it.
   */
  budget(remaining: number, resetAt: string | null): void {
    const current = this.resetAt;
    if (resetAt !== null && (current === null || resetAt > current)) {
      this.resetAt = resetAt;
      this.remaining = remaining;
      return;
    }
    if (resetAt !== null && current !== null && resetAt < current) return;
    this.remaining = this.remaining === null ? remaining : Math.min(this.remaining, remaining);
  }

  /** Holds back requests not yet started for `ms`. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  /** Resolves once no pause is in force. */
  async gate(): Promise<void> {
    for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) {
      await sleep(wait);
    }
  }

  snapshot(): LookupStats {
    return {
      requests: this.requests,
      points: this.points,
      remaining: this.remaining,
      resetAt: this.resetAt,
      rateLimited: this.rateLimited,
      batchSize: this.batchSize && { ...this.batchSize },
      scalarBatch: this.scalarBatch,
      secondaryHits: this.secondaryHits,
      lowestConcurrency: this.lowestConcurrency,
    };
  }
}

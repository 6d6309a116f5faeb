/**
 * Primary rate-limit budgets and their `x-ratelimit-*` headers.
 * REST: https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
 * GraphQL: https://docs.github.com/en/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api
 */

/** "Unauthenticated users can make 60 requests per hour" (REST doc above). */
export const REST_UNAUTHENTICATED_LIMIT = 60;
/** "All of these requests count towards your personal rate limit of 5,000 requests per hour". */
export const REST_AUTHENTICATED_LIMIT = 5000;
/** "users ... 5,000 points per hour" (GraphQL doc above). */
export const GRAPHQL_POINTS_LIMIT = 5000;
/** Budgets are hourly; the window starts at the first use after a reset. */
const WINDOW_MS = 60 * 60 * 1000;

export type Resource = "core" | "graphql" | "search";

export interface RateJson {
  limit: number;
  used: number;
  remaining: number;
  reset: number;
}

/** One hourly budget (a `resources.<name>` entry of GET /rate_limit). */
export class Budget {
  used = 0;
  private resetAtMs = Date.now() + WINDOW_MS;

  constructor(
    readonly resource: Resource,
    readonly limit: number,
  ) {}

  private roll(): void {
    if (Date.now() >= this.resetAtMs) this.reset();
  }

  reset(): void {
    this.used = 0;
    this.resetAtMs = Date.now() + WINDOW_MS;
  }

  get remaining(): number {
    this.roll();
    return Math.max(0, this.limit - this.used);
  }

  /** Epoch seconds, what `x-ratelimit-reset` carries. */
  get resetEpoch(): number {
    this.roll();
    return Math.ceil(this.resetAtMs / 1000);
  }

  get resetAtIso(): string {
    return new Date(this.resetEpoch * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  /** Charges `n` if the budget covers it. */
  tryCharge(n: number): boolean {
    if (n > this.remaining) return false;
    this.used += n;
    return true;
  }

  json(): RateJson {
    return {
      limit: this.limit,
      used: this.used,
      remaining: this.remaining,
      reset: this.resetEpoch,
    };
  }

  /** The headers GitHub sends on every API response; `exhausted` reports remaining 0. */
  headers(exhausted = false): Record<string, string> {
    const remaining = exhausted ? 0 : this.remaining;
    return {
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(remaining),
      "x-ratelimit-reset": String(this.resetEpoch),
      "x-ratelimit-used": String(exhausted ? this.limit : this.used),
      "x-ratelimit-resource": this.resource,
    };
  }
}

/** Fault injection: which request a fault hits, and the reply it substitutes. */
import type { Budget } from "./ratelimit.js";
import {
  graphqlRateLimited,
  malformed,
  type Reply,
  restRateLimited,
  secondaryRateLimited,
  serverError,
} from "./responses.js";
import type { Fault } from "./types.js";

export interface FaultTarget {
  api: "graphql" | "rest";
  /** URL path without the query string. */
  path: string;
  /** Whether a GraphQL request mentions "owner/name". */
  mentions(repo: string): boolean;
}

function matches(f: Fault, t: FaultTarget): boolean {
  if (f.api && f.api !== t.api) return false;
  if (f.path && !t.path.includes(f.path)) return false;
  if (f.repo) {
    if (t.api === "graphql") return t.mentions(f.repo);
    const prefix = `/repos/${f.repo}`.toLowerCase();
    const path = decodeURIComponent(t.path).toLowerCase();
    if (!(path === prefix || path.startsWith(`${prefix}/`))) return false;
  }
  return true;
}

/** The active faults, first added first served; `times` counts down, spent faults go. */
export class Faults {
  private active: Fault[] = [];

  add(fault: Fault): void {
    if (fault.times !== undefined && fault.times <= 0) return;
    this.active.push({ ...fault });
  }

  clear(): void {
    this.active = [];
  }

  /** The fault that applies to this request, if any (consuming one of its `times`). */
  take(target: FaultTarget): Fault | undefined {
    const index = this.active.findIndex((f) => matches(f, target));
    const fault = this.active[index];
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.active.splice(index, 1);
    }
    return fault;
  }
}

/** Seconds a secondary-limit fault asks the client to wait, unless given. */
export const DEFAULT_RETRY_AFTER_S = 1;

/**
 * The reply replacing the normal one, for the faults that replace it
 * (`slow`, `together` and `reset` alter how the normal reply is sent instead).
 */
export function faultReply(
  fault: Fault,
  api: "graphql" | "rest",
  budget: Budget,
  authenticated: boolean,
  requestId: string,
): Reply | undefined {
  const headers = { ...budget.headers(), "x-github-request-id": requestId };
  switch (fault.kind) {
    case "status":
      return serverError(fault.status, api === "graphql", fault.message);
    case "secondary":
      return secondaryRateLimited(
        fault.status ?? 403,
        fault.retryAfter ?? DEFAULT_RETRY_AFTER_S,
        headers,
      );
    case "exhaust": {
      const exhausted = { ...budget.headers(true), "x-github-request-id": requestId };
      return api === "graphql"
        ? graphqlRateLimited(exhausted)
        : restRateLimited(authenticated, exhausted);
    }
    case "malformed":
      return malformed();
    case "slow":
    case "together":
    case "reset":
      return undefined;
  }
}

/** Public types of the fake GitHub (see index.ts). */

export interface FakeRepo {
  id: number;
  owner: string;
  name: string;
  description: string | null;
  homepageUrl: string | null;
  stars: number;
  forks: number;
  openIssues: number;
  /** SPDX id, e.g. "Apache-2.0"; "NOASSERTION" for a licence GitHub cannot identify. */
  license: string | null;
  language: string | null;
  topics: string[];
  archived: boolean;
  /** ISO time. */
  pushedAt: string;
  /** ISO time. */
  createdAt: string;
  latestRelease: { tagName: string; publishedAt: string; url: string } | null;
  /** "owner/name" strings that now resolve (renames/transfers) to this repo. */
  formerNames?: string[];
  /**
   * The owner's avatar as this repository's answers give it (GraphQL `owner { avatarUrl }`, REST
   * `owner.avatar_url`). Default: GitHub's form, https://avatars.githubusercontent.com/u/ID?v=4.
   * Tests set odd values here to check what the client keeps.
   */
  avatarUrl?: string;
}

export interface FakeGitHubOptions {
  repos: FakeRepo[];
  /**
   * When set, GraphQL requires `authorization: bearer|token <token>` (401 otherwise) and REST
   * rejects a wrong token (401 "Bad credentials"). REST with the token gets the 5,000/h budget,
   * without one 60/h. When unset, any authorization header counts as authenticated.
   */
  token?: string;
  /** Primary GraphQL budget in points per hour, default 5,000. */
  graphqlPoints?: number;
  /** Overrides the REST budget (authenticated and unauthenticated alike). */
  restLimit?: number;
  /** Added to every request. */
  latencyMs?: number;
  /** Added per repository resolved (GraphQL: per `repository` field; REST: 1 per request). */
  perRepoLatencyMs?: number;
  /**
   * Also charge connections that select only `totalCount` (one request each, like a paginated
   * one). Off by default: GitHub's cost formula counts paginated requests and is silent on
   * totalCount-only connections; see cost.ts for the reading and why this switch exists.
   */
  strictCost?: boolean;
  /** Port to listen on (127.0.0.1), default 0 (a free port). */
  port?: number;
}

/** Which requests a fault applies to. Every condition given must hold. */
export interface FaultMatch {
  /**
   * How many matching requests the fault applies to; default: all following ones.
   * The fault is removed once used up.
   */
  times?: number;
  /** Only requests of this API ("graphql" is POST /graphql, "rest" everything else). */
  api?: "graphql" | "rest";
  /** Substring of the request path (REST or "/graphql"), e.g. "/releases/latest". */
  path?: string;
  /**
   * "owner/name" (case-insensitive): GraphQL requests whose query (or variables) mention it,
   * REST requests under /repos/owner/name.
   */
  repo?: string;
}

export type FaultKind =
  /** Answers `status` with a GitHub-like JSON body. */
  | { kind: "status"; status: number; message?: string }
  /** Writes the headers and part of the (real) body, then destroys the socket. */
  | { kind: "reset" }
  /** Waits `ms` before handling the request normally. */
  | { kind: "slow"; ms: number }
  /**
   * Holds each request it applies to until `count` requests have reached the same `gate`, then
   * lets them all through: proves requests overlap without depending on timing.
   */
  | { kind: "together"; gate: string; count: number }
  /** Secondary rate limit: 403 (or 429) with `retry-after: retryAfter` (seconds, default 1). */
  | { kind: "secondary"; retryAfter?: number; status?: 403 | 429 }
  /**
   * Answers as if the primary budget were used up (GraphQL: 200 RATE_LIMITED; REST: 403), with
   * `x-ratelimit-remaining: 0`. The budget itself is left untouched.
   */
  | { kind: "exhaust" }
  /** 200 with a body that is not valid JSON. */
  | { kind: "malformed" };

export type Fault = FaultKind & FaultMatch;

export interface LogEntry {
  method: string;
  /** Path and query string (an `access_token` parameter is redacted). */
  path: string;
  status: number;
  /** The GraphQL query text, for POST /graphql. */
  query?: string;
  /** Whether the request carried an authorization header (its value is never recorded). */
  authorization: boolean;
  /** The fault applied to this request, if any. */
  fault?: FaultKind["kind"];
}

export interface FakeStats {
  requests: number;
  graphqlRequests: number;
  restRequests: number;
  /** GraphQL points charged. */
  pointsUsed: number;
  /** REST requests charged to the core budget (304s and /rate_limit are free). */
  restUsed: number;
  /** Most requests seen in flight at once. */
  maxConcurrency: number;
  log: LogEntry[];
}

export interface FakeGitHub {
  /** REST base, what GITHUB_API_URL would be, e.g. http://127.0.0.1:PORT */
  url: string;
  /** `${url}/graphql`, what GITHUB_GRAPHQL_URL would be. */
  graphqlUrl: string;
  stats: FakeStats;
  /** Zeroes the counters and empties the log (the budgets are kept; see resetRateLimits). */
  resetStats(): void;
  /** Restores every budget to full and starts a new hour. */
  resetRateLimits(): void;
  /**
   * Mutable, keyed by "owner/name": tests change stars between runs, delete repos, rename
   * (re-key, or change owner/name and add formerNames). Lookups are case-insensitive and
   * always reflect the current contents.
   */
  repos: Map<string, FakeRepo>;
  addFault(f: Fault): void;
  clearFaults(): void;
  /** Resolves when the next request (of that API, if given) arrives: wait on events, not on time. */
  nextRequest(api?: "graphql" | "rest"): Promise<LogEntry>;
  close(): Promise<void>;
}

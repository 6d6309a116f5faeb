import { epochToIso } from "./rate-state.js";

/** What went wrong with a request, after octokit's retries. */
export type Failure =
  /** The token was rejected: nothing else will work. */
  | { kind: "auth"; reason: string }
  /** The endpoint itself answers 404 (a wrong GITHUB_GRAPHQL_URL / GITHUB_API_URL): nothing will work. */
  | { kind: "endpoint"; reason: string }
  /** The primary budget is used up (GraphQL RATE_LIMITED, or 403/429 with remaining 0). */
  | { kind: "primary"; resetAt: string | null }
  /** Anything else: this request failed, the next one may work. */
  | { kind: "failed"; reason: string };

interface HttpishError {
  name?: string;
  status?: number;
  message?: string;
  response?: { status?: number; headers?: Record<string, string | undefined>; data?: unknown };
}

export function isRateLimitedBody(data: unknown): boolean {
  const errors = (data as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) && errors.some((e) => (e as { type?: unknown })?.type === "RATE_LIMITED")
  );
}

export function resetFromHeaders(headers: Record<string, string | undefined> | undefined) {
  const reset = Number.parseInt(headers?.["x-ratelimit-reset"] ?? "", 10);
  return Number.isNaN(reset) ? null : epochToIso(reset);
}

/** Sorts an error thrown by octokit (RequestError, the throttling plugin's, or ours). */
export function classify(error: unknown): Failure {
  const e = (error ?? {}) as HttpishError;
  const status = e.status ?? e.response?.status;
  const headers = e.response?.headers;
  const message = e.message ?? String(error);
  if (status === 401) {
    return { kind: "auth", reason: "GitHub rejected the token (401 Bad credentials)" };
  }
  // plugin-throttling throws "GraphQL Rate Limit Exceeded" for a 200 with RATE_LIMITED errors.
  if (isRateLimitedBody(e.response?.data) || message === "GraphQL Rate Limit Exceeded") {
    return { kind: "primary", resetAt: resetFromHeaders(headers) };
  }
  if ((status === 403 || status === 429) && /\bsecondary rate\b/i.test(message)) {
    return { kind: "failed", reason: `secondary rate limit (HTTP ${status}) after retries` };
  }
  if ((status === 403 || status === 429) && headers?.["x-ratelimit-remaining"] === "0") {
    return { kind: "primary", resetAt: resetFromHeaders(headers) };
  }
  if (e.response === undefined) {
    // A transport failure (timeout, reset, malformed body): octokit reports it as status 500.
    return { kind: "failed", reason: firstLine(message) };
  }
  return { kind: "failed", reason: `HTTP ${status ?? "error"}` };
}

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").slice(0, 200);
}

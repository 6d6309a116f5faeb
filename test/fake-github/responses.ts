/** HTTP replies and GitHub's error bodies, as api.github.com sends them. */
import { randomBytes } from "node:crypto";

export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** Absent for 304. */
  body?: string;
}

export const JSON_TYPE = "application/json; charset=utf-8";

const DOCS = "https://docs.github.com";
export const DOC = {
  getRepo: `${DOCS}/rest/repos/repos#get-a-repository`,
  latestRelease: `${DOCS}/rest/releases/releases#get-the-latest-release`,
  rest: `${DOCS}/rest`,
  restRateLimit: `${DOCS}/rest/overview/rate-limits-for-the-rest-api`,
  secondary: `${DOCS}/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
  redirects: `${DOCS}/rest/guides/best-practices-for-using-the-rest-api#follow-redirects`,
  graphql: `${DOCS}/graphql`,
  graphqlAuth: `${DOCS}/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql`,
} as const;

export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { "content-type": JSON_TYPE, ...headers },
    body: JSON.stringify(value),
  };
}

/** GitHub's request id header value (x-github-request-id), e.g. "C0DE:1F2E:3A4B5C:6D7E8F:65A1B2C3". */
export function requestId(): string {
  const hex = randomBytes(12).toString("hex").toUpperCase();
  return `${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 14)}:${hex.slice(14, 20)}:${hex.slice(16)}`;
}

export const notFound = (documentationUrl: string = DOC.rest): Reply =>
  jsonReply(404, { message: "Not Found", documentation_url: documentationUrl, status: "404" });

export const movedPermanently = (location: string): Reply =>
  jsonReply(
    301,
    { message: "Moved Permanently", url: location, documentation_url: DOC.redirects },
    { location },
  );

export const badCredentials = (): Reply =>
  jsonReply(401, { message: "Bad credentials", documentation_url: DOCS, status: "401" });

export const graphqlRequiresAuth = (): Reply =>
  jsonReply(401, {
    message: "This endpoint requires you to be authenticated.",
    documentation_url: DOC.graphqlAuth,
  });

/** REST primary limit exhausted (403, as the REST rate-limit doc describes). */
export function restRateLimited(authenticated: boolean, headers: Record<string, string>): Reply {
  const message = authenticated
    ? "API rate limit exceeded for user ID 1."
    : "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)";
  return jsonReply(403, { message, documentation_url: DOC.restRateLimit }, headers);
}

/** GraphQL primary limit exhausted: HTTP 200, `errors[].type == "RATE_LIMITED"`, no data. */
export function graphqlRateLimited(headers: Record<string, string>): Reply {
  return jsonReply(
    200,
    { errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for user ID 1." }] },
    headers,
  );
}

/** Secondary rate limit: 403 or 429 with `retry-after` (seconds). */
export function secondaryRateLimited(
  status: number,
  retryAfter: number,
  headers: Record<string, string>,
): Reply {
  const id = headers["x-github-request-id"] ?? requestId();
  const message = `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${id}.`;
  return jsonReply(
    status,
    { message, documentation_url: DOC.secondary },
    { ...headers, "retry-after": String(retryAfter) },
  );
}

/** A server-side failure. GraphQL timeouts (502/504) carry GitHub's "Something went wrong" body. */
export function serverError(status: number, graphql: boolean, message?: string): Reply {
  if (graphql && message === undefined) {
    const text = `Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include \`${requestId()}\` when reporting this issue.`;
    return jsonReply(status, { data: null, errors: [{ message: text }] });
  }
  const fallback = status >= 500 ? "Server Error" : "Error";
  return jsonReply(status, { message: message ?? fallback, documentation_url: DOC.rest });
}

/** 200 with a body that is not JSON: a truncated GraphQL/REST answer. */
export function malformed(): Reply {
  return {
    status: 200,
    headers: { "content-type": JSON_TYPE },
    body: '{"data":{"r0":{"name":"oops',
  };
}

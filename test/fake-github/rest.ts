/**
 * The REST routes: GET /repos/{owner}/{repo}[/releases/latest], /repositories/{id}[...],
 * /rate_limit, and the API root /. Every request costs 1 from the core budget except /rate_limit and 304s:
 * "Making a conditional request does not count against your primary rate limit if a 304
 * response is returned" (best practices for using the REST API).
 */
import { createHash } from "node:crypto";
import type { Budget } from "./ratelimit.js";
import {
  DOC,
  jsonReply,
  movedPermanently,
  notFound,
  type Reply,
  restRateLimited,
} from "./responses.js";
import { fullRepository, latestRelease, rateLimitOverview } from "./rest-json.js";
import { findById, findRepo } from "./store.js";
import type { FakeRepo } from "./types.js";

export interface RestEnv {
  /** The fake's API URL (GITHUB_API_URL). */
  base: string;
  repos: ReadonlyMap<string, FakeRepo>;
  /** The caller's core budget (per token, or the unauthenticated one). */
  core: Budget;
  graphql: Budget;
  authenticated: boolean;
}

export interface RestOutcome {
  reply: Reply;
  /** Repositories looked up (drives perRepoLatencyMs). */
  resolved: number;
  /** Whether the core budget was charged. */
  charged: boolean;
}

type Route = { reply: Reply; resolved: number };

/** A weak validator over the body: it changes whenever the served data changes. */
const etagOf = (body: string): string => `W/"${createHash("sha256").update(body).digest("hex")}"`;

function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || strip(t) === strip(etag));
}

function cacheHeaders(body: string, lastModified: string, authenticated: boolean) {
  return {
    etag: etagOf(body),
    "last-modified": new Date(lastModified).toUTCString(),
    "cache-control": `${authenticated ? "private" : "public"}, max-age=60, s-maxage=60`,
    vary: "Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding",
  };
}

function repoRoute(env: RestEnv, repo: FakeRepo, release: boolean): Route {
  if (!release) {
    const json = fullRepository(env.base, repo);
    const body = JSON.stringify(json);
    const headers = cacheHeaders(body, json.updated_at, env.authenticated);
    return { reply: jsonReply(200, json, headers), resolved: 1 };
  }
  const json = latestRelease(env.base, repo);
  if (!json) return { reply: notFound(DOC.latestRelease), resolved: 1 };
  const headers = cacheHeaders(JSON.stringify(json), json.published_at, env.authenticated);
  return { reply: jsonReply(200, json, headers), resolved: 1 };
}

function route(env: RestEnv, path: string): Route {
  // The API root (GitHub's "meta/root"): what tells a GitHub API from another server.
  if (path === "/") {
    const root = {
      current_user_url: `${env.base}/user`,
      rate_limit_url: `${env.base}/rate_limit`,
      repository_url: `${env.base}/repos/{owner}/{repo}`,
    };
    return { reply: jsonReply(200, root), resolved: 0 };
  }
  let m = path.match(/^\/repos\/([^/]+)\/([^/]+?)(\/releases\/latest)?\/?$/);
  if (m) {
    const [, owner = "", name = "", release] = m;
    const requested = `${decodeURIComponent(owner)}/${decodeURIComponent(name)}`;
    const found = findRepo(env.repos, requested);
    const doc = release ? DOC.latestRelease : DOC.getRepo;
    if (!found) return { reply: notFound(doc), resolved: 1 };
    if (found.moved) {
      const location = `${env.base}/repositories/${found.repo.id}${release ?? ""}`;
      return { reply: movedPermanently(location), resolved: 1 };
    }
    return repoRoute(env, found.repo, release !== undefined);
  }
  m = path.match(/^\/repositories\/(\d+)(\/releases\/latest)?\/?$/);
  if (m) {
    const repo = findById(env.repos, Number(m[1]));
    if (!repo) return { reply: notFound(DOC.getRepo), resolved: 1 };
    return repoRoute(env, repo, m[2] !== undefined);
  }
  return { reply: notFound(), resolved: 0 };
}

export function runRest(
  env: RestEnv,
  method: string,
  path: string,
  headers: { ifNoneMatch?: string | undefined },
): RestOutcome {
  const { core } = env;
  if (method !== "GET" && method !== "HEAD") {
    return { reply: withLimits(notFound(), core), resolved: 0, charged: false };
  }
  if (path === "/rate_limit" || path === "/rate_limit/") {
    const body = rateLimitOverview(core, env.graphql);
    return { reply: jsonReply(200, body, core.headers()), resolved: 0, charged: false };
  }
  if (core.remaining === 0) {
    const reply = restRateLimited(env.authenticated, core.headers(true));
    return { reply, resolved: 0, charged: false };
  }
  const { reply, resolved } = route(env, path);
  const etag = reply.headers.etag;
  if (reply.status === 200 && etag && ifNoneMatch(headers.ifNoneMatch, etag)) {
    const { "content-type": _type, ...kept } = reply.headers;
    return { reply: withLimits({ status: 304, headers: kept }, core), resolved, charged: false };
  }
  core.tryCharge(1);
  return { reply: withLimits(reply, core), resolved, charged: true };
}

function withLimits(reply: Reply, core: Budget): Reply {
  return {
    ...reply,
    headers: {
      ...reply.headers,
      ...core.headers(),
      "x-github-media-type": "github.v3; format=json",
    },
  };
}

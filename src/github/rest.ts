import type { LimitFunction } from "p-limit";
import { classify } from "./failure.js";
import { type LookupRun, okOrFailed, type Target } from "./lookup-run.js";
import { epochToIso } from "./rate-state.js";
import { type RepoInfo, repoInfo, sanitizeRepoInfo, spdx } from "./repo-info.js";

/** A cached answer: the ETag of `GET /repos/{owner}/{repo}` and the info it carried. */
export interface EtagEntry {
  etag: string;
  info: RepoInfo;
}

interface RestRepo {
  full_name: string;
  html_url: string;
  description: string | null;
  stargazers_count: number;
  forks_count: number;
  /** Open issues AND pull requests (REST counts both; GraphQL's issues(states: OPEN) only issues). */
  open_issues_count: number;
  license: { spdx_id: string | null } | null;
  language: string | null;
  topics?: string[];
  archived: boolean;
  pushed_at: string | null;
  created_at: string | null;
  /** `simple-user`: its avatar_url is required, held to the directory's rules anyway. */
  owner?: { avatar_url?: string | null } | null;
}

interface RestRelease {
  tag_name: string;
  published_at: string | null;
  html_url: string;
}

export function fromRest(repo: RestRepo, release: RestRelease | null): RepoInfo {
  return repoInfo({
    nameWithOwner: repo.full_name,
    url: repo.html_url,
    description: repo.description ?? null,
    stars: repo.stargazers_count,
    forks: repo.forks_count,
    openIssues: repo.open_issues_count,
    license: spdx(repo.license?.spdx_id),
    language: repo.language ?? null,
    topics: Array.isArray(repo.topics) ? repo.topics : [],
    archived: repo.archived,
    pushedAt: repo.pushed_at ?? null,
    createdAt: repo.created_at ?? null,
    latestRelease: release
      ? { tag: release.tag_name, publishedAt: release.published_at ?? null, url: release.html_url }
      : null,
    avatarUrl: repo.owner?.avatar_url ?? null,
  });
}

/**
 * Looks up every target with `GET /repos/{owner}/{repo}` (what works without
 * a token: 60 requests/hour). With a cached ETag the request is conditional:
 * "Making a conditional request does not count against your primary rate
 * limit if a 304 response is returned"
 * (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate).
 * A changed repository costs a second request for its latest release.
 * `etags` is read and updated in place.
 */
export async function lookupRest(
  targets: readonly Target[],
  run: LookupRun,
  etags: Map<string, EtagEntry>,
  limit: LimitFunction,
  onBudget?: () => void,
): Promise<void> {
  if (targets.length === 0) return;
  await startingBudget(run);
  const start = { remaining: run.state.remaining, resetAt: run.state.resetAt };
  onBudget?.();
  await Promise.all(targets.map((t) => limit(() => lookupOne(t, run, etags))));
  // What GitHub charged is best read from the budget itself: the count kept on the way
  // misses the 301s fetch follows for renamed repositories (they cost one request each).
  const { remaining, resetAt } = run.state;
  if (start.remaining !== null && remaining !== null && start.resetAt === resetAt) {
    run.state.points = Math.max(run.state.points, start.remaining - remaining);
  }
}

/**
 * GET /rate_limit: "does not count against your primary rate limit" (REST
 * rate-limit doc). A 404 there is either GitHub Enterprise Server with rate
 * limiting disabled or a URL that is not a GitHub API: the API root (GET /)
 * tells them apart, and in the second case the run stops before it marks
 * every repository missing.
 */
async function startingBudget(run: LookupRun): Promise<void> {
  try {
    const { data } = await run.octokit.request("GET /rate_limit");
    const core = data.resources.core;
    run.state.budget(core.remaining, epochToIso(core.reset));
  } catch (error) {
    // Not essential: the budget is also read from every response's headers.
    if (statusOf(error) !== 404) return;
    try {
      await run.octokit.request("GET /");
    } catch (root) {
      if (statusOf(root) !== 404) return;
      const reason = `${run.config.apiUrl} answered HTTP 404 to /rate_limit and to / : it is not a GitHub REST API; check GITHUB_API_URL`;
      run.halt({ kind: "endpoint", reason });
    }
  }
}

const statusOf = (error: unknown): number | undefined => (error as { status?: number })?.status;

async function lookupOne(t: Target, run: LookupRun, etags: Map<string, EtagEntry>) {
  await run.state.gate();
  const stopped = run.stopReason();
  if (stopped !== null) {
    run.skip([t], stopped);
    return;
  }
  const cached = etags.get(t.key);
  run.sending([t]);
  let repo: RestRepo;
  let etag: string | undefined;
  try {
    const response = await run.octokit.request("GET /repos/{owner}/{repo}", {
      owner: t.owner,
      repo: t.name,
      headers: cached ? { "if-none-match": cached.etag } : {},
    });
    run.state.points++;
    repo = response.data as unknown as RestRepo;
    etag = response.headers.etag;
    run.succeeded();
  } catch (error) {
    const status = statusOf(error);
    if (status === 304 && cached) {
      run.succeeded();
      run.record(t, { kind: "ok", info: cached.info });
      return;
    }
    if (status === 404) {
      run.state.points++;
      etags.delete(t.key);
      run.record(t, { kind: "missing" });
      return;
    }
    run.failure([t], classify(error));
    return;
  }
  const release = await latestRelease(t, repo, run);
  if (release === undefined) return;
  const result = okOrFailed(sanitizeRepoInfo(fromRest(repo, release)));
  if (result.kind === "ok" && etag) etags.set(t.key, { etag, info: result.info });
  else etags.delete(t.key);
  run.record(t, result);
}

/** The latest release, or null when there is none; undefined when the request failed (recorded). */
async function latestRelease(
  t: Target,
  repo: RestRepo,
  run: LookupRun,
): Promise<RestRelease | null | undefined> {
  try {
    // After a rename, ask under the current name (the old one answers 301 twice over).
    const [owner = t.owner, name = t.name] = String(repo.full_name).split("/");
    const response = await run.octokit.request("GET /repos/{owner}/{repo}/releases/latest", {
      owner,
      repo: name,
    });
    run.state.points++;
    return response.data as unknown as RestRelease;
  } catch (error) {
    if (statusOf(error) !== 404) {
      run.failure([t], classify(error));
      return undefined;
    }
    run.state.points++; // "releases/latest" 404s when there is no release
    return null;
  }
}

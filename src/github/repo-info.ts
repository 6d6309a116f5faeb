import type { GithubInfo, LatestRelease } from "../core/model.js";
import { readSchema } from "../core/schema.js";

/** What a lookup learns about a repository (the `github` block without the run's bookkeeping). */
export type RepoInfo = Omit<GithubInfo, "fetchedAt" | "checkedAt" | "status">;

/** GitHub's SPDX id for a licence it cannot identify; stored as null (see model.ts). */
const NOASSERTION = "NOASSERTION";

export function spdx(id: unknown): string | null {
  return typeof id === "string" && id !== "" && id !== NOASSERTION ? id : null;
}

/** Builds the info with a fixed key order, so the JSON written is stable. */
export function repoInfo(v: RepoInfo): RepoInfo {
  return {
    nameWithOwner: v.nameWithOwner,
    url: v.url,
    description: v.description,
    stars: v.stars,
    forks: v.forks,
    openIssues: v.openIssues,
    license: v.license,
    language: v.language,
    // Copied when it is a list; anything else is left for sanitizeRepoInfo to report.
    topics: Array.isArray(v.topics) ? [...v.topics] : v.topics,
    archived: v.archived,
    pushedAt: v.pushedAt,
    createdAt: v.createdAt,
    latestRelease: v.latestRelease && release(v.latestRelease),
  };
}

function release(r: LatestRelease): LatestRelease {
  if (typeof r !== "object") return r;
  return { tag: r.tag, publishedAt: r.publishedAt, url: r.url };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The length limits of the `github` block, read from schemas/directory.schema.json. */
interface Limits {
  nameWithOwner: number;
  url: number;
  description: number;
  license: number;
  language: number;
  topics: number;
  topic: number;
  tag: number;
  releaseUrl: number;
}

type Node = Record<string, unknown>;
let limitsCache: Limits | undefined;

function limits(): Limits {
  if (limitsCache) return limitsCache;
  const schema = readSchema("directory") as { $defs: Record<string, Node> };
  const defs = schema.$defs;
  const ref = (n: Node): Node => {
    const r = n.$ref;
    return typeof r === "string" ? (defs[r.replace("#/$defs/", "")] ?? n) : n;
  };
  /** maxLength of a node, following $ref and anyOf (Infinity when there is none). */
  const max = (node: unknown): number => {
    const n = ref((node ?? {}) as Node);
    if (typeof n.maxLength === "number") return n.maxLength;
    const found = ((n.anyOf ?? []) as Node[]).map(max).filter(Number.isFinite);
    return found.length > 0 ? Math.min(...found) : Number.POSITIVE_INFINITY;
  };
  const gh = (defs.github?.properties ?? {}) as Record<string, Node>;
  const topics = gh.topics ?? {};
  const releaseObject = ((gh.latestRelease?.anyOf ?? []) as Node[])[0] ?? {};
  const rel = (releaseObject.properties ?? {}) as Record<string, Node>;
  limitsCache = {
    nameWithOwner: max(gh.nameWithOwner),
    url: max(gh.url),
    description: max(gh.description),
    license: max(gh.license),
    language: max(gh.language),
    topics: typeof topics.maxItems === "number" ? topics.maxItems : Number.POSITIVE_INFINITY,
    topic: max(topics.items),
    tag: max(rel.tag),
    releaseUrl: max(rel.url),
  };
  return limitsCache;
}

/** What sanitizeRepoInfo did: the info to store (null: unusable) and each change, for the report. */
export interface Sanitized {
  info: RepoInfo | null;
  /** e.g. "latestRelease.url dropped (3000 characters; at most 2048)". */
  changes: string[];
  /** Why nothing can be stored (info is null). */
  problem?: string;
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isTime = (t: unknown): t is string | null =>
  t === null || (typeof t === "string" && ISO.test(t) && !Number.isNaN(Date.parse(t)));
const describe = (v: unknown): string =>
  typeof v === "string" ? `${v.length} characters` : v === null ? "null" : typeof v;

/**
 * Makes GitHub's answer fit schemas/directory.schema.json one field at a
 * time: a description too long is shortened; any other value that breaks the
 * contract (too long, wrong type, not https, not a date) is dropped (null, or
 * left out of a list) and reported. Only a value the entry cannot do without
 * (its name, counts, archived flag) makes the answer unusable: that repository
 * then keeps its last-known data as stale, and the run goes on.
 */
export function sanitizeRepoInfo(v: RepoInfo): Sanitized {
  const L = limits();
  const changes: string[] = [];
  const drop = (field: string, value: unknown, why: string) => {
    changes.push(`${field} dropped (${describe(value)}; ${why})`);
    return null;
  };
  const text = (field: string, value: unknown, max: number): string | null => {
    if (value === null) return null;
    if (typeof value !== "string") return drop(field, value, "expected text");
    return value.length <= max ? value : drop(field, value, `at most ${max}`);
  };
  const https = (field: string, value: unknown, max: number): string | null => {
    if (value === null) return null;
    if (typeof value !== "string" || !value.startsWith("https://")) {
      return drop(field, value, "expected an https URL");
    }
    return value.length <= max ? value : drop(field, value, `at most ${max}`);
  };
  const time = (field: string, value: unknown): string | null =>
    isTime(value) ? value : drop(field, value, "expected an ISO time");

  const bad: string[] = [];
  const name = v.nameWithOwner as unknown;
  if (
    typeof name !== "string" ||
    !/^[^/\s]+\/[^/\s]+$/.test(name) ||
    name.length > L.nameWithOwner
  ) {
    bad.push(`nameWithOwner (${describe(name)})`);
  }
  for (const k of ["stars", "forks", "openIssues"] as const) {
    if (!isCount(v[k])) bad.push(`${k} (${describe(v[k])})`);
  }
  if (typeof v.archived !== "boolean") bad.push(`archived (${describe(v.archived)})`);
  if (bad.length > 0) {
    const problem = `GitHub sent an unusable ${bad.join(", ")}`;
    return { info: null, changes: [], problem };
  }

  let description = v.description as unknown;
  if (typeof description === "string" && description.length > L.description) {
    changes.push(
      `description shortened (${description.length} characters; at most ${L.description})`,
    );
    description = `${description.slice(0, L.description - 1).trimEnd()}…`;
  } else description = text("description", description, L.description);

  return {
    info: repoInfo({
      nameWithOwner: v.nameWithOwner,
      url: https("url", v.url, L.url),
      description: description as string | null,
      stars: v.stars,
      forks: v.forks,
      openIssues: v.openIssues,
      license: text("license", v.license, L.license),
      language: text("language", v.language, L.language),
      topics: topics(v.topics, L, changes),
      archived: v.archived,
      pushedAt: time("pushedAt", v.pushedAt),
      createdAt: time("createdAt", v.createdAt),
      latestRelease: latest(v.latestRelease, L, https, time, drop),
    }),
    changes,
  };
}

function topics(value: unknown, L: Limits, changes: string[]): string[] {
  if (!Array.isArray(value)) {
    changes.push(`topics dropped (${describe(value)}; expected a list)`);
    return [];
  }
  const kept = value.filter((t): t is string => typeof t === "string" && t.length <= L.topic);
  if (kept.length < value.length) {
    changes.push(
      `${value.length - kept.length} topic(s) dropped (not text, or over ${L.topic} characters)`,
    );
  }
  if (kept.length > L.topics) {
    changes.push(`topics cut to ${L.topics} (of ${kept.length})`);
    return kept.slice(0, L.topics);
  }
  return kept;
}

function latest(
  value: unknown,
  L: Limits,
  https: (f: string, v: unknown, max: number) => string | null,
  time: (f: string, v: unknown) => string | null,
  drop: (f: string, v: unknown, why: string) => null,
): LatestRelease | null {
  if (value === null) return null;
  if (typeof value !== "object") return drop("latestRelease", value, "expected an object");
  const r = value as Record<string, unknown>;
  // The tag is what a release is known by: without it there is no release to show.
  if (typeof r.tag !== "string" || r.tag.length > L.tag) {
    return drop("latestRelease", r.tag, `its tag must be text of at most ${L.tag} characters`);
  }
  return {
    tag: r.tag,
    publishedAt: time("latestRelease.publishedAt", r.publishedAt),
    url: https("latestRelease.url", r.url, L.releaseUrl),
  };
}

/** Shared shapes of the link checker: what is checked, and what came out. */

/** Which field of an entry a link comes from. */
export type LinkField = "homepage" | "repo";

/** One link of the catalog, located at its value in projects.yaml. */
export interface LinkTarget {
  /** The URL requested (for `repo`, `https://github.com/<repo>`). */
  url: string;
  field: LinkField;
  /** The value as written (`owner/name` for repo, the URL for homepage). */
  value: string;
  project: string;
  file: string;
  line: number;
  column: number;
}

/** A host that refuses automated checks (data/link-check.yaml). */
export interface SkipRule {
  /** Matches this host name and its subdomains. */
  host: string;
  reason: string;
  /** Where the rule is written, for "unused rule" warnings. */
  file: string;
  line: number;
  column: number;
}

/** One step of a redirect chain. */
export interface Hop {
  url: string;
  status: number;
}

/**
 * What a link is, after at most one retry:
 * - ok: it answers (2xx, or a 206/416 to the ranged GET);
 * - dead: 404/410, or the host does not resolve, refuses, breaks TLS, or times out;
 * - unverified: the site answered something we cannot call dead (403 to bots, 429, 5xx,
 *   a redirect loop, an odd status); a human should look, the weekly job should not fail;
 * - skipped: its host (or a host it redirects to) is listed in the config;
 * - unchecked: a deadline ran out first (per URL, per host, --max-time): not known.
 */
export type LinkStatus = "ok" | "dead" | "unverified" | "skipped" | "unchecked";

export interface LinkResult {
  url: string;
  status: LinkStatus;
  /** Why (for dead/unverified), e.g. `404 Not Found` or `connection refused (ECONNREFUSED)`. */
  detail: string;
  /** The URL that gave the last answer (the start, or where redirects led). */
  finalUrl: string;
  /** Redirects followed, in order. */
  hops: Hop[];
  /** Where the leading permanent redirects (301/308) lead: the URL to write instead. */
  movedTo?: string;
  /** The config rule that skipped it. */
  skip?: SkipRule;
  /** True when there was no HTTP answer at all (DNS, connect, TLS, timeout). */
  network?: boolean;
  /** True when the site refused both HEAD and GET with 403. */
  refused?: boolean;
}

/**
 * The ETag cache (data/.etags.json) of the token-less REST refresh: per
 * repository, the ETag of its last `GET /repos/{owner}/{repo}` answer.
 * Committed with the directory, so the next run (another machine, a CI
 * runner) can ask "If-None-Match" and get a free 304 for every unchanged
 * repository. The data itself stays in directory.json: a 304 reuses the entry's
 * `github` block there, so the cache only holds the validators.
 */
export const ETAGS_FILE = ".etags.json";

/** Keys: lower-cased `owner/name` as curated. */
export type Etags = Map<string, string>;

/** Reads the cache leniently: it only saves requests, so a damaged one is ignored. */
export function parseEtags(text: string | undefined): Etags {
  const etags: Etags = new Map();
  if (text === undefined) return etags;
  try {
    const repos = (JSON.parse(text) as { etags?: unknown })?.etags;
    if (typeof repos === "object" && repos !== null) {
      for (const [key, etag] of Object.entries(repos)) {
        if (typeof etag === "string" && etag !== "") etags.set(key.toLowerCase(), etag);
      }
    }
  } catch {
    // A broken cache costs one full refresh, nothing more.
  }
  return etags;
}

/** Stable text: keys sorted, one per line. */
export function serializeEtags(etags: Etags): string {
  const keys = [...etags.keys()].sort();
  const lines = keys.map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(etags.get(k))}`);
  return `{
  "description": "ETags of GET /repos/{owner}/{repo}, so a refresh without a token asks If-None-Match and unchanged repositories cost nothing. Written by \`cooltech refresh\`; safe to delete.",
  "etags": {${lines.length ? `\n${lines.join(",\n")}\n  ` : ""}}
}
`;
}

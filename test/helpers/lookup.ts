/**
 * What the lookupRepos tests (enrich-lookup*.test.ts) share: the token the fake
 * GitHub accepts, lookup options aimed at a fake, counting outcomes, and a
 * progress hook that proves queries overlap.
 */
import assert from "node:assert/strict";
import type { LookupOptions, LookupResult } from "../../src/github/lookup.js";
import { type FakeGitHub, syntheticRepos } from "../fake-github/index.js";

export const TOKEN = "ghp_lookupTESTtoken_9f8e7d";

/** Options for lookupRepos against `server`, with a token, quick retries and `extra`. */
export const lookupOptions = (
  server: FakeGitHub,
  extra: Partial<LookupOptions> = {},
): LookupOptions => ({
  token: TOKEN,
  apiUrl: server.url,
  graphqlUrl: server.graphqlUrl,
  retryDelayMs: 1,
  // Generous: only the slow-fault test is meant to time out (and sets its own deadline).
  timeoutMs: 10_000,
  ...extra,
});

export const kinds = (results: Map<string, LookupResult>) => {
  const out: Record<string, number> = {};
  for (const r of results.values()) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
};

export const info = (r: LookupResult | undefined) => {
  assert.equal(r?.kind, "ok", JSON.stringify(r));
  return (r as Extract<LookupResult, { kind: "ok" }>).info;
};

/**
 * An onProgress that, once the first query is answered (it goes alone: it measures the cost),
 * makes the fake answer the next two queries only when both are in flight: proves that
 * queries overlap without depending on timing.
 */
export const overlapAfterFirst = (server: FakeGitHub) => {
  let armed = false;
  return () => {
    if (armed) return;
    armed = true;
    server.addFault({ kind: "together", gate: "overlap", count: 2, times: 2, api: "graphql" });
  };
};

/** 300 synthetic repositories (seed 3), served beside demoRepos(). */
export const SYNTH = syntheticRepos(300, 3);

export const synthNames = () => SYNTH.map((r) => `${r.owner}/${r.name}`);

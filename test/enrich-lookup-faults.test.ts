/**
 * lookupRepos (GraphQL) against every fault kind of the fake GitHub: 502s,
 * resets, slow answers past the deadline, secondary and primary rate limits,
 * malformed JSON; retried where that helps, else failed with a readable reason.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { type LookupOptions, lookupRepos } from "../src/github/lookup.js";
import { demoRepos, type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import { kinds, lookupOptions, SYNTH, synthNames, TOKEN } from "./helpers/lookup.js";

let gh: FakeGitHub;
const opts = (extra: Partial<LookupOptions> = {}) => lookupOptions(gh, extra);

describe("faults (GraphQL)", () => {
  const some = () => synthNames().slice(0, 150); // 2 batches: 100 (alone), then 50
  // Faults are state: a fresh server per test, so a request a previous test gave up
  // on can never reach this test's server late and use up its fault.
  beforeEach(async () => {
    gh = await startFakeGitHub({ repos: [...demoRepos(), ...SYNTH], token: TOKEN });
  });
  afterEach(() => gh.close());

  test("502 once: retried, all ok", async () => {
    gh.addFault({ kind: "status", status: 502, times: 1, api: "graphql" });
    const { results, stats } = await lookupRepos(some(), opts());
    assert.deepEqual(kinds(results), { ok: 150 });
    assert.equal(stats.requests, 3);
  });

  test("502 for good: that batch fails after 3 retries, the others succeed", async () => {
    const victim = some()[0] as string; // in the first batch: no cost measured, size kept
    gh.addFault({ kind: "status", status: 502, api: "graphql", repo: victim });
    const { results, stats } = await lookupRepos(some(), opts());
    assert.deepEqual(kinds(results), { ok: 50, failed: 100 });
    const failed = results.get(victim);
    assert.equal(failed?.kind, "failed");
    assert.match((failed as { reason: string }).reason, /502/);
    assert.equal(stats.requests, 4 + 1);
    assert.deepEqual(stats.batchSize, { initial: 100, final: 100, firstCost: null });
  });

  test("connection reset mid-response: retried", async () => {
    gh.addFault({ kind: "reset", times: 2, api: "graphql" });
    const { results } = await lookupRepos(some(), opts());
    assert.deepEqual(kinds(results), { ok: 150 });
  });

  test("reset every time: failed with a readable reason", async () => {
    gh.addFault({ kind: "reset", api: "graphql" });
    const { results } = await lookupRepos(["rook/rook"], opts());
    assert.deepEqual(results.get("rook/rook"), {
      kind: "failed",
      reason: "connection reset by GitHub",
    });
  });

  test("slow past the client deadline: retried, then fails if it stays slow", async () => {
    // "Slow" answers after a minute: past any deadline, however loaded the machine. The retry
    // must then succeed within the deadline: generous (a one-repository query takes a few ms
    // here), since a loaded machine answers late. Each deadline is waited out in full, so the
    // one that must run out is short.
    gh.addFault({ kind: "slow", ms: 60_000, times: 1, api: "graphql" });
    const first = await lookupRepos(["rook/rook"], opts({ timeoutMs: 2000 }));
    assert.equal(first.results.get("rook/rook")?.kind, "ok");
    gh.addFault({ kind: "slow", ms: 60_000, api: "graphql" });
    const second = await lookupRepos(["rook/rook"], opts({ timeoutMs: 250, retries: 1 }));
    assert.deepEqual(second.results.get("rook/rook"), {
      kind: "failed",
      reason: "timed out after 250 ms",
    });
  });

  test("secondary limit (403 retry-after): backs off, then succeeds", async () => {
    gh.addFault({ kind: "secondary", retryAfter: 2, times: 1, api: "graphql" });
    gh.addFault({ kind: "secondary", status: 429, times: 1, api: "graphql" });
    const { results, stats } = await lookupRepos(some(), opts({ retryDelayMs: 5 }));
    assert.deepEqual(kinds(results), { ok: 150 });
    assert.equal(stats.requests, 2 + 2);
    assert.equal(stats.rateLimited, false);
  });

  test("primary budget exhausted mid-run: what was fetched is kept, the rest fails, reset known", async () => {
    gh.addFault({ kind: "exhaust", api: "graphql", repo: some()[80] as string });
    const { results, stats } = await lookupRepos(some(), opts({ batchSize: 50, concurrency: 1 }));
    assert.deepEqual(kinds(results), { ok: 50, failed: 100 });
    assert.equal(stats.rateLimited, true);
    assert.match(stats.resetAt ?? "", /^\d{4}-\d{2}-\d{2}T/);
    const last = results.get(some()[149] as string) as { reason: string };
    assert.match(last.reason, /rate limit exhausted; it resets at \d{4}-/);
    assert.equal(gh.stats.graphqlRequests, 2, "no request after the exhaustion");
  });

  test("malformed JSON: retried; for good: failed", async () => {
    gh.addFault({ kind: "malformed", times: 1, api: "graphql" });
    assert.deepEqual(kinds((await lookupRepos(some(), opts())).results), { ok: 150 });
    gh.addFault({ kind: "malformed", api: "graphql" });
    const { results } = await lookupRepos(["rook/rook"], opts());
    assert.match((results.get("rook/rook") as { reason: string }).reason, /malformed JSON/);
  });
});

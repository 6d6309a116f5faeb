/** lookupRepos against the fake GitHub: outcomes, cost, concurrency and every fault kind. */
import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import { parse, validate } from "graphql";
import {
  type EtagEntry,
  LookupAuthError,
  type LookupOptions,
  type LookupResult,
  lookupRepos,
} from "../src/github/lookup.js";
import {
  demoRepos,
  type FakeGitHub,
  githubSchema,
  startFakeGitHub,
  syntheticRepos,
} from "./fake-github/index.js";

const TOKEN = "ghp_lookupTESTtoken_9f8e7d";
let gh: FakeGitHub;

const opts = (extra: Partial<LookupOptions> = {}): LookupOptions => ({
  token: TOKEN,
  apiUrl: gh.url,
  graphqlUrl: gh.graphqlUrl,
  retryDelayMs: 1,
  // Generous: only the slow-fault test is meant to time out (and sets its own deadline).
  timeoutMs: 10_000,
  ...extra,
});
const kinds = (results: Map<string, LookupResult>) => {
  const out: Record<string, number> = {};
  for (const r of results.values()) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
};
const info = (r: LookupResult | undefined) => {
  assert.equal(r?.kind, "ok", JSON.stringify(r));
  return (r as Extract<LookupResult, { kind: "ok" }>).info;
};
/**
 * An onProgress that, once the first query is answered (it goes alone: it measures the cost),
 * makes the fake answer the next two queries only when both are in flight: proves that
 * queries overlap without depending on timing.
 */
const overlapAfterFirst = (server: FakeGitHub) => {
  let armed = false;
  return () => {
    if (armed) return;
    armed = true;
    server.addFault({ kind: "together", gate: "overlap", count: 2, times: 2, api: "graphql" });
  };
};

const SYNTH = syntheticRepos(300, 3);

const synthNames = () => SYNTH.map((r) => `${r.owner}/${r.name}`);

before(async () => {
  gh = await startFakeGitHub({ repos: [...demoRepos(), ...SYNTH], token: TOKEN });
});
after(() => gh.close());
beforeEach(() => {
  gh.clearFaults();
  gh.resetStats();
  gh.resetRateLimits();
});

describe("GraphQL (with a token)", () => {
  test("ok, moved, missing and archived; keys exactly as given", async () => {
    const asked = [
      "kubernetes/kubernetes",
      "weaveworks/kured",
      "nobody/nothing",
      "SERVICEMESHINTERFACE/smi-spec",
    ];
    const { results, stats } = await lookupRepos(asked, opts());
    assert.deepEqual([...results.keys()], asked);
    const k8s = info(results.get("kubernetes/kubernetes"));
    assert.equal(k8s.stars, 118_000);
    assert.equal(k8s.license, "Apache-2.0");
    assert.deepEqual(k8s.latestRelease?.tag, "v1.34.2");
    assert.equal(info(results.get("weaveworks/kured")).nameWithOwner, "kubereboot/kured");
    assert.deepEqual(results.get("nobody/nothing"), { kind: "missing" });
    const smi = info(results.get("SERVICEMESHINTERFACE/smi-spec"));
    assert.equal(smi.archived, true);
    assert.equal(smi.nameWithOwner, "servicemeshinterface/smi-spec");
    assert.equal(stats.requests, 1);
    assert.equal(stats.points, 1);
    assert.equal(gh.stats.pointsUsed, 1);
    assert.equal(typeof stats.remaining, "number");
    assert.match(stats.resetAt ?? "", /^\d{4}-\d{2}-\d{2}T/);
  });

  test("batches: 316 repos at 100 per query = 4 queries, 1 point each, several in flight", async () => {
    const all = [...gh.repos.keys()];
    const { results, stats } = await lookupRepos(
      all,
      opts({ concurrency: 3, onProgress: overlapAfterFirst(gh) }),
    );
    assert.deepEqual(kinds(results), { ok: all.length });
    assert.equal(stats.requests, Math.ceil(all.length / 100));
    assert.deepEqual(stats.batchSize, { initial: 100, final: 100, firstCost: 1 });
    assert.equal(stats.points, stats.requests);
    assert.equal(gh.stats.pointsUsed, stats.points);
    assert.ok(
      gh.stats.maxConcurrency >= 2 && gh.stats.maxConcurrency <= 3,
      `${gh.stats.maxConcurrency}`,
    );
  });

  test("--batch-size and --concurrency are honoured", async () => {
    gh.addFault({ kind: "slow", ms: 20, api: "graphql" });
    const { stats } = await lookupRepos(
      synthNames().slice(0, 50),
      opts({ batchSize: 10, concurrency: 1 }),
    );
    assert.equal(stats.requests, 5);
    assert.equal(gh.stats.maxConcurrency, 1);
    assert.deepEqual(stats.batchSize, { initial: 10, final: 10, firstCost: 1 });
  });

  test("every query sent validates against GitHub's real schema", async () => {
    await lookupRepos(["rook/rook", "nobody/nothing"], opts());
    await lookupRepos(synthNames().slice(0, 80), opts());
    const queries = gh.stats.log.flatMap((e) => (e.query ? [e.query] : []));
    assert.equal(queries.length, 2);
    // Each text validated afresh (parsed here, not the fake's shape cache) against GitHub's
    // schema, read from @octokit/graphql-schema's schema.json once per process (schema.ts).
    for (const q of queries) assert.deepEqual(validate(githubSchema(), parse(q)).map(String), []);
  });

  test("a rejected token throws LookupAuthError without the token in it", async () => {
    await assert.rejects(
      lookupRepos(["rook/rook"], opts({ token: "ghp_wrongTOKENvalue" })),
      (e: Error) => e instanceof LookupAuthError && !e.message.includes("ghp_wrong"),
    );
  });
});

describe("what a batch costs is measured (2,000 repos)", () => {
  const REPOS = syntheticRepos(2_000, 11);
  const names = REPOS.map((r) => `${r.owner}/${r.name}`);
  // Both readings of GitHub's formula: pages only (the fake's default), or totalCount too.
  let cheap: FakeGitHub;
  let strict: FakeGitHub;
  before(async () => {
    [cheap, strict] = await Promise.all([
      startFakeGitHub({ repos: REPOS, token: TOKEN }),
      startFakeGitHub({ repos: REPOS, token: TOKEN, strictCost: true }),
    ]);
  });
  after(() => Promise.all([cheap.close(), strict.close()]));
  beforeEach(() => {
    for (const server of [cheap, strict]) {
      server.clearFaults();
      server.resetStats();
      server.resetRateLimits();
    }
  });
  const on = (server: FakeGitHub, extra: Partial<LookupOptions> = {}) =>
    opts({ apiUrl: server.url, graphqlUrl: server.graphqlUrl, ...extra });
  const aliasesPerQuery = (server: FakeGitHub) =>
    server.stats.log.map((e) => (e.query?.match(/\.\.\.repo\b/g) ?? []).length);

  test("pages only charged: batches of 100, ≤ ceil(2000/100) + 2 points, ≤ 30 requests", async () => {
    const { results, stats } = await lookupRepos(names, on(cheap));
    assert.deepEqual(kinds(results), { ok: 2_000 });
    assert.ok(stats.points <= Math.ceil(2_000 / 100) + 2, `${stats.points} points`);
    assert.ok(stats.requests <= 30, `${stats.requests} requests`);
    assert.equal(stats.requests, 20);
    assert.equal(cheap.stats.pointsUsed, stats.points);
    assert.deepEqual(stats.batchSize, { initial: 100, final: 100, firstCost: 1 });
    assert.ok(aliasesPerQuery(cheap).every((n) => n === 100));
  });

  test("totalCount charged too: the first query goes alone, costs 2, the rest shrink to 74", async () => {
    const spans: Array<{ start: number; end: number }> = [];
    const timed = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const span = { start: performance.now(), end: Number.POSITIVE_INFINITY };
      spans.push(span);
      try {
        return await fetch(input, init);
      } finally {
        span.end = performance.now();
      }
    };
    const { results, stats } = await lookupRepos(
      names,
      on(strict, { fetch: timed as typeof fetch, onProgress: overlapAfterFirst(strict) }),
    );
    assert.deepEqual(kinds(results), { ok: 2_000 });
    assert.deepEqual(stats.batchSize, { initial: 100, final: 74, firstCost: 2 });
    const optimum = Math.ceil(1_900 / 74) + 2; // the first 100 at 2 points, then 1 point per 74
    assert.ok(stats.points <= optimum, `${stats.points} points > ${optimum}`);
    assert.equal(strict.stats.pointsUsed, stats.points);
    assert.equal(stats.requests, 1 + Math.ceil(1_900 / 74));
    const [first, ...rest] = aliasesPerQuery(strict);
    assert.equal(first, 100);
    assert.ok(rest.every((n) => n <= 74));
    assert.equal(
      rest.reduce((a, b) => a + b, 0),
      1_900,
    );
    const [alone, ...bulk] = spans;
    assert.ok(alone && bulk.every((s) => s.start >= alone.end), "the first query went alone");
    assert.ok(strict.stats.maxConcurrency > 1, "the rest went several at a time");
    const texts = new Set(strict.stats.log.flatMap((e) => (e.query ? [e.query] : [])));
    assert.equal(texts.size, 3); // 100, 74, and the last 50
    for (const q of texts) assert.deepEqual(validate(githubSchema(), parse(q)).map(String), []);
  });

  test("--batch-size is the starting size: shrinks when it costs 2 points, never grows", async () => {
    const some = names.slice(0, 300);
    const at90 = await lookupRepos(some, on(strict, { batchSize: 90 }));
    assert.deepEqual(at90.stats.batchSize, { initial: 90, final: 74, firstCost: 2 });
    assert.equal(at90.stats.requests, 1 + Math.ceil(210 / 74));
    const at50 = await lookupRepos(some, on(strict, { batchSize: 50 }));
    assert.deepEqual(at50.stats.batchSize, { initial: 50, final: 50, firstCost: 1 });
    assert.equal(at50.stats.requests, 6);
    assert.deepEqual(kinds(at50.results), { ok: 300 });
  });
});

describe("faults (GraphQL)", () => {
  const some = () => synthNames().slice(0, 150); // 2 batches: 100 (alone), then 50
  // Faults are state: a fresh server per test, so a request a previous test gave up
  // on can never reach this test's server late and use up its fault.
  let shared: FakeGitHub;
  beforeEach(async () => {
    shared = gh;
    gh = await startFakeGitHub({ repos: [...demoRepos(), ...SYNTH], token: TOKEN });
  });
  afterEach(async () => {
    await gh.close();
    gh = shared;
  });

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

describe("REST (no token)", () => {
  const rest = (extra: Partial<LookupOptions> = {}) => {
    const { token: _t, ...o } = opts(extra);
    return o;
  };

  test("ok, moved (301), missing (404); the ETags make a second run free", async () => {
    const asked = ["rook/rook", "weaveworks/kured", "nobody/nothing", "kubernetes/cri-api"];
    const etags = new Map<string, EtagEntry>();
    const first = await lookupRepos(asked, rest({ etags }));
    assert.equal(info(first.results.get("weaveworks/kured")).nameWithOwner, "kubereboot/kured");
    assert.equal(info(first.results.get("rook/rook")).latestRelease?.tag, "v1.18.7");
    assert.equal(info(first.results.get("kubernetes/cri-api")).latestRelease, null);
    assert.deepEqual(first.results.get("nobody/nothing"), { kind: "missing" });
    assert.equal(etags.size, 3);
    assert.ok(gh.stats.log.every((e) => !e.authorization));
    gh.resetStats();
    const second = await lookupRepos(asked, rest({ etags }));
    assert.deepEqual(second.results, first.results);
    // The 304s are free; the 404 and the 301 of the renamed repo cost one each.
    assert.equal(gh.stats.restUsed, 2);
    assert.equal(second.stats.points, 2);
    const rook = gh.repos.get("rook/rook");
    assert.ok(rook);
    rook.stars += 5;
    const third = await lookupRepos(asked, rest({ etags }));
    assert.equal(
      info(third.results.get("rook/rook")).stars,
      info(first.results.get("rook/rook")).stars + 5,
    );
  });

  test("budget exhausted: the rest fails with the reset time", async () => {
    gh.addFault({ kind: "exhaust", api: "rest", path: "/repos/rook/rook" });
    const asked = ["kubernetes/kubernetes", "rook/rook", "google/gvisor"];
    const { results, stats } = await lookupRepos(asked, rest({ concurrency: 1 }));
    assert.equal(results.get("kubernetes/kubernetes")?.kind, "ok");
    assert.match(
      (results.get("google/gvisor") as { reason: string }).reason,
      /rate limit exhausted/,
    );
    assert.equal(stats.rateLimited, true);
  });
});

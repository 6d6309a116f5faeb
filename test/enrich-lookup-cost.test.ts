/**
 * What a lookupRepos batch costs, measured on 2,000 repositories against both
 * readings of GitHub's cost formula: pages only (the fake's default) and
 * totalCount too (strictCost): batch sizes, points, requests, and the first
 * query going alone.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { parse, validate } from "graphql";
import { type LookupOptions, lookupRepos } from "../src/github/lookup.js";
import {
  type FakeGitHub,
  githubSchema,
  startFakeGitHub,
  syntheticRepos,
} from "./fake-github/index.js";
import { kinds, lookupOptions, overlapAfterFirst, TOKEN } from "./helpers/lookup.js";

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
    lookupOptions(server, extra);
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

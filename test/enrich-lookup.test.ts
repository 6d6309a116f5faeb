/**
 * lookupRepos against the fake GitHub: outcomes, batching, concurrency and the
 * queries sent (GraphQL), and the REST path without a token. What a batch
 * costs: enrich-lookup-cost.test.ts; every fault kind: enrich-lookup-faults.test.ts.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { parse, validate } from "graphql";
import {
  type EtagEntry,
  LookupAuthError,
  type LookupOptions,
  lookupRepos,
} from "../src/github/lookup.js";
import { demoRepos, type FakeGitHub, githubSchema, startFakeGitHub } from "./fake-github/index.js";
import {
  info,
  kinds,
  lookupOptions,
  overlapAfterFirst,
  SYNTH,
  synthNames,
  TOKEN,
} from "./helpers/lookup.js";

let gh: FakeGitHub;
const opts = (extra: Partial<LookupOptions> = {}) => lookupOptions(gh, extra);

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

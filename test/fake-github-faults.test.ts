import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { demoRepos, type FakeGitHub, syntheticRepos } from "./fake-github/index.js";
import { AUTH, fakeGitHubSuite } from "./helpers/fake-github-suite.js";

const suite = fakeGitHubSuite(() => {});
const { fake, repoField } = suite;

describe("faults", () => {
  const q = `{ ${repoField("r", "rook/rook")} }`;
  // Faults are state: each test gets a fresh server, so a request a previous test
  // aborted (the slow one) cannot arrive late and use up this test's fault.
  let gh!: FakeGitHub;
  beforeEach(async () => {
    gh = await fake({ repos: [...demoRepos(), ...syntheticRepos(200, 7)] });
  });
  afterEach(() => gh.close());
  const gql = (query: string, variables?: object) => suite.gql(query, variables, gh);
  const rest = (path: string, init: RequestInit = {}) => suite.rest(path, init, gh);

  test("status: a GitHub-like 5xx, only for `times` matching requests", async () => {
    gh.addFault({ kind: "status", status: 502, times: 1, api: "graphql" });
    const first = await gql(q);
    assert.equal(first.status, 502);
    assert.match(first.body.errors[0].message, /^Something went wrong while executing your query/);
    assert.equal((await gql(q)).status, 200);
    gh.addFault({ kind: "status", status: 500, path: "/releases/latest" });
    assert.equal((await rest("/repos/rook/rook")).status, 200);
    const r = await rest("/repos/rook/rook/releases/latest");
    assert.equal(r.status, 500);
    assert.equal(r.body.message, "Server Error");
    assert.deepEqual(
      gh.stats.log.map((e) => e.fault),
      ["status", undefined, undefined, "status"],
    );
  });

  test("repo matcher: GraphQL queries mentioning owner/name (variables too), REST paths", async () => {
    gh.addFault({ kind: "status", status: 502, repo: "Rook/Rook" });
    assert.equal((await gql(`{ ${repoField("r", "cri-o/cri-o")} }`)).status, 200);
    const vq = 'query($o: String!) { repository(owner: $o, name: "rook") { name } }';
    assert.equal((await gql(vq, { o: "rook" })).status, 502);
    const search = (q: string) =>
      `{ search(query: "${q}", type: REPOSITORY, first: 1) { repositoryCount } }`;
    assert.equal((await gql(search("repo:rook/rookery"))).status, 200);
    assert.equal((await gql(search("repo:rook/rook"))).status, 502);
    assert.equal((await rest("/repos/rook/rook/releases/latest")).status, 502);
    assert.equal((await rest("/repos/rook/rookery")).status, 404);
  });

  test("reset: headers and part of the body arrive, then the connection drops", async () => {
    gh.addFault({ kind: "reset", times: 1 });
    const res = await fetch(`${gh.url}/repos/rook/rook`);
    assert.equal(res.status, 200);
    await assert.rejects(res.text());
    assert.equal((await rest("/repos/rook/rook")).status, 200);
  });

  test("slow: the answer comes after the client's timeout", async () => {
    gh.addFault({ kind: "slow", ms: 400, times: 1 });
    const signal = AbortSignal.timeout(50);
    await assert.rejects(fetch(gh.graphqlUrl, { method: "POST", signal }), {
      name: "TimeoutError",
    });
  });

  test("secondary: 403 (or 429) with retry-after and GitHub's message", async () => {
    gh.addFault({ kind: "secondary", retryAfter: 7, times: 1 });
    gh.addFault({ kind: "secondary", status: 429, times: 1 });
    const first = await gql(q);
    assert.equal(first.status, 403);
    assert.equal(first.headers.get("retry-after"), "7");
    assert.match(first.body.message, /^You have exceeded a secondary rate limit\. Please wait/);
    assert.match(first.body.documentation_url, /^https:\/\/docs\.github\.com\//);
    const second = await rest("/repos/rook/rook");
    assert.equal(second.status, 429);
    assert.equal(second.headers.get("retry-after"), "1");
  });

  test("exhaust: GraphQL 200 RATE_LIMITED, REST 403, both with remaining 0", async () => {
    gh.addFault({ kind: "exhaust", times: 2 });
    const g = await gql(q);
    assert.equal(g.status, 200);
    assert.equal(g.headers.get("x-ratelimit-remaining"), "0");
    assert.deepEqual(g.body, {
      errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for user ID 1." }],
    });
    const r = await rest("/repos/rook/rook", { headers: AUTH });
    assert.equal(r.status, 403);
    assert.equal(r.headers.get("x-ratelimit-remaining"), "0");
    assert.match(r.body.message, /^API rate limit exceeded/);
  });

  test("malformed: 200 with a body that is not JSON", async () => {
    gh.addFault({ kind: "malformed", times: 1 });
    const res = await fetch(`${gh.url}/repos/rook/rook`);
    assert.equal(res.status, 200);
    await assert.rejects(res.json(), SyntaxError);
  });
});

describe("server", () => {
  test("maxConcurrency counts requests in flight at once; latencyMs applies to each", async () => {
    const slow = await fake({ latencyMs: 100 });
    const started = performance.now();
    const paths = ["/repos/rook/rook", "/repos/cri-o/cri-o", "/rate_limit", "/nope"];
    await Promise.all(paths.map((p) => suite.rest(p, { headers: AUTH }, slow)));
    const elapsed = performance.now() - started;
    assert.equal(slow.stats.maxConcurrency, 4);
    // No upper bound (a loaded machine may be slow); maxConcurrency shows they ran at once.
    assert.ok(elapsed >= 95, `took ${elapsed} ms`);
    assert.equal(slow.stats.restRequests, 4);
    assert.equal(slow.stats.restUsed, 3);
  });

  test("perRepoLatencyMs is added per repository resolved", async () => {
    const slow = await fake({ perRepoLatencyMs: 40 });
    const aliases = ["rook/rook", "cri-o/cri-o", "o/x", "google/gvisor"].map((n, i) =>
      repoField(`r${i}`, n),
    );
    let started = performance.now();
    await suite.gql(`{ ${aliases.join(" ")} }`, undefined, slow);
    assert.ok(performance.now() - started >= 155);
    started = performance.now();
    await suite.rest("/repos/rook/rook", {}, slow);
    assert.ok(performance.now() - started >= 38);
  });

  test("syntheticRepos is deterministic; demoRepos covers the seed catalog", () => {
    assert.deepEqual(syntheticRepos(50, 3), syntheticRepos(50, 3));
    assert.notDeepEqual(syntheticRepos(50, 3), syntheticRepos(50, 4));
    const many = syntheticRepos(5000);
    assert.equal(new Set(many.map((r) => `${r.owner}/${r.name}`)).size, 5000);
    assert.equal(new Set(many.map((r) => r.id)).size, 5000);
    const demo = demoRepos();
    assert.equal(demo.length, 16);
    const kured = demo.find((r) => r.name === "kured");
    assert.deepEqual(kured?.formerNames, ["weaveworks/kured"]);
  });
});

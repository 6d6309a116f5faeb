import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { graphqlRequest, restRequest } from "./fake-github/client.js";
import {
  demoRepos,
  type FakeGitHub,
  type FakeRepo,
  startFakeGitHub,
  syntheticRepos,
} from "./fake-github/index.js";
import { restSchema } from "./fake-github/openapi.js";

const TOKEN = "rest-test-token";
const AUTH = { authorization: `token ${TOKEN}` };
const [base] = syntheticRepos(1, 99);
assert.ok(base);
const odd: FakeRepo = {
  ...base,
  id: 4242,
  owner: "odd",
  name: "one",
  description: null,
  homepageUrl: null,
  license: "NOASSERTION",
  language: null,
  topics: [],
  latestRelease: null,
};

let gh: FakeGitHub;
const rest = (path: string, init: RequestInit = {}, server = gh) => restRequest(server, path, init);

before(async () => {
  gh = await startFakeGitHub({ repos: [...demoRepos(), ...syntheticRepos(30), odd], token: TOKEN });
});
after(() => gh.close());
beforeEach(() => {
  gh.resetStats();
  gh.resetRateLimits();
  gh.clearFaults();
});

const errorsOf = (validate: ReturnType<typeof restSchema>, value: unknown): string =>
  validate(value) ? "" : JSON.stringify(validate.errors?.slice(0, 5));

test("GET /repos/{owner}/{repo} matches the OpenAPI full-repository schema", async () => {
  const fullRepository = restSchema("full-repository");
  const release = restSchema("release");
  for (const name of gh.repos.keys()) {
    const { status, body } = await rest(`/repos/${name}`, { headers: AUTH });
    assert.equal(status, 200);
    assert.equal(errorsOf(fullRepository, body), "", name);
    if (name === "rook/rook") {
      // the validator does bite: a wrong type and a missing required property are caught
      const { owner: _owner, ...noOwner } = body;
      assert.match(errorsOf(fullRepository, { ...body, stargazers_count: "1" }), /integer/);
      assert.match(errorsOf(fullRepository, noOwner), /owner/);
    }
    const latest = await rest(`/repos/${name}/releases/latest`, { headers: AUTH });
    if (latest.status === 200) assert.equal(errorsOf(release, latest.body), "", name);
  }
  const { body } = await rest("/repos/kubernetes/kubernetes");
  assert.equal(body.full_name, "kubernetes/kubernetes");
  assert.equal(body.stargazers_count, 118_000);
  assert.deepEqual(body.license.spdx_id, "Apache-2.0");
  assert.equal(body.url, `${gh.url}/repos/kubernetes/kubernetes`);
  const other = await rest("/repos/odd/one");
  assert.deepEqual([other.body.license.key, other.body.license.spdx_id], ["other", "NOASSERTION"]);
});

test("ETag: If-None-Match gives 304 without a body, free; the ETag changes with the data", async () => {
  const first = await rest("/repos/rook/rook", { headers: AUTH });
  const etag = first.headers.get("etag") ?? "";
  assert.match(etag, /^W\/"[0-9a-f]{64}"$/);
  const again = await rest("/repos/rook/rook", { headers: { ...AUTH, "if-none-match": etag } });
  assert.equal(again.status, 304);
  assert.equal(again.body, undefined);
  assert.equal(again.headers.get("x-ratelimit-used"), "1");
  assert.equal(gh.stats.restUsed, 1);
  const rook = gh.repos.get("rook/rook");
  assert.ok(rook);
  rook.stars += 1;
  const changed = await rest("/repos/rook/rook", { headers: { ...AUTH, "if-none-match": etag } });
  assert.equal(changed.status, 200);
  assert.notEqual(changed.headers.get("etag"), etag);
  assert.equal(gh.stats.restUsed, 2);
});

test("a renamed repo answers 301 to /repositories/{id}, which serves it", async () => {
  const res = await fetch(`${gh.url}/repos/weaveworks/kured`, { redirect: "manual" });
  const location = `${gh.url}/repositories/84524779`;
  assert.equal(res.status, 301);
  assert.equal(res.headers.get("location"), location);
  assert.deepEqual(await res.json(), {
    message: "Moved Permanently",
    url: location,
    documentation_url:
      "https://docs.github.com/rest/guides/best-practices-for-using-the-rest-api#follow-redirects",
  });
  const followed = await fetch(`${gh.url}/repos/weaveworks/kured`);
  assert.equal(followed.url, location);
  assert.equal(((await followed.json()) as { full_name: string }).full_name, "kubereboot/kured");
  const release = await rest("/repos/weaveworks/kured/releases/latest");
  assert.equal(release.body.tag_name, "1.20.0");
});

test("unknown repos, unknown routes and missing releases are GitHub's 404", async () => {
  const missing = await rest("/repos/o/x");
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.body, {
    message: "Not Found",
    documentation_url: "https://docs.github.com/rest/repos/repos#get-a-repository",
    status: "404",
  });
  const release = await rest("/repos/kubernetes/cri-api/releases/latest");
  assert.equal(release.status, 404);
  assert.equal(release.body.message, "Not Found");
  assert.equal((await rest("/users/octocat/hovercard")).status, 404);
  assert.equal((await rest("/repos/rook/rook", { method: "DELETE" })).status, 404);
});

test("the repos map is live: deleted repos vanish, renames resolve", async () => {
  const server = await startFakeGitHub({ repos: demoRepos() });
  try {
    server.repos.delete("rook/rook");
    assert.equal((await rest("/repos/rook/rook", {}, server)).status, 404);
    const cni = server.repos.get("containernetworking/cni");
    assert.ok(cni);
    cni.owner = "cni-dev";
    cni.formerNames = ["containernetworking/cni"];
    const q = '{ repository(owner: "containernetworking", name: "cni") { nameWithOwner } }';
    const { body } = await graphqlRequest(server, q);
    assert.equal(body.data.repository.nameWithOwner, "cni-dev/cni");
    assert.equal((await rest("/repos/CNI-dev/CNI", {}, server)).body.full_name, "cni-dev/cni");
  } finally {
    await server.close();
  }
});

test("budgets: 60/h without a token, 5,000/h with it, 403 when spent; /rate_limit is free", async () => {
  const anon = await rest("/repos/rook/rook");
  assert.equal(anon.headers.get("x-ratelimit-limit"), "60");
  assert.equal(anon.headers.get("x-ratelimit-resource"), "core");
  const authed = await rest("/repos/rook/rook", { headers: AUTH });
  assert.equal(authed.headers.get("x-ratelimit-limit"), "5000");
  assert.equal(
    (await rest("/repos/rook/rook", { headers: { authorization: "token bad" } })).status,
    401,
  );
  const overview = await rest("/rate_limit", { headers: AUTH });
  assert.equal(errorsOf(restSchema("rate-limit-overview"), overview.body), "");
  assert.equal(overview.body.resources.core.used, 1);
  assert.equal(overview.body.resources.graphql.limit, 5000);

  const small = await startFakeGitHub({ repos: demoRepos(), restLimit: 2 });
  try {
    await rest("/repos/rook/rook", {}, small);
    await rest("/repos/o/x", {}, small);
    const spent = await rest("/repos/rook/rook", {}, small);
    assert.equal(spent.status, 403);
    assert.equal(spent.headers.get("x-ratelimit-remaining"), "0");
    assert.match(spent.body.message, /^API rate limit exceeded for 127\.0\.0\.1\./);
    assert.equal(small.stats.restUsed, 2);
  } finally {
    await small.close();
  }
});

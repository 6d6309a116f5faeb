/**
 * `cooltech refresh` and what GitHub answers, through the real binary against
 * the fake GitHub: a value that breaks the directory's schema is dropped or
 * shortened for that field only; a repository that never existed shows as
 * missing; an endpoint that answers 404 to everything is a configuration
 * error, with nothing written.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { validateAgainst } from "../src/core/schema.js";
import { demoRepos, type FakeGitHub } from "./fake-github/index.js";
import { projectNamed } from "./helpers/refresh-cli.js";
import { refreshSuite, type TempData } from "./helpers/refresh-suite.js";

let gh: FakeGitHub;
let tmp: TempData;
const { refresh, directory } = refreshSuite((now) => ({ gh, tmp } = now));

const T1 = "2025-11-20T03:00:00.000Z";
const T2 = "2025-11-21T03:00:00.000Z";

const project = projectNamed;

describe("a value from GitHub that breaks the output contract", () => {
  const LONG_URL = `https://github.com/kubernetes/kubernetes/releases/tag/${"v".repeat(3_000)}`;

  for (const api of ["graphql", "rest"] as const) {
    test(`${api}: a 3,000-character release URL is dropped for that field only, exit 0`, async () => {
      const k8s = gh.repos.get("kubernetes/kubernetes");
      assert.ok(k8s?.latestRelease);
      k8s.latestRelease.url = LONG_URL;
      k8s.description = `${"Production-Grade ".repeat(400)}end`;
      const env = api === "rest" ? { GITHUB_TOKEN: undefined } : {};
      const run = await refresh([], { ...env, COOLTECH_NOW: T1 });
      assert.equal(run.code, 0, run.stderr);
      assert.match(
        run.stdout,
        /GitHub values that break the directory's schema \(dropped or shortened\):\n {2}Kubernetes \(kubernetes\/kubernetes\): description shortened \(6803 characters; at most 1000\); latestRelease\.url dropped \(3054 characters; at most 2048\)\n/,
      );
      const d = await directory();
      assert.deepEqual(validateAgainst("directory", d), []);
      const release = project(d, "Kubernetes").github?.latestRelease;
      assert.deepEqual(release, { tag: "v1.34.2", publishedAt: "2025-11-11T18:24:50Z", url: null });
      const description = project(d, "Kubernetes").github?.description ?? "";
      assert.equal(description.length, 1000);
      assert.ok(description.endsWith("…"));
      assert.equal(project(d, "Kubernetes").github?.stars, 118_000);
      assert.equal(d.projects.filter((p) => p.github?.status === "ok").length, 15);
      // The next run: GraphQL gets the odd values again and says so again; REST gets
      // a 304 for the unchanged repository and keeps the data already made to fit.
      const again = await refresh(["--json"], { ...env, COOLTECH_NOW: T2 });
      assert.equal(again.code, 0, again.stderr);
      const contract = JSON.parse(again.stdout).contract;
      if (api === "rest") assert.deepEqual(contract, []);
      else {
        assert.deepEqual(contract, [
          {
            name: "Kubernetes",
            repo: "kubernetes/kubernetes",
            changes: [
              "description shortened (6803 characters; at most 1000)",
              "latestRelease.url dropped (3054 characters; at most 2048)",
            ],
          },
        ]);
      }
      assert.deepEqual(project(await directory(), "Kubernetes").github?.latestRelease, release);
    });
  }

  test("an unusable star count fails that repository only: stale, last-known data kept", async () => {
    assert.equal((await refresh([], { COOLTECH_NOW: T1 })).code, 0);
    const rook = gh.repos.get("rook/rook");
    assert.ok(rook);
    rook.stars = -1;
    const run = await refresh([], { COOLTECH_NOW: T2 });
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stdout, /Rook \(rook\/rook\): GitHub sent an unusable stars \(number\)/);
    const d = await directory();
    assert.deepEqual(
      [project(d, "Rook").github?.status, project(d, "Rook").github?.stars],
      ["stale", 13_000],
    );
    // Falco was looked up and found unchanged: ok, its block as it was (the freshness contract).
    assert.equal(project(d, "Falco").github?.status, "ok");
    assert.equal(project(d, "Falco").github?.checkedAt, T1);
    assert.equal(d.refreshedAt, T2);
  });
});

describe("a repository GitHub says does not exist", () => {
  test("never fetched: a missing block, marked in DIRECTORY.md; found later: ok", async () => {
    gh.repos.delete("rook/rook");
    const run = await refresh([], { COOLTECH_NOW: T1 });
    assert.equal(run.code, 3, run.stderr);
    const rook = project(await directory(), "Rook");
    assert.equal(rook.github?.status, "missing");
    assert.equal(rook.github?.checkedAt, T1);
    assert.equal(rook.github?.fetchedAt, null);
    assert.equal(rook.github?.nameWithOwner, null);
    assert.equal(rook.github?.stars, null);
    assert.equal(rook.trend, null);
    const md = await readFile(join(tmp.data, "DIRECTORY.md"), "utf8");
    const line = md.split("\n").find((l) => l.startsWith("- [Rook]"));
    assert.match(line ?? "", /\*\(repository missing\)\*$/);
    assert.doesNotMatch(line ?? "", /★/);
    // Still missing: the block is kept and checked again; a failure keeps it as it is.
    gh.addFault({ kind: "status", status: 502, api: "graphql" });
    assert.equal((await refresh(["--only", "Rook"], { COOLTECH_NOW: T2 })).code, 3);
    assert.deepEqual(project(await directory(), "Rook").github, rook.github);
    gh.clearFaults();
    for (const r of demoRepos()) if (r.name === "rook") gh.repos.set("rook/rook", r);
    assert.equal((await refresh([], { COOLTECH_NOW: T2 })).code, 0);
    const found = project(await directory(), "Rook").github;
    assert.deepEqual([found?.status, found?.stars, found?.fetchedAt], ["ok", 13_000, T2]);
  });
});

describe("an API endpoint that answers 404 to everything", () => {
  test("a wrong GITHUB_GRAPHQL_URL: exit 2, a clear message, nothing written", async () => {
    const run = await refresh([], { GITHUB_GRAPHQL_URL: `${gh.url}/nope/graphql` });
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /error: http:\/\/127\.0\.0\.1:\d+\/nope\/graphql answered HTTP 404: it is not a GraphQL endpoint; check GITHUB_GRAPHQL_URL .*Nothing was written\./,
    );
    assert.equal(gh.stats.requests, 1, "stops at the first answer");
    await assert.rejects(readFile(join(tmp.data, "directory.json")));
  });

  test("a wrong GITHUB_API_URL without a token: exit 2, nothing written", async () => {
    const run = await refresh([], { GITHUB_TOKEN: undefined, GITHUB_API_URL: `${gh.url}/nope` });
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /\/nope answered HTTP 404 to \/rate_limit and to \/ : .*check GITHUB_API_URL/,
    );
    await assert.rejects(readFile(join(tmp.data, "directory.json")));
  });

  test("/rate_limit alone answering 404 (rate limiting disabled on a server) is fine", async () => {
    gh.addFault({ kind: "status", status: 404, path: "/rate_limit" });
    const run = await refresh([], { GITHUB_TOKEN: undefined, COOLTECH_NOW: T1 });
    assert.equal(run.code, 0, run.stderr);
    assert.equal((await directory()).projects.filter((p) => p.github?.status === "ok").length, 15);
  });
});

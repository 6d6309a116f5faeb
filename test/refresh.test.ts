/**
 * `cooltech refresh` end to end with a token (GraphQL): the real binary against
 * the fake GitHub, on a temp data dir. What a refresh costs, progress, exit
 * codes and --help: refresh-budget.test.ts.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { FakeGitHub } from "./fake-github/index.js";
import { fakeEnv, projectNamed, readJson, runCli, tempData } from "./helpers/refresh-cli.js";
import { refreshSuite, type TempData } from "./helpers/refresh-suite.js";

let gh: FakeGitHub;
let tmp: TempData;
const { refresh, directory } = refreshSuite((now) => ({ gh, tmp } = now));

const T1 = "2025-11-20T03:00:00.000Z";
const T2 = "2025-11-20T04:00:00.000Z";
const project = projectNamed;

describe("refresh with a token (GraphQL)", () => {
  test("clean refresh: every entry, one query, moved and archived reported, exit 0", async () => {
    const run = await refresh([], { COOLTECH_NOW: T1 });
    assert.equal(run.code, 0, run.stderr);
    const d = await directory();
    assert.equal(d.refreshedAt, T1);
    assert.equal(d.projects.length, 17);
    assert.equal(d.projects.filter((p) => p.github).length, 16);
    const kured = project(d, "kured");
    assert.equal(kured.repo, "weaveworks/kured");
    assert.equal(kured.github?.status, "moved");
    assert.equal(kured.github?.nameWithOwner, "kubereboot/kured");
    assert.equal(project(d, "Service Mesh Interface").github?.archived, true);
    assert.equal(project(d, "Zz Homepage Only").github, null);
    const k8s = project(d, "Kubernetes");
    assert.deepEqual(
      [k8s.github?.status, k8s.github?.stars, k8s.github?.fetchedAt],
      ["ok", 118_000, T1],
    );
    assert.deepEqual(k8s.trend, { stars7d: null, stars30d: null });
    assert.equal(gh.stats.graphqlRequests, 1);
    assert.equal(gh.stats.pointsUsed, 1);
    assert.match(run.stdout, /16 repositories via GraphQL .*: 15 ok, 1 moved, 0 missing, 0 stale/);
    assert.match(run.stdout, /kured: weaveworks\/kured → kubereboot\/kured/);
    assert.match(run.stdout, /1 HTTP request, 1 GraphQL point \(100 repositories per query\)/);
    assert.match(
      run.stdout,
      /Newly archived on GitHub \(read-only now\):\n {2}Service Mesh Interface \(servicemeshinterface\/smi-spec\)/,
    );
    const history = await readJson<{ repos: Record<string, unknown> }>(
      join(tmp.data, "history.json"),
    );
    assert.equal(Object.keys(history.repos).length, 16);
    assert.ok("kubereboot/kured" in history.repos);
  });

  test("--fix-moved rewrites only the repo value in projects.yaml, comments kept", async () => {
    const before = await readFile(join(tmp.data, "projects.yaml"), "utf8");
    const run = await refresh(["--fix-moved"]);
    assert.equal(run.code, 0, run.stderr);
    const after = await readFile(join(tmp.data, "projects.yaml"), "utf8");
    assert.equal(after, before.replace("repo: weaveworks/kured", "repo: kubereboot/kured"));
    assert.match(after, /# kured moved from weaveworks\/kured to its own organisation\./);
    const kured = project(await directory(), "kured");
    assert.deepEqual([kured.repo, kured.github?.status], ["kubereboot/kured", "ok"]);
    assert.match(run.stdout, /kubereboot\/kured \(fixed in data\/projects.yaml\)/);
    const check = await runCli(["validate", "--data", "data"], fakeEnv(gh), tmp.dir);
    assert.equal(check.code, 0, check.stdout);
  });

  test("a deleted repo is missing: its last-known data and fetchedAt are kept, exit 3", async () => {
    assert.equal((await refresh([], { COOLTECH_NOW: T1 })).code, 0);
    const before = project(await directory(), "Rook").github;
    gh.repos.delete("rook/rook");
    const run = await refresh([], { COOLTECH_NOW: T2 });
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stdout, /Rook \(rook\/rook\): last-known data from 2025-11-20T03:00:00.000Z/);
    const rook = project(await directory(), "Rook").github;
    assert.deepEqual(rook, { ...before, status: "missing", checkedAt: T2 });
  });

  test("two runs with nothing changed: identical bytes but for refreshedAt", async () => {
    assert.equal((await refresh([], { COOLTECH_NOW: T1 })).code, 0);
    const read = (f: string) => readFile(join(tmp.data, f), "utf8");
    const first = await read("directory.json");
    const markdown = await read("DIRECTORY.md");
    const history = await read("history.json");
    gh.resetStats();
    const run = await refresh(["--json"], { COOLTECH_NOW: "2025-11-21T03:00:00.000Z" });
    assert.equal(run.code, 0, run.stderr);
    const second = await read("directory.json");
    const changed = second.split("\n").filter((line, i) => line !== first.split("\n")[i]);
    assert.deepEqual(changed, ['  "refreshedAt": "2025-11-21T03:00:00.000Z",']);
    assert.equal(await read("DIRECTORY.md"), markdown);
    assert.equal(await read("history.json"), history, "no count changed: no point added");
    assert.deepEqual(JSON.parse(run.stdout).written, ["data/directory.json"]);
  });

  test("a changed entry gets new data and fetchedAt; the others stay byte-identical", async () => {
    assert.equal((await refresh([], { COOLTECH_NOW: T1 })).code, 0);
    const before = await directory();
    const k8s = gh.repos.get("kubernetes/kubernetes");
    assert.ok(k8s);
    k8s.stars += 5;
    k8s.openIssues += 3;
    assert.equal((await refresh([], { COOLTECH_NOW: T2 })).code, 0);
    const after = await directory();
    for (const p of after.projects) {
      const old = project(before, p.name);
      if (p.name !== "Kubernetes") {
        assert.deepEqual(p, old, p.name);
        continue;
      }
      assert.equal(p.github?.stars, (old.github?.stars ?? 0) + 5);
      assert.equal(p.github?.openIssues, (old.github?.openIssues ?? 0) + 3, "pass 2 re-read it");
      assert.equal(p.github?.fetchedAt, T2);
      assert.equal(p.github?.checkedAt, T2);
    }
  });

  test("star trends from the history: 7 days later the gain shows", async () => {
    assert.equal((await refresh([], { COOLTECH_NOW: "2025-11-13T03:00:00Z" })).code, 0);
    const k8s = gh.repos.get("kubernetes/kubernetes");
    assert.ok(k8s);
    k8s.stars += 420;
    const run = await refresh([], { COOLTECH_NOW: T1 });
    assert.equal(run.code, 0);
    const p = project(await directory(), "Kubernetes");
    assert.deepEqual(p.trend, { stars7d: 420, stars30d: null });
    assert.match(
      run.stdout,
      /Biggest star gains since the last refresh:\n {2}Kubernetes: \+420 \(118,420 stars\)/,
    );
  });

  test("--json prints the summary; GITHUB_STEP_SUMMARY gets Markdown appended", async () => {
    const summaryFile = join(tmp.dir, "step-summary.md");
    await writeFile(summaryFile, "earlier step\n");
    gh.repos.delete("rook/rook");
    const run = await refresh(["--json"], { GITHUB_STEP_SUMMARY: summaryFile, COOLTECH_NOW: T1 });
    assert.equal(run.code, 3);
    const s = JSON.parse(run.stdout);
    assert.deepEqual(s.counts, { ok: 14, moved: 1, missing: 1, stale: 0 });
    assert.deepEqual(s.moved, [
      { name: "kured", from: "weaveworks/kured", to: "kubereboot/kured", fixed: false },
    ]);
    assert.deepEqual(s.missing, [{ name: "Rook", repo: "rook/rook", fetchedAt: null }]);
    assert.deepEqual(s.archived, [
      { name: "Service Mesh Interface", repo: "servicemeshinterface/smi-spec" },
    ]);
    assert.equal(s.api, "graphql");
    assert.equal(s.usage.requests, 1);
    assert.equal(s.usage.points, 1);
    assert.deepEqual(s.written, [
      "data/directory.json",
      "data/DIRECTORY.md",
      "data/projects.editor.schema.json",
      "data/history.json",
    ]);
    const md = await readFile(summaryFile, "utf8");
    assert.match(md, /^earlier step\n## cooltech refresh\n/);
    assert.match(md, /\| 14 \| 1 \| 1 \| 0 \|/);
    assert.match(md, /\| kured \| `weaveworks\/kured` \| `kubereboot\/kured` \| no \|/);
    assert.match(md, /\| Rook \| `rook\/rook` \| missing \|/);
  });

  test("--only refreshes the named entries and leaves the others byte-identical", async () => {
    assert.equal((await refresh([], { COOLTECH_NOW: T1 })).code, 0);
    const before = await directory();
    gh.resetStats();
    const run = await refresh(["--only", "rook", "kubernetes/kubernetes"], { COOLTECH_NOW: T2 });
    assert.equal(run.code, 0, run.stderr);
    const after = await directory();
    for (const p of after.projects) {
      const old = project(before, p.name);
      assert.deepEqual(p, old, "unchanged on GitHub, so unchanged here too");
    }
    assert.match(run.stdout, /Refreshed 2 repositories/);
    // Known and unchanged, checked earlier the same day: pass 1 only, which asks no connection.
    const queries = gh.stats.log.filter((e) => e.path === "/graphql");
    assert.equal(queries.length, 1);
    assert.doesNotMatch(queries[0]?.query ?? "", /issues|repositoryTopics/);
    assert.equal(gh.stats.pointsUsed, 1);
  });

  test("--dry-run writes nothing", async () => {
    const run = await refresh(["--dry-run", "--fix-moved"]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Dry run: nothing written/);
    const files = await tempData();
    try {
      for (const f of ["projects.yaml", "categories.yaml"]) {
        assert.equal(
          await readFile(join(tmp.data, f), "utf8"),
          await readFile(join(files.data, f), "utf8"),
        );
      }
      await assert.rejects(readFile(join(tmp.data, "directory.json")));
    } finally {
      await files.cleanup();
    }
  });
});

/** `cooltech refresh` end to end: the real binary against the fake GitHub, on a temp data dir. */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import { runMain } from "../src/cli/main.js";
import type { Directory } from "../src/core/model.js";
import { compareProjects } from "../src/core/order.js";
import {
  demoRepos,
  type FakeGitHub,
  type FakeRepo,
  startFakeGitHub,
  syntheticRepos,
} from "./fake-github/index.js";
import {
  assertNoToken,
  fakeEnv,
  projectNamed,
  readJson,
  refreshIn,
  resetFake,
  runCli,
  TOKEN,
  tempData,
  withoutRunTimes,
} from "./helpers/refresh-cli.js";

let gh: FakeGitHub;
let tmp: Awaited<ReturnType<typeof tempData>>;

const T1 = "2025-11-20T03:00:00.000Z";
const T2 = "2025-11-20T04:00:00.000Z";

const refresh = (args: string[] = [], env: Record<string, string | undefined> = {}) =>
  refreshIn(gh, tmp.dir, args, env);
const directory = () => readJson<Directory>(join(tmp.data, "directory.json"));
const project = projectNamed;

before(async () => {
  gh = await startFakeGitHub({ repos: demoRepos(), token: TOKEN });
});
after(() => gh.close());
beforeEach(async () => {
  tmp = await tempData();
  resetFake(gh);
});
afterEach(() => tmp.cleanup());

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

/** A valid catalog of `repos`, one category, in canonical order. */
async function writeCatalog(data: string, repos: FakeRepo[]): Promise<void> {
  await mkdir(data, { recursive: true });
  const projects = repos
    .map((r) => ({ name: r.name, repo: `${r.owner}/${r.name}`, category: "synthetic" }))
    .sort(compareProjects);
  await writeFile(
    join(data, "projects.yaml"),
    projects
      .map((p) => `- name: ${p.name}\n  repo: ${p.repo}\n  category: ${p.category}\n`)
      .join(""),
  );
  await writeFile(
    join(data, "categories.yaml"),
    "- id: synthetic\n  name: Synthetic\n  description: Synthetic repositories.\n",
  );
}

describe("refresh measures what a batch costs", () => {
  test("GitHub charging totalCount too: 100, then 74 per query; the summary says so", async () => {
    const repos = syntheticRepos(200, 5);
    const strict = await startFakeGitHub({ repos, token: TOKEN, strictCost: true });
    try {
      await writeCatalog(join(tmp.dir, "big"), repos);
      const cli = (args: string[]) =>
        runCli(["refresh", "--data", "big", ...args], fakeEnv(strict), tmp.dir);
      const json = await cli(["--json", "--dry-run"]);
      assert.equal(json.code, 0, json.stderr);
      const s = JSON.parse(json.stdout);
      assert.equal(s.counts.ok, 200);
      assert.deepEqual(s.usage.batchSize, { initial: 100, final: 74, firstCost: 2 });
      // 100 at 2 points, then 74 + 26 at 1 point each.
      assert.deepEqual([s.usage.requests, s.usage.points], [3, 4]);
      assert.equal(strict.stats.pointsUsed, 4);
      const text = await cli(["--dry-run", "--batch-size", "90"]);
      assert.equal(text.code, 0, text.stderr);
      assert.match(
        text.stdout,
        /GraphQL points \(90 repositories per query, then 74: the first query cost 2 points\)/,
      );
    } finally {
      await strict.close();
    }
  });
});

describe("refresh without a token (REST)", () => {
  test("conditional requests: the second run's 304s cost nothing", async () => {
    const env = { GITHUB_TOKEN: undefined, COOLTECH_NOW: T1 };
    const first = await refresh([], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /No GITHUB_TOKEN or GH_TOKEN: using the REST API/);
    assert.match(first.stderr, /REST budget: 60 requests left/);
    assert.ok(gh.stats.log.every((e) => !e.authorization));
    const etags = await readJson<{ etags: Record<string, string> }>(join(tmp.data, ".etags.json"));
    assert.equal(Object.keys(etags.etags).length, 16);
    const d1 = await readFile(join(tmp.data, "directory.json"), "utf8");
    gh.resetStats();
    const second = await refresh([], { ...env, COOLTECH_NOW: T2 });
    assert.equal(second.code, 0);
    // 15 x 304 (free) + 1 x 301 for the renamed kured (charged, like on GitHub).
    assert.equal(gh.stats.restUsed, 1);
    assert.match(second.stdout, /1 REST request charged/);
    const d2 = await readFile(join(tmp.data, "directory.json"), "utf8");
    assert.equal(withoutRunTimes(d2), withoutRunTimes(d1));
  });
});

describe("refresh without a token, budget too small", () => {
  test("refreshes what the budget covers, says so, keeps the rest as stale (exit 3)", async () => {
    const small = await startFakeGitHub({ repos: demoRepos(), restLimit: 9 });
    try {
      const env = fakeEnv(small, { GITHUB_TOKEN: undefined, COOLTECH_NOW: T1 });
      const run = await runCli(["refresh", "--data", "data", "--concurrency", "1"], env, tmp.dir);
      assert.equal(run.code, 3, run.stderr);
      assert.match(
        run.stderr,
        /REST budget: 9 requests left, resets at .*; 16 repositories to check\. It may not cover them all/,
      );
      assert.match(run.stdout, /The rate limit ran out: .* It resets at \d{4}-.* Set GITHUB_TOKEN/);
      const d = await directory();
      assert.equal(d.projects.length, 17);
      const fetched = d.projects.filter(
        (p) => p.github?.status === "ok" || p.github?.status === "moved",
      );
      assert.ok(fetched.length >= 4 && fetched.length <= 5, `${fetched.length} fetched`);
    } finally {
      await small.close();
    }
  });
});

describe("progress", () => {
  test("on a TTY, stderr shows repos done, requests and points; never on a pipe", async () => {
    const out = { stdout: "", stderr: "" };
    const io = (tty: boolean) => ({
      stdout: { write: (c: string) => (out.stdout += c) },
      stderr: { write: (c: string) => (out.stderr += c), isTTY: tty },
      env: fakeEnv(gh),
      cwd: tmp.dir,
    });
    assert.equal(await runMain(["refresh", "--data", "data"], io(true)), 0);
    // The first line counts the repositories of the first answer (all 16), not 1.
    assert.ok(
      out.stderr.startsWith(
        "\r\u001b[2Krefresh: 16/16 repositories · 1 request · 1 point, 4,999 left",
      ),
      JSON.stringify(out.stderr),
    );
    out.stderr = "";
    assert.equal(await runMain(["refresh", "--data", "data"], io(false)), 0);
    assert.equal(out.stderr, "");
  });
});

describe("exit codes and errors", () => {
  test("2 for usage errors, with a hint", async () => {
    const bad = await refresh(["--batch-size", "0"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--batch-size must be a whole number from 1 to 100/);
    const unknown = await refresh(["--only", "Kubernets"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no entry named 'Kubernets' \(did you mean `Kubernetes`\?\)/);
    assert.equal(gh.stats.requests, 0);
  });

  test("1 for a file that cannot be parsed: nothing fetched, nothing written", async () => {
    // One invalid entry does not stop a refresh (refresh-degrade.test.ts); a syntax error does.
    const file = join(tmp.data, "projects.yaml");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("category: storage", "category: [storage"),
    );
    const run = await refresh();
    assert.equal(run.code, 1);
    assert.match(run.stdout, /projects\.yaml:\d+:\d+ error .+ \(yaml-syntax\)/);
    assert.equal(gh.stats.requests, 0);
    await assert.rejects(readFile(join(tmp.data, "directory.json")));
  });

  test("1 when the token is rejected, without printing it", async () => {
    const other = await startFakeGitHub({ repos: demoRepos(), token: "the-right-one" });
    try {
      const run = await runCli(["refresh", "--data", "data"], fakeEnv(other), tmp.dir);
      await assertNoToken(run, tmp.dir);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /GitHub rejected the token \(401 Bad credentials\)/);
      await assert.rejects(readFile(join(tmp.data, "directory.json")));
    } finally {
      await other.close();
    }
  });

  test("a bad GITHUB_API_URL is a usage error naming the variable", async () => {
    const run = await refresh([], { GITHUB_API_URL: "api.github.com" });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /GITHUB_API_URL is not a URL/);
  });
});

test("help documents options, environment and exit codes", async () => {
  const dir = await mkdtemp(join(tmpdir(), "cooltech-help-"));
  try {
    const run = await runCli(["refresh", "--help"], { PATH: process.env.PATH ?? "" }, dir);
    assert.equal(run.code, 0);
    for (const word of [
      "--only",
      "--batch-size",
      "--concurrency",
      "--dry-run",
      "--fix-moved",
      "--json",
    ]) {
      assert.ok(run.stdout.includes(word), word);
    }
    assert.match(run.stdout, /GITHUB_GRAPHQL_URL/);
    assert.match(
      run.stdout,
      /Exit codes: 0 every entry ok or moved; 3 some entries stale or missing/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/**
 * `cooltech refresh` degrades per entry, through the real binary against the
 * fake GitHub: an invalid entry, duplicates, shared homepages, an odd value
 * from GitHub and a repository that never existed never stop the run; every
 * other entry is refreshed and nothing is lost. A GitHub endpoint that
 * answers 404 to everything is a configuration error, with nothing written.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import type { Directory, DirectoryProject } from "../src/core/model.js";
import { validateAgainst } from "../src/core/schema.js";
import { demoRepos, type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import {
  assertNoToken,
  fakeEnv,
  readJson,
  runCli,
  TOKEN,
  tempData,
} from "./helpers/refresh-cli.js";

let gh: FakeGitHub;
let tmp: Awaited<ReturnType<typeof tempData>>;

const T1 = "2025-11-20T03:00:00.000Z";
const T2 = "2025-11-21T03:00:00.000Z";

async function refresh(args: string[] = [], env: Record<string, string | undefined> = {}) {
  const run = await runCli(["refresh", "--data", "data", ...args], fakeEnv(gh, env), tmp.dir);
  await assertNoToken(run, tmp.dir);
  return run;
}
const directory = () => readJson<Directory>(join(tmp.data, "directory.json"));
const project = (d: Directory, name: string) => {
  const p = d.projects.find((x) => x.name === name);
  assert.ok(p, `${name} is in the directory`);
  return p as DirectoryProject;
};
const projectsFile = () => join(tmp.data, "projects.yaml");
async function editProjects(edit: (text: string) => string): Promise<void> {
  const text = await readFile(projectsFile(), "utf8");
  const next = edit(text);
  assert.notEqual(next, text, "the edit changed the file");
  await writeFile(projectsFile(), next);
}
/** The line of `needle` in projects.yaml (1-based). */
async function lineOf(needle: string): Promise<number> {
  const lines = (await readFile(projectsFile(), "utf8")).split("\n");
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, needle);
  return i + 1;
}

before(async () => {
  gh = await startFakeGitHub({ repos: demoRepos(), token: TOKEN });
});
after(() => gh.close());
beforeEach(async () => {
  tmp = await tempData();
  gh.repos.clear();
  for (const r of demoRepos()) gh.repos.set(`${r.owner}/${r.name}`, r);
  gh.clearFaults();
  gh.resetStats();
  gh.resetRateLimits();
});
afterEach(() => tmp.cleanup());

describe("an invalid entry does not stop refresh", () => {
  test("every valid entry is refreshed; the invalid one keeps its record; a new one is listed; exit 5", async () => {
    assert.equal((await refresh([], { COOLTECH_NOW: T1 })).code, 0);
    const before = await directory();
    // A typo in an existing entry, and a new entry with an unknown category.
    await editProjects((t) =>
      t
        .replace("  repo: rook/rook\n", "  repo: rook/rook\n  stras: 5\n")
        .replace(
          "# Kept without a repository",
          "- name: Newcomer\n  repo: newcomer/newcomer\n  category: nowhere\n# Kept without a repository",
        ),
    );
    const stras = await lineOf("stras: 5");
    const run = await refresh(["--json"], { COOLTECH_NOW: T2 });
    assert.equal(run.code, 5, run.stderr);
    const after = await directory();
    assert.equal(after.refreshedAt, T2);
    // Nothing lost: the 17 entries are all there; the newcomer had no record to keep.
    assert.deepEqual(
      after.projects.map((p) => p.name),
      before.projects.map((p) => p.name),
    );
    assert.deepEqual(project(after, "Rook"), project(before, "Rook"), "last-known record kept");
    for (const p of after.projects) {
      if (p.name === "Rook" || p.github === null) continue;
      assert.equal(p.github.checkedAt, T2, `${p.name} refreshed`);
    }
    // Located problems on stderr, the JSON summary untouched on stdout.
    assert.match(run.stderr, new RegExp(`data/projects.yaml:${stras}:3 error unknown key "stras"`));
    assert.match(run.stderr, /data\/projects.yaml:\d+:13 error unknown category `nowhere`/);
    assert.match(run.stderr, /project Rook: last-known record kept;/);
    assert.match(run.stderr, /project Newcomer: left out \(no last-known record\);/);
    assert.match(run.stderr, /✖ \d+ errors, .* every valid entry was refreshed \(exit 5\)/);
    const summary = JSON.parse(run.stdout);
    assert.equal(summary.total, 15);
    assert.deepEqual(
      summary.invalid.map((i: { name: string; outcome: string }) => [i.name, i.outcome]),
      [
        ["Rook", "kept"],
        ["Newcomer", "left-out"],
      ],
    );
    const check = validateAgainst("directory", after);
    assert.deepEqual(check, []);
  });

  test("under GitHub Actions the problems are annotations and the step summary lists them", async () => {
    const stepSummary = join(tmp.dir, "summary.md");
    await editProjects((t) => t.replace("  repo: rook/rook\n", "  repo: rook/rook\n  stras: 5\n"));
    const stras = await lineOf("stras: 5");
    const run = await refresh([], {
      GITHUB_ACTIONS: "true",
      GITHUB_STEP_SUMMARY: stepSummary,
      COOLTECH_NOW: T1,
    });
    assert.equal(run.code, 5, run.stderr);
    assert.match(
      run.stderr,
      new RegExp(
        `^::error file=data/projects.yaml,line=${stras},col=3,title=schema::unknown key`,
        "m",
      ),
    );
    // Never fetched and invalid: left out, and said so.
    assert.equal(
      (await directory()).projects.some((p) => p.name === "Rook"),
      false,
    );
    const md = await readFile(stepSummary, "utf8");
    assert.match(md, /### Invalid in the curated data \(not refreshed\)/);
    assert.match(md, /\| Rook \| data\/projects.yaml:\d+ \| left out \| unknown key/);
  });

  test("two merged pull requests list one project twice: the earlier entry is kept and refreshed", async () => {
    await editProjects((t) =>
      t.replace(
        "- name: Falco\n",
        "- name: Falco\n  repo: falcosecurity/falco\n  category: security\n  description: The same project, added by a second pull request.\n- name: Falco\n",
      ),
    );
    const run = await refresh(["--json"], { COOLTECH_NOW: T1 });
    assert.equal(run.code, 5, run.stderr);
    const d = await directory();
    const falcos = d.projects.filter((p) => p.name === "Falco");
    assert.equal(falcos.length, 1);
    assert.equal(falcos[0]?.description, "The same project, added by a second pull request.");
    assert.equal(falcos[0]?.github?.status, "ok");
    assert.match(run.stderr, /error name "Falco" is already used at line 54/);
    assert.match(run.stderr, /project Falco: left out \(no last-known record\)/);
    assert.equal(d.projects.length, 17);
  });

  test("shared homepages are a warning: every entry refreshed, exit 0", async () => {
    // Products of one company share its site.
    await editProjects((t) =>
      t
        .replace("homepage: https://gvisor.dev/", "homepage: https://kubernetes.io/")
        .replace("homepage: https://longhorn.io/", "homepage: https://Kubernetes.io"),
    );
    const run = await refresh([], { COOLTECH_NOW: T1 });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stderr.match(/warning homepage "https:\/\/[kK]ubernetes.io\/?" is also used/g)?.length,
      2,
    );
    const d = await directory();
    assert.equal(d.projects.filter((p) => p.github?.status === "ok").length, 15);
    assert.equal(project(d, "gVisor").homepage, "https://kubernetes.io/");
  });

  test("a file that cannot be parsed still stops: exit 1, nothing fetched or written", async () => {
    await editProjects((t) => t.replace("category: storage", "category: [storage"));
    const run = await refresh();
    assert.equal(run.code, 1);
    assert.match(run.stdout, /data\/projects.yaml:\d+:\d+ error .+ \(yaml-syntax\)/);
    assert.match(run.stderr, /nothing fetched or written/);
    assert.equal(gh.stats.requests, 0);
    await assert.rejects(readFile(join(tmp.data, "directory.json")));
  });
});

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
    assert.equal(project(d, "Falco").github?.checkedAt, T2);
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

/**
 * `cooltech refresh` end to end, the rest of refresh.test.ts: what a batch
 * costs (measured, then the batch size adapted), REST without a token
 * (conditional requests, a budget too small), progress on a TTY, exit codes
 * and errors, and --help. Against the fake GitHub, on a temp data dir.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { writeCatalog } from "../bench/refresh-catalog.js";
import { runMain } from "../src/cli/main.js";
import {
  demoRepos,
  type FakeGitHub,
  startFakeGitHub,
  syntheticRepos,
} from "./fake-github/index.js";
import {
  assertNoToken,
  fakeEnv,
  readJson,
  runCli,
  TOKEN,
  withoutRunTimes,
} from "./helpers/refresh-cli.js";
import { refreshSuite, type TempData } from "./helpers/refresh-suite.js";

let gh: FakeGitHub;
let tmp: TempData;
const { refresh, directory } = refreshSuite((now) => ({ gh, tmp } = now));

const T1 = "2025-11-20T03:00:00.000Z";
const T2 = "2025-11-20T04:00:00.000Z";

describe("refresh measures what a batch costs", () => {
  test("GitHub charging totalCount too: 100, then 74 per query; the summary says so", async () => {
    const repos = syntheticRepos(200, 5);
    const strict = await startFakeGitHub({ repos, token: TOKEN, strictCost: true });
    try {
      await mkdir(join(tmp.dir, "big"));
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

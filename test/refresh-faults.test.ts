/**
 * `cooltech refresh` through every fault the fake GitHub can inject: whatever
 * the network does, every entry and its last-known data survive, and a run
 * killed mid-flight leaves the previous directory.json untouched.
 */
import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, before, beforeEach, describe, test } from "node:test";
import type { Directory, GithubInfo } from "../src/core/model.js";
import { dueForRecheck } from "../src/refresh/details.js";
import {
  demoRepos,
  type FakeGitHub,
  type FaultKind,
  startFakeGitHub,
} from "./fake-github/index.js";
import {
  assertNoToken,
  fakeEnv,
  readJson,
  runCli,
  startCli,
  TOKEN,
  tempData,
} from "./helpers/refresh-cli.js";

const T1 = "2025-11-20T03:00:00.000Z";
const T2 = "2025-11-21T03:00:00.000Z";

let gh: FakeGitHub;
let tmp: Awaited<ReturnType<typeof tempData>>;
/** directory.json after a clean run at T1: the "previous data" every case starts from. */
let baseline: string;

const dirFile = () => join(tmp.data, "directory.json");

async function refresh(args: string[], env: Record<string, string> = {}) {
  const run = await runCli(
    ["refresh", "--data", "data", "--json", ...args],
    fakeEnv(gh, { COOLTECH_NOW: T2, ...env }),
    tmp.dir,
  );
  await assertNoToken(run, tmp.dir);
  return run;
}

/** Every entry is still there, and none lost any last-known data. */
async function assertNothingLost(): Promise<Directory> {
  const before = JSON.parse(baseline) as Directory;
  const after = await readJson<Directory>(dirFile());
  assert.deepEqual(
    after.projects.map((p) => p.name),
    before.projects.map((p) => p.name),
  );
  for (const old of before.projects) {
    const now = after.projects.find((p) => p.name === old.name);
    if (!old.github) continue;
    assert.ok(now?.github, `${old.name} kept its github block`);
    if (now.github.status === "stale") {
      // Its data was last found as it is by the baseline's run (T1).
      assert.equal((now.github as GithubInfo).confirmedAt, before.refreshedAt, old.name);
      const { checkedAt: _a, status: _b, confirmedAt: _e, ...kept } = now.github as GithubInfo;
      const { checkedAt: _c, status: _d, ...was } = old.github;
      assert.deepEqual(kept, was, `${old.name}: last-known data and fetchedAt kept`);
      // T2: the attempt that failed; T1 kept: never sent (the run stopped before it).
      assert.ok([T1, T2].includes(now.github.checkedAt), now.github.checkedAt);
      assert.equal(now.github.fetchedAt, T1);
    }
  }
  return after;
}

const statuses = (d: Directory) => {
  const out: Record<string, number> = {};
  for (const p of d.projects) if (p.github) out[p.github.status] = (out[p.github.status] ?? 0) + 1;
  return out;
};

before(async () => {
  const seedServer = await startFakeGitHub({ repos: demoRepos(), token: TOKEN });
  const seed = await tempData();
  try {
    const run = await runCli(
      ["refresh", "--data", "data", "--fix-moved"],
      fakeEnv(seedServer, { COOLTECH_NOW: T1 }),
      seed.dir,
    );
    assert.equal(run.code, 0, run.stderr);
    baseline = await readFile(join(seed.data, "directory.json"), "utf8");
  } finally {
    await seed.cleanup();
    await seedServer.close();
  }
});
// A fresh fake GitHub per test: a request a previous test aborted can never reach
// this test's server late and use up its fault or change its counters.
beforeEach(async () => {
  gh = await startFakeGitHub({ repos: demoRepos(), token: TOKEN });
  tmp = await tempData();
  const yaml = join(tmp.data, "projects.yaml");
  await writeFile(
    yaml,
    (await readFile(yaml, "utf8")).replace("repo: weaveworks/kured", "repo: kubereboot/kured"),
  );
  await writeFile(dirFile(), baseline);
});
afterEach(async () => {
  await gh.close();
  await tmp.cleanup();
});

describe("a fault on every request: all stale, nothing lost, exit 3", () => {
  const cases: Array<[string, FaultKind, Record<string, string>?]> = [
    ["HTTP 502", { kind: "status", status: 502 }],
    ["connection reset mid-response", { kind: "reset" }],
    // A minute: past the deadline however loaded the machine (the server closes after the test).
    // Every attempt is slow, so a short deadline cannot end one that would have succeeded.
    ["slow past the client timeout", { kind: "slow", ms: 60_000 }, { COOLTECH_TIMEOUT_MS: "250" }],
    ["malformed JSON", { kind: "malformed" }],
  ];
  for (const [label, fault, env] of cases) {
    test(label, async () => {
      gh.addFault({ ...fault, api: "graphql" });
      const run = await refresh([], env);
      assert.equal(run.code, 3, run.stderr);
      const d = await assertNothingLost();
      assert.deepEqual(statuses(d), { stale: 16 });
      const summary = JSON.parse(run.stdout);
      assert.equal(summary.counts.stale, 16);
      assert.equal(gh.stats.graphqlRequests, 4, "one attempt and 3 retries");
    });
  }
});

describe("transient faults: retried, all ok, exit 0", () => {
  const cases: Array<[string, FaultKind]> = [
    ["HTTP 502 once", { kind: "status", status: 502 }],
    ["reset once", { kind: "reset" }],
    ["malformed once", { kind: "malformed" }],
    ["secondary rate limit (403, retry-after) then success", { kind: "secondary", retryAfter: 3 }],
  ];
  for (const [label, fault] of cases) {
    test(label, async () => {
      gh.addFault({ ...fault, api: "graphql", times: 1 });
      const run = await refresh(["--batch-size", "5"]);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(statuses(await assertNothingLost()), { ok: 16 });
      const queries = gh.stats.log.filter((e) => e.path === "/graphql");
      assert.equal(queries.filter((e) => e.fault !== undefined).length, 1, "one fault");
      assert.equal(queries.at(1)?.query, queries.at(0)?.query, "the failed query was retried");
    });
  }
});

test("primary budget exhausted mid-run: fetched kept, the rest stale, reset time said", async () => {
  // Every entry is known: pass 1 starts with a batch of 5, then one at a time, in canonical
  // order; the 2nd query hits the exhausted budget. Of the first 5, those due for their weekly re-check of
  // open issues and topics needed pass 2, which the exhausted budget stopped: stale too.
  gh.addFault({ kind: "exhaust", api: "graphql", repo: "vitessio/arewefastyet" });
  const run = await refresh(["--batch-size", "5", "--concurrency", "1"]);
  assert.equal(run.code, 3, run.stderr);
  const d = await assertNothingLost();
  const firstFive = (JSON.parse(baseline) as Directory).projects.filter((p) => p.repo).slice(0, 5);
  const due = firstFive.filter((p) =>
    dueForRecheck((p.repo as string).toLowerCase(), p.github as GithubInfo, T2.slice(0, 10)),
  );
  assert.deepEqual(statuses(d), { ok: 5 - due.length, stale: 11 + due.length });
  assert.equal(gh.stats.graphqlRequests, 2, "stopped after the exhaustion");
  const s = JSON.parse(run.stdout);
  assert.equal(s.usage.rateLimited, true);
  assert.match(s.usage.resetAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  assert.match(s.stale[0].reason, /rate limit exhausted; it resets at /);
  // The 2nd query's repositories were attempted (checkedAt T2); the rest were never sent (its
  // size depends on how fast the 1st answered): no attempt, so their checkedAt stays T1.
  const second = (gh.stats.log.filter((e) => e.path === "/graphql")[1]?.query ?? "").match(
    /r\d+: repository\(/g,
  )?.length;
  assert.ok(second !== undefined && second > 0);
  const checked = d.projects
    .filter((p) => p.github?.status === "stale")
    .map((p) => p.github?.checkedAt);
  assert.equal(checked.filter((c) => c === T2).length, second);
  assert.equal(checked.filter((c) => c === T1).length, 11 - second + due.length);
});

test("killed mid-run (SIGKILL while requests hang): directory.json byte-identical", async () => {
  gh.addFault({ kind: "slow", ms: 60_000, api: "graphql" });
  const arrived = gh.nextRequest("graphql");
  const { child, done } = startCli(
    ["refresh", "--data", "data"],
    fakeEnv(gh, { COOLTECH_NOW: T2, COOLTECH_TIMEOUT_MS: "120000" }),
    tmp.dir,
  );
  // Wait for the event, not for a time: however loaded the machine, the request arrives or the CLI ends.
  await Promise.race([
    arrived,
    done.then((r) => assert.fail(`the CLI ended before its request arrived: ${r.stderr}`)),
  ]);
  assert.equal(gh.stats.graphqlRequests, 1, "the request is hanging");
  child.kill("SIGKILL");
  const run = await done;
  assert.equal(run.signal, "SIGKILL");
  assert.equal(await readFile(dirFile(), "utf8"), baseline);
  const leftovers = (await readdir(tmp.data)).filter((f) => f.endsWith(".tmp"));
  assert.deepEqual(leftovers, []);
});

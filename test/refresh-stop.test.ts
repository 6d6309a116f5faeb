/**
 * One refresh at a time, a stop that keeps its progress, and what a kill
 * leaves behind, against the local fake GitHub. What is stopped or killed by a
 * signal is the real binary; the runs beside it (the one that waits for the
 * lock, the one --max-time stops) run in this process through runMain.
 * Times are printed, never asserted.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Directory } from "../src/core/model.js";
import { demoRepos, type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import {
  fakeEnv,
  readJson,
  runBinary,
  runCli,
  startCli,
  TOKEN,
  tempData,
} from "./helpers/refresh-cli.js";
import * as stop from "./helpers/refresh-stop.js";
import { halfInstall, startInProcess } from "./helpers/refresh-stop.js";

const T1 = "2025-11-20T03:00:00.000Z";
const T2 = "2025-11-21T03:00:00.000Z";
const T3 = "2025-11-22T03:00:00.000Z";

let gh: FakeGitHub;
let tmp: Awaited<ReturnType<typeof tempData>>;

const env = (now: string, extra: Record<string, string> = {}) =>
  fakeEnv(gh, { COOLTECH_NOW: now, ...extra });
const refresh = (args: string[], now: string, extra: Record<string, string> = {}) =>
  runCli(["refresh", "--data", "data", ...args], env(now, extra), tmp.dir);
const directory = () => readJson<Directory>(join(tmp.data, "directory.json"));
const requestsSeen = (n: number) => stop.requestsSeen(gh, n);
const setStars = (stars: number) => stop.setStars(gh, stars);
const leftovers = () => stop.leftovers(tmp.data);
const oneGeneration = (day: string) => stop.oneGeneration(tmp.data, day);

/** The fixture after a refresh on T1 with 100 stars everywhere: each test starts from a copy. */
let seed: Awaited<ReturnType<typeof tempData>>;
/** How long that refresh took, through the binary: a whole run here, from startup to exit. */
let span: number;

before(async () => {
  gh = await startFakeGitHub({ repos: demoRepos(), token: TOKEN });
  seed = await tempData();
  setStars(100);
  const t0 = Date.now();
  const r = await runBinary(["refresh", "--data", "data"], env(T1), seed.dir);
  span = Date.now() - t0;
  assert.equal(r.code, 0, r.stderr);
});
after(async () => {
  await seed.cleanup();
  await gh.close();
});
beforeEach(async () => {
  tmp = await tempData(seed.data);
  gh.clearFaults();
  gh.resetStats();
  gh.resetRateLimits();
  setStars(100);
});
afterEach(() => tmp.cleanup());

test("two refreshes at once: the second exits 6 with who holds the lock, or waits with --wait", async () => {
  // The first run hangs on its query until it is stopped.
  gh.addFault({ kind: "slow", ms: 60_000, api: "graphql", times: 1 });
  const first = startCli(
    ["refresh", "--data", "data"],
    env(T2, { COOLTECH_TIMEOUT_MS: "120000" }),
    tmp.dir,
  );
  await requestsSeen(1);
  assert.ok((await readdir(tmp.data)).includes(".cooltech.lock"), "the first run holds the lock");
  const second = await refresh(["--only", "kured"], T3);
  assert.equal(second.code, 6, second.stderr);
  assert.match(
    second.stderr,
    /data is in use by `cooltech refresh` \(pid \d+ on .+, since .+\)\. Wait for it to finish \(or use --wait SECONDS\)/,
  );
  const third = startInProcess(
    ["refresh", "--data", "data", "--only", "kured", "--wait", "300"],
    env(T3),
    tmp.dir,
  );
  const waiting = await third.stderrMatching(/waiting up to 300 s/);
  assert.match(waiting, /waiting up to 300 s for `cooltech refresh` \(pid \d+/);
  // Stopping the first run releases the lock once it has written; the third goes ahead.
  const stoppedAt = Date.now();
  first.child.kill("SIGTERM");
  assert.equal((await first.done).code, 3);
  const r = await third.done;
  process.stderr.write(
    `# --wait: the third run finished ${Date.now() - stoppedAt} ms after the first was stopped\n`,
  );
  assert.equal(r.code, 0, r.stderr);
  const d = await directory();
  for (const p of d.projects) {
    if (!p.github) continue;
    // The first run's update of every entry survives; the third changed kured only.
    assert.equal(p.github.checkedAt, p.name === "kured" ? T3 : T2, p.name);
  }
  assert.deepEqual(await leftovers(), []);
});

test("a lock left by a dead process is taken over", async () => {
  const dead = spawn("true");
  const pid = dead.pid;
  await new Promise((r) => dead.on("close", r));
  const lock = { pid, hostname: hostname(), startedAt: T1, command: "refresh" };
  await writeFile(join(tmp.data, ".cooltech.lock"), JSON.stringify(lock));
  const r = await refresh([], T2);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(await leftovers(), []);
});

for (const [how, args] of [
  ["SIGTERM", []],
  ["SIGINT", []],
  ["--max-time", ["--max-time", "2"]],
] as const) {
  test(`${how} mid-run: what was fetched is written, the rest stale, exit 3`, async () => {
    // Batches of 5 one at a time; the 2nd hangs.
    gh.addFault({ kind: "slow", ms: 60_000, api: "graphql", repo: "vitessio/arewefastyet" });
    // A signal stops the real binary; --max-time needs no process of its own: it runs here.
    const batches = ["--batch-size", "5", "--concurrency", "1"];
    const argv = ["refresh", "--data", "data", ...batches, "--json", ...args];
    const runEnv = env(T2, { COOLTECH_TIMEOUT_MS: "120000" });
    const run =
      how === "--max-time"
        ? startInProcess(argv, runEnv, tmp.dir)
        : startCli(argv, runEnv, tmp.dir);
    // A signal is sent once the second batch hangs; --max-time runs out on its own (on a
    // loaded machine possibly before the first batch is back: then nothing was fetched).
    if ("child" in run) await requestsSeen(2);
    const stopAt = Date.now();
    if ("child" in run && how !== "--max-time") run.child.kill(how);
    const r = await run.done;
    process.stderr.write(
      `# ${how}: exited ${Date.now() - stopAt} ms after ${how === "--max-time" ? "it started" : "the signal"}\n`,
    );
    assert.equal(r.code, 3, r.stderr);
    const summary = JSON.parse(r.stdout);
    const reason =
      how === "--max-time"
        ? /the run time limit \(2 s\) was reached/
        : new RegExp(`stopped by ${how}`);
    assert.match(summary.stopped, reason);
    const d = await directory();
    assert.equal(d.refreshedAt, T2);
    // Nothing changed on GitHub: what the first batch answered is complete (ok or moved,
    // byte-identical) unless it is its weekly re-check day (pass 2 never came); the rest stale.
    const fetched = d.projects.filter((p) => p.github && p.github.status !== "stale");
    const stale = d.projects.filter((p) => p.github?.status === "stale");
    assert.ok(fetched.length <= 5, `${fetched.length} entries fetched: at most the first batch`);
    if (how !== "--max-time") assert.ok(fetched.length > 0, "the first batch was kept");
    assert.equal(stale.length, 16 - fetched.length);
    // A stale entry was attempted in this run (checkedAt T2: the first batch's and the hanging
    // query's) or never sent (T1 kept): how many the 2nd query took depends on how fast the 1st
    // answered, so it is read from the fake's log (the hanging query has no answer yet).
    assert.ok(stale.every((p) => [T1, T2].includes(p.github?.checkedAt ?? "")));
    const hanging = gh.stats.log
      .filter((e) => e.path === "/graphql" && e.status === 0)
      .reduce((n, e) => n + (e.query?.match(/r\d+: repository\(/g)?.length ?? 0), 0);
    const neverSent = stale.filter((p) => p.github?.checkedAt === T1).length;
    // --max-time may end a query still on its way to the fake (not in its log yet).
    if (how === "--max-time") assert.ok(neverSent <= 16 - hanging, `${neverSent}, ${hanging}`);
    else assert.equal(neverSent, 16 - 5 - hanging, "all but the first batch and the hanging query");
    assert.equal(summary.counts.stale, stale.length);
    assert.ok(summary.stale.every((s: { reason: string }) => reason.test(s.reason)));
    assert.deepEqual(await oneGeneration("2025-11-21"), [100]);
    assert.deepEqual(await leftovers(), []);
  });
}

test("SIGKILL at random moments, then a normal run: no leftovers, one generation", async () => {
  // The kills land anywhere in a whole run (startup to exit, `span`, measured in before()):
  // kill i at a random moment of the i-th of `days.length` equal slices of 1.1 runs.
  process.stderr.write(`# one run: ${span} ms; killing at random moments within it\n`);
  const days = Array.from({ length: 3 }, (_, i) => `2025-11-${String(21 + i).padStart(2, "0")}`);
  const slice = (span * 1.1) / days.length;
  for (const [i, day] of days.entries()) {
    setStars(300 + i);
    const run = startCli(["refresh", "--data", "data"], env(`${day}T03:00:00.000Z`), tmp.dir);
    await sleep(Math.floor((i + Math.random()) * slice));
    run.child.kill("SIGKILL");
    await run.done;
    const next = `${day}T15:00:00.000Z`;
    setStars(600 + i);
    const r = await refresh(["--json"], next);
    assert.equal(r.code, 0, r.stderr);
    const repaired = JSON.parse(r.stdout).repaired;
    if (repaired.completed.length + repaired.removed.length > 0) {
      process.stderr.write(`# kill ${i}: repaired ${JSON.stringify(repaired)}\n`);
    }
    assert.deepEqual(await leftovers(), []);
    assert.deepEqual(await oneGeneration(day), [600 + i]);
  }
});

test("a commit cut between its renames is finished by the next run (mixed generation repaired)", async () => {
  // A generation of T2, made by a real run in a copy, then half-installed here by hand as
  // a kill between renames would leave it: new directory.json, old DIRECTORY.md and history.
  const other = await tempData();
  try {
    for (const f of ["directory.json", "history.json"]) {
      await writeFile(join(other.data, f), await readFile(join(tmp.data, f)));
    }
    setStars(200);
    assert.equal((await runCli(["refresh", "--data", "data"], env(T2), other.dir)).code, 0);
    await halfInstall(other.data, tmp.data);
    // directory.json says 200 stars, DIRECTORY.md and history.json still 100.
    await assert.rejects(oneGeneration("2025-11-21"), /in DIRECTORY\.md/);
    const r = await runCli(["build", "--data", "data"], env(T3), tmp.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(await oneGeneration("2025-11-21"), [200]);
    for (const f of ["directory.json", "DIRECTORY.md", "history.json"]) {
      assert.equal(
        await readFile(join(tmp.data, f), "utf8"),
        await readFile(join(other.data, f), "utf8"),
        f,
      );
    }
    assert.deepEqual(await leftovers(), []);
  } finally {
    await other.cleanup();
  }
});

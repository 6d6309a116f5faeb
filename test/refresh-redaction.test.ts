/**
 * Token redaction hides secrets, not words: a token too short to be a
 * secret (GITHUB_TOKEN=x) leaves the output alone; a real-looking one never
 * appears in it.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { demoRepos, type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import { assertNoToken, fakeEnv, runCli, TOKEN, tempData } from "./helpers/refresh-cli.js";

let short: FakeGitHub;
let long: FakeGitHub;
before(async () => {
  short = await startFakeGitHub({ repos: demoRepos(), token: "x" });
  long = await startFakeGitHub({ repos: demoRepos(), token: TOKEN });
});
after(async () => {
  await short.close();
  await long.close();
});

test("GITHUB_TOKEN=x: the --json summary keeps its words (`fixed`, not `fi***ed`)", async () => {
  const tmp = await tempData();
  try {
    const env = fakeEnv(short, { GITHUB_TOKEN: "x" });
    const run = await runCli(["refresh", "--data", "data", "--json"], env, tmp.dir);
    assert.notEqual(run.code, 70, run.stderr);
    assert.doesNotMatch(run.stdout + run.stderr, /\*\*\*/);
    const summary = JSON.parse(run.stdout) as { moved: Array<Record<string, unknown>> };
    assert.ok(summary.moved.length > 0, "the demo data has a moved repository");
    for (const m of summary.moved) assert.equal(typeof m.fixed, "boolean");
  } finally {
    await tmp.cleanup();
  }
});

test("a real-looking token never reaches the output or the files", async () => {
  const tmp = await tempData();
  try {
    const run = await runCli(["refresh", "--data", "data", "--json"], fakeEnv(long), tmp.dir);
    assert.notEqual(run.code, 70, run.stderr);
    await assertNoToken(run, tmp.dir);
  } finally {
    await tmp.cleanup();
  }
});

/**
 * The change feed end to end: `cooltech refresh` against the fake GitHub on
 * three simulated days (a first run adds nothing, a day of changes is listed
 * in changes.json and the summaries, escaped; a quiet day adds nothing), and
 * `cooltech build` appending a curated removal or stopping on a corrupt feed.
 */
import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { ChangeEvent } from "../src/generate/changes.js";
import { demoRepos, type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import { DAY1, DAY2, DAY3, HOSTILE_NAME, HOSTILE_TAG, simulateDay } from "./helpers/changes-day.js";
import { fakeEnv, readJson, runCli, TOKEN, tempData } from "./helpers/refresh-cli.js";

describe("refresh and build append a simulated day", () => {
  let gh: FakeGitHub;
  let tmp: Awaited<ReturnType<typeof tempData>>;
  before(async () => {
    gh = await startFakeGitHub({ repos: demoRepos(), token: TOKEN });
    tmp = await tempData();
  });
  after(async () => {
    await gh.close();
    await tmp.cleanup();
  });
  const refresh = (now: string, extra: Record<string, string> = {}) =>
    runCli(
      ["refresh", "--data", "data", "--json"],
      fakeEnv(gh, { COOLTECH_NOW: now, ...extra }),
      tmp.dir,
    );
  const feed = () => join(tmp.data, "changes.json");

  test("day 1 (first refresh) adds nothing; day 2 lists the changes; day 3 changes nothing", async () => {
    const day1 = await refresh(DAY1);
    assert.equal(day1.code, 0, day1.stderr);
    await assert.rejects(readFile(feed()), { code: "ENOENT" });
    await simulateDay(gh, tmp.data);
    const stepSummary = join(tmp.dir, "summary.md");
    await writeFile(stepSummary, "");
    const day2 = await refresh(DAY2, { GITHUB_STEP_SUMMARY: stepSummary });
    assert.equal(day2.code, 0, day2.stderr);
    const { events } = await readJson<{ events: ChangeEvent[] }>(feed());
    const seen = events.map((e) => `${e.type} ${e.name}`).sort();
    assert.deepEqual(seen, [
      `added ${HOSTILE_NAME}`,
      "archived Rook",
      "release Falco",
      "removed Longhorn",
      "stars Container Runtime Interface",
    ]);
    assert.ok(events.every((e) => e.at === DAY2));
    assert.equal(events.find((e) => e.type === "release")?.tag, HOSTILE_TAG);
    const summary = JSON.parse(day2.stdout) as { changes: ChangeEvent[] };
    assert.deepEqual(summary.changes, events, "the summary lists the same changes");
    const md = await readFile(stepSummary, "utf8");
    assert.match(md, /### Changes/);
    assert.match(md, /Rook \(rook\/rook\) archived/);
    assert.doesNotMatch(
      md,
      /(?<!\\)<(img|script)/,
      "hostile strings are escaped in the step summary",
    );
    const bytes = await readFile(feed(), "utf8");
    const day3 = await refresh(DAY3);
    assert.equal(day3.code, 0, day3.stderr);
    assert.equal(await readFile(feed(), "utf8"), bytes, "a run that changed nothing adds nothing");
    assert.deepEqual((JSON.parse(day3.stdout) as { changes: unknown[] }).changes, []);
  });

  test("build appends a curated removal at COOLTECH_NOW; a corrupt feed stops it, located", async () => {
    const file = join(tmp.data, "projects.yaml");
    const yaml = await readFile(file, "utf8");
    await writeFile(file, yaml.replace(/- name: Rook\n(?: {2}.*\n)+/, ""));
    const env = fakeEnv(gh, { COOLTECH_NOW: "2026-03-04T00:00:00.000Z" });
    const run = await runCli(["build", "--data", "data"], env, tmp.dir);
    assert.equal(run.code, 0, run.stderr);
    const { events } = await readJson<{ events: ChangeEvent[] }>(feed());
    assert.deepEqual(events[0] && [events[0].type, events[0].name, events[0].at], [
      "removed",
      "Rook",
      "2026-03-04T00:00:00.000Z",
    ]);
    assert.match(run.stderr, /changes\.json written \(1 new change\)/);
    await writeFile(file, yaml);
    await writeFile(feed(), "{ not json");
    const bad = await runCli(["build", "--data", "data"], env, tmp.dir);
    assert.equal(bad.code, 1, bad.stderr);
    assert.match(
      bad.stderr,
      /data\/changes\.json is not a change feed: not JSON.*delete it to start a new feed/,
    );
    assert.doesNotMatch(bad.stderr, /\n\s+at /, "no stack trace");
    await rm(feed());
  });
});

/**
 * confirmedAt: how old a stale entry's data is. Set to the previous run's
 * refreshedAt when the entry turns stale (its data was found as it is then),
 * kept while it stays stale, dropped once it is ok, moved or missing again;
 * never on any other status (the schema refuses it).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Directory, GithubInfo } from "../src/core/model.js";
import { validateAgainst } from "../src/core/schema.js";
import { confirmedAtOf, mergeResult } from "../src/refresh/merge.js";
import { type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import { githubBlock } from "./helpers/github-block.js";
import {
  projectNamed,
  readJson,
  refreshIn,
  resetFake,
  TOKEN,
  tempData,
} from "./helpers/refresh-cli.js";

const NIGHTS = [
  "2025-11-22T03:00:00.000Z",
  "2025-11-23T03:00:00.000Z",
  "2025-11-24T03:00:00.000Z",
  "2025-11-25T03:00:00.000Z",
  "2025-11-26T03:00:00.000Z",
] as const;

let gh: FakeGitHub;
let tmp: Awaited<ReturnType<typeof tempData>>;
before(async () => {
  gh = await startFakeGitHub({ repos: [], token: TOKEN });
  resetFake(gh);
  tmp = await tempData();
});
after(async () => {
  await gh.close();
  await tmp.cleanup();
});

/** One night over REST (one request per repository, so a fault can hit Rook alone). */
async function night(i: number): Promise<Directory> {
  gh.resetRateLimits();
  const run = await refreshIn(gh, tmp.dir, ["--json"], {
    COOLTECH_NOW: NIGHTS[i],
    GITHUB_TOKEN: undefined,
  });
  assert.ok([0, 3].includes(run.code ?? -1), run.stderr);
  return readJson<Directory>(join(tmp.data, "directory.json"));
}

const rook = (d: Directory) => projectNamed(d, "Rook").github as GithubInfo;
const others = (d: Directory) =>
  d.projects.filter((p) => p.name !== "Rook" && p.github !== null && "confirmedAt" in p.github);

describe("confirmedAt through the nights", () => {
  test("set when Rook turns stale, kept while stale, dropped when ok, absent when missing", async () => {
    const d1 = await night(0);
    assert.equal(rook(d1).status, "ok");
    assert.equal("confirmedAt" in rook(d1), false);

    gh.addFault({ kind: "status", status: 502, api: "rest", repo: "rook/rook" });
    const d2 = await night(1);
    assert.equal(rook(d2).status, "stale");
    assert.equal(rook(d2).confirmedAt, NIGHTS[0], "found as it is by night 1");
    assert.equal(rook(d2).checkedAt, NIGHTS[1], "the failed attempt");
    assert.equal(rook(d2).fetchedAt, rook(d1).fetchedAt);
    assert.deepEqual(others(d2), [], "only on the stale entry");
    // Key order: after the data, before the run's times.
    const keys = Object.keys(rook(d2));
    assert.deepEqual(keys.slice(keys.indexOf("confirmedAt")), [
      "confirmedAt",
      "fetchedAt",
      "checkedAt",
      "status",
    ]);

    const d3 = await night(2);
    assert.equal(rook(d3).status, "stale");
    assert.equal(rook(d3).confirmedAt, NIGHTS[0], "kept while it stays stale");
    assert.equal(rook(d3).checkedAt, NIGHTS[2]);

    gh.clearFaults();
    const d4 = await night(3);
    assert.equal(rook(d4).status, "ok");
    assert.equal("confirmedAt" in rook(d4), false, "dropped once found again");

    gh.addFault({ kind: "status", status: 502, api: "rest", repo: "rook/rook" });
    const d5 = await night(4);
    assert.equal(rook(d5).confirmedAt, NIGHTS[3], "the run that last found it");
    gh.clearFaults();
    gh.repos.delete("rook/rook");
    gh.resetRateLimits();
    const run = await refreshIn(gh, tmp.dir, [], {
      COOLTECH_NOW: "2025-11-27T03:00:00.000Z",
      GITHUB_TOKEN: undefined,
    });
    assert.equal(run.code, 3, run.stderr);
    const d6 = await readJson<Directory>(join(tmp.data, "directory.json"));
    assert.equal(rook(d6).status, "missing");
    assert.equal("confirmedAt" in rook(d6), false, "missing is news of its own");
  });
});

describe("confirmedAt in the merge and the schema", () => {
  const prev = githubBlock({
    nameWithOwner: "a/b",
    url: null,
    stars: 1,
    fetchedAt: "2025-01-01T00:00:00.000Z",
    checkedAt: "2025-01-05T00:00:00.000Z",
  });
  const failed = { kind: "failed", reason: "HTTP 502" } as const;

  test("from ok or moved: the previous refreshedAt (else the entry's checkedAt)", () => {
    const last = "2025-02-01T00:00:00.000Z";
    assert.equal(confirmedAtOf(prev, last), last);
    assert.equal(confirmedAtOf({ ...prev, status: "moved" }, last), last);
    assert.equal(confirmedAtOf(prev, null), prev.checkedAt);
  });

  test("from stale: kept; from a stale block without one (older file) or missing: its fetchedAt", () => {
    const stale = { ...prev, status: "stale" as const, confirmedAt: "2025-01-20T00:00:00.000Z" };
    assert.equal(confirmedAtOf(stale, "2025-02-01T00:00:00.000Z"), stale.confirmedAt);
    assert.equal(
      confirmedAtOf({ ...prev, status: "stale" }, "2025-02-01T00:00:00.000Z"),
      prev.fetchedAt,
    );
    assert.equal(confirmedAtOf({ ...prev, status: "missing" }, null), prev.fetchedAt);
    const again = mergeResult(
      "a/b",
      stale,
      failed,
      "2025-02-02T00:00:00.000Z",
      "2025-02-01T00:00:00.000Z",
    );
    assert.equal((again.github as GithubInfo).confirmedAt, stale.confirmedAt);
    const ok = mergeResult("a/b", stale, { kind: "ok", info: prev }, "2025-02-02T00:00:00.000Z");
    assert.equal("confirmedAt" in (ok.github ?? {}), false);
  });

  test("the schema allows confirmedAt on a stale entry only", () => {
    const directory = (github: object) => ({
      $schema: "",
      refreshedAt: null,
      categories: [],
      projects: [
        {
          name: "x",
          repo: "a/b",
          homepage: null,
          category: "c",
          tags: [],
          description: null,
          github,
          trend: null,
        },
      ],
    });
    const confirmedAt = "2025-01-20T00:00:00.000Z";
    assert.deepEqual(
      validateAgainst("directory", directory({ ...prev, status: "stale", confirmedAt })),
      [],
    );
    assert.deepEqual(validateAgainst("directory", directory({ ...prev, status: "stale" })), []);
    for (const status of ["ok", "moved", "missing"]) {
      assert.notDeepEqual(
        validateAgainst("directory", directory({ ...prev, status, confirmedAt })),
        [],
        status,
      );
    }
  });
});

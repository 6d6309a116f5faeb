/**
 * Owner avatars through `cooltech refresh` against the local fake GitHub:
 * GraphQL `owner { avatarUrl }` and REST `owner.avatar_url` land in
 * directory.json; a URL off GitHub's avatar host, not https, or too long is
 * stored as null (the site shows initials) and named in the summary, exit 0;
 * a directory written before avatars existed gains them once, then an
 * unchanged night changes nothing but refreshedAt.
 */
import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import type { Directory, GithubInfo } from "../src/core/model.js";
import { type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import {
  projectNamed,
  readJson,
  refreshIn,
  resetFake,
  TOKEN,
  tempData,
  withoutRunTimes,
} from "./helpers/refresh-cli.js";

const NIGHT1 = "2025-11-22T03:00:00.000Z";
const NIGHT2 = "2025-11-23T03:00:00.000Z";
const NIGHT3 = "2025-11-24T03:00:00.000Z";

/** What the fake answers for an owner by default (GitHub's form). */
const GITHUB_FORM = /^https:\/\/avatars\.githubusercontent\.com\/u\/\d+\?v=4$/;

function padded(start: string, length: number): string {
  return start + "a".repeat(length - start.length);
}

/** Hostile or odd avatar URLs, each served for one demo repository (by owner/name). */
const HOSTILE: Array<[repo: string, name: string, url: string, why: RegExp]> = [
  [
    "rook/rook",
    "Rook",
    "javascript:alert(1)",
    /avatarUrl dropped \(19 characters; expected an https URL on avatars\.githubusercontent\.com\)/,
  ],
  [
    "google/gvisor",
    "gVisor",
    "http://avatars.githubusercontent.com/u/1?v=4",
    /expected an https URL on avatars/,
  ],
  ["vitessio/vitess", "Vitess", "https://evil.example/u/1.png", /expected an https URL on avatars/],
  [
    "cri-o/cri-o",
    "CRI-O",
    "https://avatars.githubusercontent.com.evil.example/u/1",
    /expected an https URL on avatars/,
  ],
  [
    "longhorn/longhorn",
    "Longhorn",
    padded("https://avatars.githubusercontent.com/u/1?v=4&x=", 5000),
    /avatarUrl dropped \(5000 characters; at most 500\)/,
  ],
  [
    "kubernetes/kubernetes",
    "Kubernetes",
    'https://avatars.githubusercontent.com/u/1"onerror="alert(1)',
    /expected an https URL on avatars/,
  ],
];

let gh: FakeGitHub;
let tmp: Awaited<ReturnType<typeof tempData>>;

before(async () => {
  gh = await startFakeGitHub({ repos: [], token: TOKEN });
});
after(() => gh.close());
beforeEach(async () => {
  resetFake(gh);
  tmp = await tempData();
});
afterEach(() => tmp.cleanup());

const directory = () => readJson<Directory>(join(tmp.data, "directory.json"));
const github = (d: Directory, name: string) => projectNamed(d, name).github as GithubInfo;
/** Without a token: REST, 60 requests an hour (the demo catalog takes about 32). */
const REST = { GITHUB_TOKEN: undefined };

for (const [api, env] of [
  ["GraphQL", {}],
  ["REST", REST],
] as const) {
  describe(`avatars over ${api}`, () => {
    test("every fetched entry gets its owner's avatar", async () => {
      const run = await refreshIn(gh, tmp.dir, ["--json"], { COOLTECH_NOW: NIGHT1, ...env });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(JSON.parse(run.stdout).api, api === "REST" ? "rest" : "graphql");
      const d = await directory();
      const fetched = d.projects.filter((p) => p.github?.status === "ok");
      assert.ok(fetched.length >= 10, `${fetched.length} fetched`);
      for (const p of fetched) {
        assert.match((p.github as GithubInfo).avatarUrl ?? "", GITHUB_FORM, p.name);
      }
      // Field order: the avatar after the latest release, before the run's times.
      const keys = Object.keys(github(d, "Rook"));
      assert.deepEqual(
        keys.slice(keys.indexOf("latestRelease"), keys.indexOf("latestRelease") + 3),
        ["latestRelease", "avatarUrl", "fetchedAt"],
      );
    });

    test("hostile avatar URLs are stored as null, named in the summary; the run still exits 0", async () => {
      for (const [repo, , url] of HOSTILE) {
        const r = gh.repos.get(repo);
        assert.ok(r, repo);
        r.avatarUrl = url;
      }
      const run = await refreshIn(gh, tmp.dir, ["--json"], { COOLTECH_NOW: NIGHT1, ...env });
      assert.equal(run.code, 0, run.stderr);
      const summary = JSON.parse(run.stdout);
      const d = await directory();
      for (const [repo, name, , why] of HOSTILE) {
        const g = github(d, name);
        assert.equal(g.status, "ok", name);
        assert.equal(g.avatarUrl, null, `${name}: initials, not ${repo}'s odd avatar`);
        const line = summary.contract.find((c: { repo: string }) => c.repo === repo);
        assert.ok(line, `${repo} named in the summary`);
        assert.match(line.changes.join("; "), why, repo);
      }
      // The rest keep theirs; no hostile URL reached any generated file.
      assert.match(github(d, "Falco").avatarUrl ?? "", GITHUB_FORM);
      const text = await readFile(join(tmp.data, "directory.json"), "utf8");
      for (const bad of ["javascript:", "evil.example", "onerror", "http://avatars"]) {
        assert.equal(text.includes(bad), false, bad);
      }
      // The text summary names them too (with no ETag, so REST asks again rather than get a 304).
      await rm(join(tmp.data, ".etags.json"), { force: true });
      gh.resetRateLimits();
      const plain = await refreshIn(gh, tmp.dir, [], { COOLTECH_NOW: NIGHT2, ...env });
      assert.equal(plain.code, 0, plain.stderr);
      assert.match(plain.stdout, /Rook \(rook\/rook\): avatarUrl dropped/);
    });
  });
}

describe("a directory written before avatars existed", () => {
  /** directory.json as an older cooltech wrote it: no avatarUrl anywhere. */
  async function withoutAvatars(): Promise<void> {
    const path = join(tmp.data, "directory.json");
    const d = JSON.parse(await readFile(path, "utf8")) as Directory;
    for (const p of d.projects) if (p.github) delete (p.github as Partial<GithubInfo>).avatarUrl;
    await writeFile(path, `${JSON.stringify(d, null, 2)}\n`);
  }

  for (const [api, env] of [
    ["GraphQL", {}],
    ["REST (its ETags would answer 304 with the old data)", REST],
  ] as const) {
    test(`${api}: gains them on the next night, once; then an unchanged night changes only refreshedAt`, async () => {
      const first = await refreshIn(gh, tmp.dir, [], { COOLTECH_NOW: NIGHT1, ...env });
      assert.equal(first.code, 0, first.stderr);
      await withoutAvatars();
      gh.resetRateLimits(); // a day later: REST's hourly budget is whole again
      const upgrade = await refreshIn(gh, tmp.dir, ["--json"], { COOLTECH_NOW: NIGHT2, ...env });
      assert.equal(upgrade.code, 0, upgrade.stderr);
      const d2 = await directory();
      const fetched = d2.projects.filter((p) => ["ok", "moved"].includes(p.github?.status ?? ""));
      assert.ok(fetched.length >= 10, `${fetched.length} fetched`);
      for (const p of fetched) {
        assert.match((p.github as GithubInfo).avatarUrl ?? "", GITHUB_FORM, p.name);
      }
      assert.equal(JSON.parse(upgrade.stdout).changed, fetched.length, "every entry changed once");
      const before = await readFile(join(tmp.data, "directory.json"), "utf8");
      const mdBefore = await readFile(join(tmp.data, "DIRECTORY.md"), "utf8");
      gh.resetRateLimits();
      const night3 = await refreshIn(gh, tmp.dir, ["--json"], { COOLTECH_NOW: NIGHT3, ...env });
      assert.equal(night3.code, 0, night3.stderr);
      assert.equal(JSON.parse(night3.stdout).changed, 0);
      const after = await readFile(join(tmp.data, "directory.json"), "utf8");
      const lines = (s: string) => s.split("\n");
      const differ = lines(after).filter((l, i) => l !== lines(before)[i]);
      assert.deepEqual(differ, [`  "refreshedAt": "${NIGHT3}",`]);
      assert.equal(await readFile(join(tmp.data, "DIRECTORY.md"), "utf8"), mdBefore);
      assert.equal(withoutRunTimes(after), withoutRunTimes(before));
    });
  }
});

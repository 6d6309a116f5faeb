/**
 * The change feed: diffDirectories' events on hand-made directories, the
 * bounds of changes.json, and the step summary's escaping. (`cooltech
 * refresh` / `build` appending a simulated day: changes-refresh.test.ts.)
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Directory, DirectoryProject, GithubInfo } from "../src/core/model.js";
import {
  appendChanges,
  type ChangeEvent,
  changeBase,
  diffDirectories,
  KEEP_EVENTS,
} from "../src/generate/changes.js";
import { changesMarkdown } from "../src/refresh/summary-changes.js";
import { githubBlock } from "./helpers/github-block.js";

const github = (over: Partial<GithubInfo>): GithubInfo => githubBlock({ stars: 10, ...over });
const project = (name: string, gh: Partial<GithubInfo> | null): DirectoryProject => ({
  name,
  repo: gh?.nameWithOwner ?? null,
  homepage: null,
  category: "c",
  tags: [],
  description: null,
  github: gh === null ? null : github(gh),
  trend: null,
});
const dir = (projects: DirectoryProject[]): Directory => ({
  $schema: "x",
  refreshedAt: null,
  categories: [],
  projects,
});
const AT = "2026-02-02T00:00:00.000Z";

describe("diffDirectories", () => {
  const before = dir([
    project("Gone", { nameWithOwner: "g/one" }),
    project("Moves", { nameWithOwner: "old/name" }),
    project("Arch", { nameWithOwner: "a/rch", archived: false }),
    project("Unarch", { nameWithOwner: "u/n", archived: true }),
    project("Rel", {
      nameWithOwner: "r/el",
      latestRelease: { tag: "v1", publishedAt: null, url: null },
    }),
    project("Star", { nameWithOwner: "s/tar", stars: 900 }),
    project("Same", { nameWithOwner: "s/ame", stars: 4_000 }),
  ]);
  const afterDir = dir([
    project("New", { nameWithOwner: "n/ew" }),
    project("Moves", { nameWithOwner: "new/name" }),
    project("Arch", { nameWithOwner: "a/rch", archived: true }),
    project("Unarch", { nameWithOwner: "u/n", archived: false }),
    project("Rel", {
      nameWithOwner: "r/el",
      latestRelease: {
        tag: "v2",
        publishedAt: null,
        url: "https://github.com/r/el/releases/tag/v2",
      },
    }),
    project("Star", { nameWithOwner: "s/tar", stars: 26_000 }),
    project("Same", { nameWithOwner: "s/ame", stars: 4_900 }),
  ]);

  test("every kind of event, in a fixed order, with the details", () => {
    const events = diffDirectories(before, afterDir, AT);
    // What a run keeps of the previous directory (changeBase) gives the same events.
    assert.deepEqual(diffDirectories(changeBase(before), afterDir, AT), events);
    assert.deepEqual(
      events.map(({ id: _, ...e }) => e),
      [
        { at: AT, type: "added", name: "New", repo: "n/ew" },
        { at: AT, type: "removed", name: "Gone", repo: "g/one" },
        { at: AT, type: "moved", name: "Moves", repo: "new/name", from: "old/name" },
        { at: AT, type: "archived", name: "Arch", repo: "a/rch" },
        { at: AT, type: "unarchived", name: "Unarch", repo: "u/n" },
        {
          at: AT,
          type: "release",
          name: "Rel",
          repo: "r/el",
          tag: "v2",
          url: "https://github.com/r/el/releases/tag/v2",
        },
        { at: AT, type: "stars", name: "Star", repo: "s/tar", milestone: 25_000 },
      ],
    );
  });

  test("deterministic ids; nothing changed gives nothing; a first fetch is no release", () => {
    const a = diffDirectories(before, afterDir, AT).map((e) => e.id);
    assert.deepEqual(
      diffDirectories(before, afterDir, AT).map((e) => e.id),
      a,
    );
    assert.equal(new Set(a).size, a.length, "ids are distinct");
    assert.notDeepEqual(diffDirectories(before, afterDir, "2026-02-03T00:00:00.000Z")[0]?.id, a[0]);
    assert.deepEqual(diffDirectories(afterDir, afterDir, AT), []);
    const unfetched = dir([project("Rel", null)]);
    unfetched.projects[0] = { ...(unfetched.projects[0] as DirectoryProject), repo: "r/el" };
    const fetched = dir([
      project("Rel", {
        nameWithOwner: "r/el",
        latestRelease: { tag: "v1", publishedAt: null, url: null },
      }),
    ]);
    assert.deepEqual(diffDirectories(unfetched, fetched, AT), []);
  });
});

describe("appendChanges", () => {
  const event = (i: number, at: string): ChangeEvent => ({
    id: i.toString(16).padStart(16, "0"),
    at,
    type: "added",
    name: `p${i}`,
    repo: null,
  });
  test(`keeps the last 90 days and at most ${KEEP_EVENTS} events, newest first, no duplicates`, () => {
    const old = [event(1, "2025-10-01T00:00:00.000Z"), event(2, "2026-01-10T00:00:00.000Z")];
    const fresh = [event(3, "2026-03-01T00:00:00.000Z")];
    const r = appendChanges(old, [...fresh, event(2, "2026-01-10T00:00:00.000Z")]);
    assert.deepEqual(r.added, fresh);
    assert.deepEqual(
      r.events.map((e) => e.name),
      ["p3", "p2"],
    );
    const many = Array.from({ length: 600 }, (_, i) => event(i + 10, "2026-03-01T00:00:00.000Z"));
    assert.equal(appendChanges([], many).events.length, KEEP_EVENTS);
  });
});

test("the step summary escapes every data string of an event", () => {
  const md = changesMarkdown([
    {
      id: "0",
      at: AT,
      type: "moved",
      name: "<b>x</b>",
      repo: "[a](javascript:1)",
      from: "*o*\n# h",
    },
  ]).join("\n");
  assert.equal(md.includes("<b>"), false);
  assert.equal(md.includes("[a]"), false);
  assert.match(md, /\\\*o\\\*\\\\u000a# h/, "emphasis escaped, the newline shown as text");
  assert.equal(
    md.split("\n").some((l) => l.startsWith("#") && !l.startsWith("### Changes")),
    false,
    "a newline in the data cannot start a block",
  );
});

test("appendChanges skips a repeat of a project's latest event of the same family", () => {
  const ev = (type: ChangeEvent["type"], at: string): ChangeEvent => ({
    id: `${type}${at}`.slice(0, 16),
    at,
    type,
    name: "X",
    repo: "x/x",
  });
  const added = ev("added", "2026-03-01T00:00:00.000Z");
  assert.deepEqual(appendChanges([added], [ev("added", "2026-03-02T00:00:00.000Z")]).added, []);
  const removed = ev("removed", "2026-03-02T00:00:00.000Z");
  const again = ev("added", "2026-03-03T00:00:00.000Z");
  assert.deepEqual(appendChanges([removed, added], [again]).added, [again], "re-added is news");
});

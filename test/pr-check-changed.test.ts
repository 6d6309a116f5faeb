/**
 * Which catalog entries the pull-request check looks up: changedEntries
 * (added, changed, unchanged against the base), and readAtRef reading
 * projects.yaml at the base commit of a temp git repository, refusing refs
 * that look like options.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { UserError } from "../src/core/errors.js";
import { changedEntries, execGit, readAtRef } from "../src/pr-check/changed.js";
import type { Item } from "../src/validate/rules/rule.js";
import { BASE, CATEGORIES, HEAD } from "./helpers/pr-check.js";
import { type TempGit, tempGit } from "./helpers/temp-git.js";

let repo: TempGit;

before(async () => {
  repo = await tempGit("cooltech-pr-changed-");
  await repo.commit({ "data/categories.yaml": CATEGORIES, "data/projects.yaml": BASE }, "base");
  // The working tree holds the pull request: readAtRef must read the commit, not the file.
  await repo.write({ "data/projects.yaml": HEAD });
});

after(() => repo.remove());

describe("changed entries", () => {
  const items = (list: Record<string, unknown>[]): Item[] =>
    list.map((value, index) => ({ index, value }));

  test("added, changed (renamed, repo fixed, new tagline) and unchanged (reordered keys)", () => {
    const base = `- name: A
  repo: o/a
  category: x
- name: B
  repo: o/b
  category: x
- name: C
  repo: o/c
  category: x
- name: D
  repo: o/d
  category: x
`;
    const head = items([
      { category: "x", repo: "o/a", name: "A" }, // same, keys reordered
      { name: "B2", repo: "o/b", category: "x" }, // renamed: same repo
      { name: "C", repo: "https://github.com/O/C", category: "x", description: "new" }, // same repo as a URL, new tagline
      { name: "D", repo: "o/d-moved", category: "x" }, // repo changed
      { name: "E", repo: "o/e", category: "x" }, // added
    ]);
    const changed = changedEntries(head, base);
    assert.deepEqual(
      changed.map((c) => [c.item.value.name, c.kind, c.baseRepo]),
      [
        ["B2", "changed", "o/b"],
        ["C", "changed", "o/c"],
        ["D", "changed", "o/d"],
        ["E", "added", undefined],
      ],
    );
    assert.deepEqual(
      changedEntries(head, null).map((c) => c.kind),
      ["added", "added", "added", "added", "added"],
    );
    assert.deepEqual(changedEntries(head, "{not: [valid").length, 5, "an unreadable base: all new");
  });

  test("readAtRef reads the committed version; a file absent at the ref is null", async () => {
    const path = join(repo.dir, "data/projects.yaml");
    assert.equal(await readAtRef("HEAD", path, repo.dir), BASE);
    assert.equal(await readAtRef("HEAD", join(repo.dir, "data/none.yaml"), repo.dir), null);
    // From a sub-folder: the path is taken relative to the working directory.
    assert.equal(await readAtRef("HEAD", path, join(repo.dir, "data")), BASE);
  });

  test("readAtRef: refs that look like options, unknown refs, no repository", async () => {
    const path = join(repo.dir, "data/projects.yaml");
    await assert.rejects(readAtRef("--output=/tmp/x", path, repo.dir), (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.equal(e.kind, "usage");
      return true;
    });
    await assert.rejects(readAtRef("nope", path, repo.dir), /git knows no commit 'nope'/);
    const outside = fileURLToPath(new URL(".", import.meta.url));
    const calls: string[][] = [];
    const fake = async (args: readonly string[]) => {
      calls.push([...args]);
      throw Object.assign(new Error("fatal: not a git repository"), { name: "GitError" });
    };
    await assert.rejects(readAtRef("HEAD", path, outside, fake), UserError);
    assert.deepEqual(calls, [["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]]);
    assert.equal(typeof execGit, "function");
  });
});

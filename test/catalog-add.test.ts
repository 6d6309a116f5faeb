/** `cooltech add`: sorted insertion that keeps comments, duplicates refused, invalid entries never written. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import {
  CATEGORIES,
  type CliResult,
  looksLikeCrash,
  removeTemp,
  runCli,
  tempData,
} from "./helpers/catalog.js";

const HEADER =
  "# yaml-language-server: $schema=../schemas/projects.schema.json\n# The curated list.\n";
const PROJECTS = `${HEADER}- name: Falco
  repo: falcosecurity/falco
  category: security
# Rook's own comment.
- name: Rook
  repo: rook/rook
  category: storage
`;

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));

async function catalog(projects = PROJECTS): Promise<string> {
  const dir = await tempData({ "projects.yaml": projects, "categories.yaml": CATEGORIES });
  temps.push(dir);
  return dir;
}

const add = (dir: string, ...args: string[]) =>
  runCli(["add", ...args, "--data", "."], { cwd: dir });
const projectsOf = (dir: string) => readFile(join(dir, "projects.yaml"), "utf8");

async function assertRefused(dir: string, r: CliResult, reason: RegExp): Promise<void> {
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, reason);
  assert.equal(looksLikeCrash(r.stdout + r.stderr), false, r.stderr);
  assert.equal(await projectsOf(dir), PROJECTS, "projects.yaml is unchanged");
}

describe("add", () => {
  test("inserts first, below the header comment, with every option", async () => {
    const dir = await catalog();
    const r = await add(
      dir,
      "cri-o/cri-o",
      "--category",
      "security",
      "--name",
      "CRI-O",
      "--homepage",
      "https://cri-o.io/",
      "--tags",
      "container-runtime, cncf",
      "--description",
      "Lightweight container runtime for Kubernetes.",
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stderr,
      "✔ added CRI-O (cri-o/cri-o) at projects.yaml:3\nCommit projects.yaml and open a pull request: directory.json, DIRECTORY.md and the site are regenerated after the merge.\n",
    );
    assert.equal(
      await projectsOf(dir),
      `${HEADER}- name: CRI-O
  repo: cri-o/cri-o
  homepage: https://cri-o.io/
  category: security
  tags: [container-runtime, cncf]
  description: Lightweight container runtime for Kubernetes.
- name: Falco
  repo: falcosecurity/falco
  category: security
# Rook's own comment.
- name: Rook
  repo: rook/rook
  category: storage
`,
    );
    assert.equal((await runCli(["fmt", "--check", "--data", "."], { cwd: dir })).code, 0);
  });

  test("inserts at its sorted place; the next entry keeps its comment", async () => {
    const dir = await catalog();
    const r = await add(dir, "longhorn/longhorn", "--category", "storage", "--name", "Longhorn");
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      await projectsOf(dir),
      `${HEADER}- name: Falco
  repo: falcosecurity/falco
  category: security
- name: Longhorn
  repo: longhorn/longhorn
  category: storage
# Rook's own comment.
- name: Rook
  repo: rook/rook
  category: storage
`,
    );
    assert.match(r.stderr, /at projects\.yaml:6\n/);
  });

  test("accepts a GitHub URL and names the entry after the repository", async () => {
    const dir = await catalog();
    const r = await add(dir, "https://github.com/kubereboot/kured.git", "--category", "storage");
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      await projectsOf(dir),
      /\n- name: kured\n {2}repo: kubereboot\/kured\n {2}category: storage\n# Rook's own comment\.\n/,
    );
    assert.equal((await runCli(["validate", "--data", "."], { cwd: dir })).code, 0);
  });

  test("every way of writing a repository is written as owner/name", async () => {
    const forms: Array<[string, string]> = [
      ["o1/n1.git", "o1/n1"],
      ["o2/n2/", "o2/n2"],
      ["https://github.com/o3/n3/tree/main/docs", "o3/n3"],
      ["git@github.com:o4/n4.git", "o4/n4"],
      ["http://github.com/o5/n5", "o5/n5"],
    ];
    const dir = await catalog();
    for (const [input, repo] of forms) {
      const r = await add(dir, input, "--category", "storage");
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`added ${repo.split("/")[1]} \\(${repo}\\)`));
      assert.match(await projectsOf(dir), new RegExp(`\n {2}repo: ${repo}\n`));
    }
    assert.equal((await runCli(["validate", "--data", "."], { cwd: dir })).code, 0);
  });

  test("refuses a repository already listed under another form (rook/rook.git beside rook/rook)", async () => {
    const dir = await catalog();
    for (const form of ["rook/rook.git", "rook/rook/", "git@github.com:rook/rook.git"]) {
      const r = await add(dir, form, "--category", "storage", "--name", "Rook Again");
      await assertRefused(
        dir,
        r,
        /✖ repo "rook\/rook" is already listed as "Rook" at projects\.yaml:7/,
      );
    }
  });

  test("refuses a name already listed (case-insensitive), pointing at it", async () => {
    const dir = await catalog();
    const r = await add(dir, "someone/falco", "--category", "security", "--name", "FALCO");
    await assertRefused(
      dir,
      r,
      /✖ name "FALCO" is already listed as "Falco" at projects\.yaml:3; edit that entry instead, or choose another --name/,
    );
  });

  test("refuses a repository already listed (case-insensitive, also as a URL)", async () => {
    const dir = await catalog();
    const r = await add(dir, "FalcoSecurity/Falco", "--category", "security", "--name", "Other");
    await assertRefused(
      dir,
      r,
      /✖ repo "FalcoSecurity\/Falco" is already listed as "Falco" at projects\.yaml:3; edit that entry instead\n/,
    );
    const url = await add(
      dir,
      "https://github.com/ROOK/rook/",
      "--category",
      "storage",
      "--name",
      "R",
    );
    await assertRefused(
      dir,
      url,
      /✖ repo "ROOK\/rook" is already listed as "Rook" at projects\.yaml:7/,
    );
  });

  test("rejects an invalid entry (unknown category, http homepage): exit 1, located, file unchanged", async () => {
    const dir = await catalog();
    const r = await add(dir, "vitessio/vitess", "--category", "databse", "--name", "Vitess");
    await assertRefused(dir, r, /✖ the new entry is not valid; nothing was written/);
    assert.match(
      r.stdout,
      /^projects\.yaml:\d+:13 error unknown category `databse`.+\(unknown-category\)$/m,
    );
    const http = await add(
      dir,
      "vitessio/vitess",
      "--category",
      "storage",
      "--homepage",
      "http://vitess.io/",
    );
    await assertRefused(dir, http, /not valid/);
    assert.match(http.stdout, /`homepage` "http:\/\/vitess.io\/" must be an https URL/);
  });

  test("rejects what is not a GitHub repository", async () => {
    const dir = await catalog();
    const r = await add(dir, "https://gitlab.com/a/b", "--category", "storage");
    await assertRefused(
      dir,
      r,
      /✖ "https:\/\/gitlab.com\/a\/b" is not a GitHub repository: give owner\/name or https:\/\/github.com\/owner\/name/,
    );
  });

  test("refuses to add to a catalog that already has errors", async () => {
    const broken = `${PROJECTS}- name: Zed\n  category: nowhere\n`;
    const dir = await catalog(broken);
    const r = await add(dir, "cri-o/cri-o", "--category", "security");
    assert.equal(r.code, 1);
    assert.match(r.stderr, /the catalog has errors; fix them first/);
    assert.match(r.stdout, /unknown category `nowhere`/);
    assert.equal(await projectsOf(dir), broken);
  });
});

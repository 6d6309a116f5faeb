/**
 * Per-entry degradation outside GitHub: `cooltech build` (the real binary)
 * with invalid entries and categories, which of two duplicates is kept, the
 * last-line guard before the write, and how the page shows a repository that
 * was never found.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { type Directory, type GithubInfo, missingBlock } from "../src/core/model.js";
import { validateAgainst } from "../src/core/schema.js";
import { conformDirectory } from "../src/refresh/contract.js";
import { toSiteProject } from "../src/site/build/data.js";
import { projectBadges } from "../src/site/client/badges.js";
import { CATEGORIES, removeTemp, runCli, tempData } from "./helpers/catalog.js";
import { PREVIOUS, record } from "./helpers/last-built.js";

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));

async function build(projects: string, categories = CATEGORIES) {
  const dir = await tempData({ "projects.yaml": projects, "categories.yaml": categories });
  temps.push(dir);
  await writeFile(join(dir, "directory.json"), JSON.stringify(PREVIOUS, null, 2));
  const run = await runCli(["build", "--data", "."], { cwd: dir });
  const directory = JSON.parse(await readFile(join(dir, "directory.json"), "utf8")) as Directory;
  assert.deepEqual(validateAgainst("directory", directory), [], "the output fits the schema");
  return { run, directory, names: directory.projects.map((p) => p.name) };
}

describe("build with invalid entries", () => {
  test("valid entries written, an invalid one keeps its record, a new one is left out: exit 5", async () => {
    const { run, directory, names } = await build(`- name: Falco
  repo: falcosecurity/falco
  category: security
  description: Fresh words.
- name: Tetragon
  repo: cilium/tetragon
  category: security
  tags: [Not Kebab]
- name: Longhorn
  repo: longhorn/longhorn
  category: storage
- name: Rook
  repo: rook/rook
  category: storage
  descripton: a typo
`);
    assert.equal(run.code, 5, run.stderr);
    assert.deepEqual(names, ["Falco", "Longhorn", "Rook"]);
    const byName = new Map(directory.projects.map((p) => [p.name, p]));
    assert.equal(byName.get("Falco")?.description, "Fresh words.");
    assert.deepEqual(
      byName.get("Rook"),
      { ...PREVIOUS.projects[1], categories: ["storage"] },
      "last-known record, untouched but for `categories` (absent in an older directory.json)",
    );
    assert.match(run.stdout, /^projects\.yaml:8:10 error tag "Not Kebab" must be lowercase/m);
    assert.match(run.stdout, /^projects\.yaml:15:3 error unknown key "descripton"/m);
    assert.match(
      run.stderr,
      /! 2 invalid entries set aside \(1 kept at the last-known record of directory\.json, 1 left out\)/,
    );
    assert.match(run.stderr, /^ {2}projects\.yaml:5:3 project Tetragon: left out/m);
    assert.match(run.stderr, /^ {2}projects\.yaml:12:3 project Rook: last-known record kept/m);
    assert.match(
      run.stderr,
      /✖ 2 errors, 0 warnings; written without the invalid entries' new data \(exit 5\)/,
    );
  });

  test("of two entries with one repo, the earlier is kept; a repeat never brings back a record", async () => {
    const { run, names, directory } = await build(`- name: Falco
  repo: falcosecurity/falco
  category: security
- name: Falco Again
  repo: https://github.com/FalcoSecurity/falco
  category: security
- name: Rook
  repo: rook/rook
  category: storage
- name: rook
  repo: rook/rook-two
  category: storage
`);
    assert.equal(run.code, 5, run.stderr);
    // "rook" (a repeated name) finds Rook's record by name, but Rook is listed already.
    assert.deepEqual(names, ["Falco", "Rook"]);
    assert.equal(directory.projects.filter((p) => p.repo === "rook/rook").length, 1);
    assert.match(
      run.stderr,
      /project Falco Again: left out .*repo "https:\/\/github.com\/FalcoSecurity\/falco" \(`FalcoSecurity\/falco`\) is already used at line 2/,
    );
    assert.match(run.stderr, /project rook: left out .*name "rook" is already used at line 7/);
  });

  test("an invalid category keeps its last-known record, and its projects stay", async () => {
    const categories = CATEGORIES.replace(
      "- id: storage\n  name: Storage\n",
      "- id: storage\n  name: Storage\n  icon: disk\n",
    );
    const { run, directory, names } = await build(
      "- name: Falco\n  repo: falcosecurity/falco\n  category: security\n- name: Rook\n  repo: rook/rook\n  category: storage\n",
      categories,
    );
    assert.equal(run.code, 5, run.stderr);
    assert.deepEqual(names, ["Falco", "Rook"]);
    assert.deepEqual(directory.categories[1], PREVIOUS.categories[1]);
    assert.match(
      run.stderr,
      /categories\.yaml:4:3 category storage: last-known record kept; unknown key "icon"/,
    );
  });

  test("a new invalid category has no record: its projects are set aside, with their records", async () => {
    const categories = `${CATEGORIES}- id: databases\n  name: Databases\n  description: Data stores.\n  icon: db\n`;
    const { run, names } = await build(
      "- name: Falco\n  repo: falcosecurity/falco\n  category: security\n- name: Vitess\n  repo: vitessio/vitess\n  category: databases\n- name: Rook\n  repo: rook/rook\n  category: storage\n",
      categories,
    );
    assert.equal(run.code, 5, run.stderr);
    assert.deepEqual(names, ["Falco", "Rook"]);
    assert.match(run.stderr, /category databases: left out/);
    assert.match(
      run.stderr,
      /projects\.yaml:4:3 project Vitess: left out .*its category `databases` has an error/,
    );
  });

  test("only harmless errors (sort order): every entry written, still exit 5", async () => {
    const { run, names } = await build(
      "- name: Rook\n  repo: rook/rook\n  category: storage\n- name: Falco\n  repo: falcosecurity/falco\n  category: security\n",
    );
    assert.equal(run.code, 5, run.stderr);
    assert.deepEqual(names, ["Falco", "Rook"]);
    assert.doesNotMatch(run.stderr, /set aside/);
  });
});

describe("the last-line guard before the write", () => {
  test("a github block that breaks the schema is fixed field by field, or dropped, and reported", () => {
    const fine = record("Falco", "falcosecurity/falco", "security");
    const long = record("Rook", "rook/rook", "storage");
    const rookGithub = long.github as GithubInfo;
    long.github = {
      ...rookGithub,
      latestRelease: { tag: "v1", publishedAt: null, url: `https://x.io/${"a".repeat(3_000)}` },
    };
    const broken = record("Vitess", "vitessio/vitess", "storage");
    broken.github = { ...(broken.github as GithubInfo), stars: -5 };
    const directory = { ...PREVIOUS, projects: [fine, long, broken] };
    assert.notDeepEqual(validateAgainst("directory", directory), []);
    const { directory: out, fixes } = conformDirectory(directory);
    assert.deepEqual(validateAgainst("directory", out), []);
    assert.deepEqual(out.projects[0], fine);
    assert.deepEqual(out.projects[1]?.github, {
      ...rookGithub,
      latestRelease: { tag: "v1", publishedAt: null, url: null },
    });
    assert.equal(out.projects[2]?.github, null);
    assert.deepEqual(fixes, [
      {
        name: "Rook",
        repo: "rook/rook",
        changes: ["latestRelease.url dropped (3013 characters; at most 2048)"],
      },
      {
        name: "Vitess",
        repo: "vitessio/vitess",
        changes: ["github data dropped (it does not fit the schema)"],
      },
    ]);
  });
});

describe("the page marks a repository never found on GitHub", () => {
  test("missing badge, no figures", () => {
    const p = toSiteProject({
      ...record("Ghost", "nobody/ghost", "storage"),
      github: missingBlock("2026-11-20T03:00:00Z"),
      trend: null,
    });
    assert.deepEqual(
      [p.status, p.stars, p.topics, p.archived, p.release],
      ["missing", null, [], false, null],
    );
    assert.equal(p.repoUrl, "https://github.com/nobody/ghost");
    assert.deepEqual(
      projectBadges(p, "2026-11-20T03:00:00Z", Date.parse("2026-11-21T00:00:00Z")).map(
        (b) => b.kind,
      ),
      ["missing"],
    );
  });
});

/**
 * `cooltech refresh` degrades per entry, through the real binary against the
 * fake GitHub: an invalid entry, duplicates and shared homepages never stop
 * the run; every valid entry is refreshed and nothing is lost. (GitHub's odd
 * answers: refresh-contract.test.ts.)
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { validateAgainst } from "../src/core/schema.js";
import type { FakeGitHub } from "./fake-github/index.js";
import { projectNamed } from "./helpers/refresh-cli.js";
import { refreshSuite, type TempData } from "./helpers/refresh-suite.js";

let gh: FakeGitHub;
let tmp: TempData;
const { refresh, directory } = refreshSuite((now) => ({ gh, tmp } = now));

const T1 = "2025-11-20T03:00:00.000Z";
const T2 = "2025-11-21T03:00:00.000Z";

const project = projectNamed;
const projectsFile = () => join(tmp.data, "projects.yaml");
async function editProjects(edit: (text: string) => string): Promise<void> {
  const text = await readFile(projectsFile(), "utf8");
  const next = edit(text);
  assert.notEqual(next, text, "the edit changed the file");
  await writeFile(projectsFile(), next);
}
/** The line of `needle` in projects.yaml (1-based). */
async function lineOf(needle: string): Promise<number> {
  const lines = (await readFile(projectsFile(), "utf8")).split("\n");
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, needle);
  return i + 1;
}

describe("an invalid entry does not stop refresh", () => {
  test("every valid entry is refreshed; the invalid one keeps its record; a new one is listed; exit 5", async () => {
    assert.equal((await refresh([], { COOLTECH_NOW: T1 })).code, 0);
    const before = await directory();
    // A typo in an existing entry, and a new entry with an unknown category.
    await editProjects((t) =>
      t
        .replace("  repo: rook/rook\n", "  repo: rook/rook\n  stras: 5\n")
        .replace(
          "# Kept without a repository",
          "- name: Newcomer\n  repo: newcomer/newcomer\n  category: nowhere\n# Kept without a repository",
        ),
    );
    const stras = await lineOf("stras: 5");
    const run = await refresh(["--json"], { COOLTECH_NOW: T2 });
    assert.equal(run.code, 5, run.stderr);
    const after = await directory();
    assert.equal(after.refreshedAt, T2);
    // Nothing lost: the 17 entries are all there; the newcomer had no record to keep.
    assert.deepEqual(
      after.projects.map((p) => p.name),
      before.projects.map((p) => p.name),
    );
    assert.deepEqual(project(after, "Rook"), project(before, "Rook"), "last-known record kept");
    for (const p of after.projects) {
      if (p.name === "Rook" || p.github === null) continue;
      // Refreshed and found unchanged: ok (or moved) as of refreshedAt, the block as it was.
      assert.ok(["ok", "moved"].includes(p.github.status), `${p.name} refreshed`);
    }
    // Located problems on stderr, the JSON summary untouched on stdout.
    assert.match(run.stderr, new RegExp(`data/projects.yaml:${stras}:3 error unknown key "stras"`));
    assert.match(run.stderr, /data\/projects.yaml:\d+:13 error unknown category `nowhere`/);
    assert.match(run.stderr, /project Rook: last-known record kept;/);
    assert.match(run.stderr, /project Newcomer: left out \(no last-known record\);/);
    assert.match(run.stderr, /✖ \d+ errors, .* every valid entry was refreshed \(exit 5\)/);
    const summary = JSON.parse(run.stdout);
    assert.equal(summary.total, 15);
    assert.deepEqual(
      summary.invalid.map((i: { name: string; outcome: string }) => [i.name, i.outcome]),
      [
        ["Rook", "kept"],
        ["Newcomer", "left-out"],
      ],
    );
    const check = validateAgainst("directory", after);
    assert.deepEqual(check, []);
  });

  test("under GitHub Actions the problems are annotations and the step summary lists them", async () => {
    const stepSummary = join(tmp.dir, "summary.md");
    await editProjects((t) => t.replace("  repo: rook/rook\n", "  repo: rook/rook\n  stras: 5\n"));
    const stras = await lineOf("stras: 5");
    const run = await refresh([], {
      GITHUB_ACTIONS: "true",
      GITHUB_STEP_SUMMARY: stepSummary,
      COOLTECH_NOW: T1,
    });
    assert.equal(run.code, 5, run.stderr);
    assert.match(
      run.stderr,
      new RegExp(
        `^::error file=data/projects.yaml,line=${stras},col=3,title=schema::unknown key`,
        "m",
      ),
    );
    // Never fetched and invalid: left out, and said so.
    assert.equal(
      (await directory()).projects.some((p) => p.name === "Rook"),
      false,
    );
    const md = await readFile(stepSummary, "utf8");
    assert.match(md, /### Invalid in the curated data \(not refreshed\)/);
    assert.match(md, /\| Rook \| data\/projects.yaml:\d+ \| left out \| unknown key/);
  });

  test("two merged pull requests list one project twice: the earlier entry is kept and refreshed", async () => {
    await editProjects((t) =>
      t.replace(
        "- name: Falco\n",
        "- name: Falco\n  repo: falcosecurity/falco\n  category: security\n  description: The same project, added by a second pull request.\n- name: Falco\n",
      ),
    );
    const run = await refresh(["--json"], { COOLTECH_NOW: T1 });
    assert.equal(run.code, 5, run.stderr);
    const d = await directory();
    const falcos = d.projects.filter((p) => p.name === "Falco");
    assert.equal(falcos.length, 1);
    assert.equal(falcos[0]?.description, "The same project, added by a second pull request.");
    assert.equal(falcos[0]?.github?.status, "ok");
    assert.match(run.stderr, /error name "Falco" is already used at line 54/);
    assert.match(run.stderr, /project Falco: left out \(no last-known record\)/);
    assert.equal(d.projects.length, 17);
  });

  test("shared homepages are a warning: every entry refreshed, exit 0", async () => {
    // Products of one company share its site.
    await editProjects((t) =>
      t
        .replace("homepage: https://gvisor.dev/", "homepage: https://kubernetes.io/")
        .replace("homepage: https://longhorn.io/", "homepage: https://Kubernetes.io"),
    );
    const run = await refresh([], { COOLTECH_NOW: T1 });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stderr.match(/warning homepage "https:\/\/[kK]ubernetes.io\/?" is also used/g)?.length,
      2,
    );
    const d = await directory();
    assert.equal(d.projects.filter((p) => p.github?.status === "ok").length, 15);
    assert.equal(project(d, "gVisor").homepage, "https://kubernetes.io/");
  });

  test("--only naming an invalid entry is a usage error that says so", async () => {
    await editProjects((t) => t.replace("  repo: rook/rook\n", "  repo: rook/rook\n  stras: 5\n"));
    const run = await refresh(["--only", "Rook"]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /--only: 'Rook' is invalid; `cooltech validate` says why; fix it first/,
    );
    assert.equal(gh.stats.requests, 0);
  });

  test("--fix-moved rewrites nothing while the file has errors, and says why", async () => {
    await editProjects((t) => t.replace("  repo: rook/rook\n", "  repo: rook/rook\n  stras: 5\n"));
    const before = await readFile(projectsFile(), "utf8");
    const run = await refresh(["--fix-moved"]);
    assert.equal(run.code, 5, run.stderr);
    assert.equal(await readFile(projectsFile(), "utf8"), before);
    assert.match(
      run.stdout,
      /not fixed: kured: weaveworks\/kured → kubereboot\/kured: the rewritten file would not validate \(unknown key "stras"/,
    );
  });

  test("a file that cannot be parsed still stops: exit 1, nothing fetched or written", async () => {
    await editProjects((t) => t.replace("category: storage", "category: [storage"));
    const run = await refresh();
    assert.equal(run.code, 1);
    assert.match(run.stdout, /data\/projects.yaml:\d+:\d+ error .+ \(yaml-syntax\)/);
    assert.match(run.stderr, /nothing fetched or written/);
    assert.equal(gh.stats.requests, 0);
    await assert.rejects(readFile(join(tmp.data, "directory.json")));
  });
});

/** Plain `validate` under GitHub Actions: the full problem list in the job summary. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { runMain } from "../src/cli/main.js";
import { CATEGORIES, memoryIo, removeTemp, tempData } from "./helpers/catalog.js";

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));

const ACTIONS = {
  GITHUB_ACTIONS: "true",
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "octo/cooltech",
  GITHUB_SHA: "0123abcd",
};

async function validate(projects: string, env: Record<string, string> = ACTIONS) {
  const dir = await tempData({ "categories.yaml": CATEGORIES, "projects.yaml": projects });
  temps.push(dir);
  const summaryFile = join(dir, "summary.md");
  const { io, out, err } = memoryIo(dir, { ...env, GITHUB_STEP_SUMMARY: summaryFile });
  const code = await runMain(["validate", "--data", "."], io);
  const summary = await readFile(summaryFile, "utf8").catch(() => null);
  return { code, out: out(), err: err(), summary };
}

/** `n` entries of Falco-like projects in a category that does not exist. */
function misfiled(n: number): string {
  return Array.from(
    { length: n },
    (_, i) => `- name: P${String(i).padStart(2, "0")}\n  category: nope\n`,
  ).join("");
}

describe("validate's job summary", () => {
  test("more problems than GitHub annotates: every one is in the summary, linked to its line", async () => {
    const r = await validate(
      `${misfiled(12)}- name: Falco\n  category: security\n- name: Rook\n  category: storage\n`,
    );
    assert.equal(r.code, 1);
    // The annotations stop at 10 errors; the rest is only counted there.
    assert.equal((r.out.match(/^::error /gm) ?? []).length, 10);
    assert.match(r.out, /^::notice::2 more problem\(s\) are not annotated/m);
    const summary = r.summary ?? "";
    assert.match(
      summary,
      /^### Catalog check\n\n❌ 12 errors, 0 warnings \(14 projects in 2 categories\)\. Every problem, at its line:\n\n/,
    );
    const rows = summary.split("\n").filter((l) => l.startsWith("| ❌ error |"));
    assert.equal(rows.length, 12);
    assert.equal(
      rows[11],
      "| ❌ error | [`projects.yaml:24:13`](https://github.com/octo/cooltech/blob/0123abcd/projects.yaml#L24) | `unknown-category` | unknown category \\`nope\\`; use an id from categories.yaml or add the category there |",
    );
  });

  test("a valid catalog: one line saying what was checked", async () => {
    const r = await validate(
      "- name: Falco\n  category: security\n- name: Rook\n  category: storage\n",
    );
    assert.equal(r.code, 0);
    assert.equal(
      r.summary,
      "### Catalog check\n\n✅ Valid: 2 projects in 2 categories, no problem.\n",
    );
  });

  test("warnings only: valid, and the warnings listed; untrusted text escaped", async () => {
    const r = await validate("- name: Falco\n  category: security\n");
    assert.equal(r.code, 0);
    assert.match(
      r.summary ?? "",
      /^### Catalog check\n\n✅ Valid, with 0 errors, 1 warning \(1 project in 2 categories\)\./,
    );
    assert.match(
      r.summary ?? "",
      /^\| ⚠️ warning \| .*categories\.yaml:4:7.* \| `unused-category` \| /m,
    );
  });

  test("outside GitHub Actions (no GITHUB_STEP_SUMMARY), nothing is written", async () => {
    const dir = await tempData({ "categories.yaml": CATEGORIES, "projects.yaml": misfiled(1) });
    temps.push(dir);
    const { io } = memoryIo(dir);
    assert.equal(await runMain(["validate", "--data", "."], io), 1);
    await assert.rejects(readFile(join(dir, "summary.md")));
  });
});

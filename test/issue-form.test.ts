/**
 * `cooltech issue-form`: the category dropdown of the "Suggest a project"
 * issue form follows categories.yaml (the workflow on main runs it, so a
 * contributor adding a category never edits the form). Hand-made fixtures only.
 */
import assert from "node:assert/strict";
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { parse } from "yaml";
import { updateIssueForm } from "../src/generate/issue-form.js";
import { FIXTURES, looksLikeCrash, ROOT, removeTemp, runCli, tempDir } from "./helpers/catalog.js";

const FORMS = join(ROOT, "test/fixtures/issue-form");
const SEED = join(FIXTURES, "seed");
const SEED_IDS = ["chaos-engineering", "observability", "security", "storage"];

interface Form {
  name: string;
  body: Array<{ type: string; id?: string; attributes: { options?: unknown[] } }>;
}

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));

/** A temp folder with the seed catalog and a copy of the fixture form. */
async function workspace(form = "suggest-project.yml"): Promise<string> {
  const dir = await tempDir();
  temps.push(dir);
  for (const f of ["projects.yaml", "categories.yaml"]) await copyFile(join(SEED, f), join(dir, f));
  await copyFile(join(FORMS, form), join(dir, "form.yml"));
  return dir;
}

const issueForm = (dir: string, ...extra: string[]) =>
  runCli(["issue-form", "--data", ".", "--form", "form.yml", ...extra], { cwd: dir });
const options = (text: string) =>
  (parse(text) as Form).body.find((b) => b.id === "category")?.attributes.options;

describe("issue-form", () => {
  test("writes the ids of categories.yaml, then 'Something else'; the rest of the form is kept", async () => {
    const dir = await workspace();
    const before = await readFile(join(dir, "form.yml"), "utf8");
    const r = await issueForm(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, "✔ form.yml written (4 categories)\n");
    const after = await readFile(join(dir, "form.yml"), "utf8");
    assert.deepEqual(options(after), [...SEED_IDS, "Something else"]);
    // Only the option lines differ: comments, quotes and other fields are as written.
    const unchanged = (text: string) => text.split("\n").filter((l) => !/^ {8}- /.test(l));
    assert.deepEqual(unchanged(after), unchanged(before));
    assert.match(after, /^labels: \["suggestion"\]$/m);
    assert.match(after, /^ {2}# The list below is written by `cooltech issue-form`\.$/m);
  });

  test("a second run changes nothing; --check fails before and passes after", async () => {
    const dir = await workspace();
    const check = await issueForm(dir, "--check");
    assert.equal(check.code, 1);
    assert.match(
      check.stderr,
      /form\.yml does not list the categories of categories\.yaml; run `cooltech issue-form`/,
    );
    assert.equal(
      await readFile(join(dir, "form.yml"), "utf8"),
      await readFile(join(FORMS, "suggest-project.yml"), "utf8"),
    );
    assert.equal((await issueForm(dir)).code, 0);
    const written = await readFile(join(dir, "form.yml"), "utf8");
    const again = await issueForm(dir);
    assert.equal(again.code, 0);
    assert.equal(again.stderr, "✔ form.yml already lists the 4 categories\n");
    assert.equal(await readFile(join(dir, "form.yml"), "utf8"), written);
    assert.equal((await issueForm(dir, "--check")).code, 0);
  });

  test("a category added by hand appears in the form, in the file's order", async () => {
    const dir = await workspace();
    const categories = await readFile(join(dir, "categories.yaml"), "utf8");
    await writeFile(
      join(dir, "categories.yaml"),
      categories.replace(
        "- id: observability",
        "- id: databases\n  name: Databases\n  description: Data stores.\n- id: observability",
      ),
    );
    assert.equal((await issueForm(dir)).code, 0);
    assert.deepEqual(options(await readFile(join(dir, "form.yml"), "utf8")), [
      "chaos-engineering",
      "databases",
      "observability",
      "security",
      "storage",
      "Something else",
    ]);
  });

  test("invalid categories.yaml: exit 1, located, the form untouched", async () => {
    const dir = await workspace();
    await writeFile(join(dir, "categories.yaml"), "- id: Bad Id\n  name: Bad\n  description: x\n");
    const r = await issueForm(dir);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /^categories\.yaml:1:7 error `id` "Bad Id" must be a lowercase kebab-case id/m,
    );
    assert.match(r.stderr, /categories\.yaml has errors; the issue form was not changed/);
    assert.equal(
      await readFile(join(dir, "form.yml"), "utf8"),
      await readFile(join(FORMS, "suggest-project.yml"), "utf8"),
    );
  });

  test("a problem in projects.yaml does not block the form", async () => {
    const dir = await workspace();
    await writeFile(join(dir, "projects.yaml"), "- name: X\n  category: nowhere\n");
    assert.equal((await issueForm(dir)).code, 0);
  });

  test("a form without the category dropdown, or no form: exit 1 with what to do", async () => {
    const dir = await workspace("no-dropdown.yml");
    const r = await issueForm(dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: form\.yml has no dropdown with `id: category` under `body`/);
    const missing = await runCli(["issue-form", "--data", ".", "--form", "nope.yml"], { cwd: dir });
    assert.equal(missing.code, 1);
    assert.match(
      missing.stderr,
      /cannot read the issue form nope\.yml \(ENOENT\); give its path with --form/,
    );
    for (const out of [r, missing]) assert.equal(looksLikeCrash(out.stderr), false, out.stderr);
  });

  test("the shipped form has the dropdown the command writes (its content is generated on main)", async () => {
    const text = await readFile(join(ROOT, ".github/ISSUE_TEMPLATE/suggest-project.yml"), "utf8");
    const form = parse(text) as Form;
    const ids = form.body.flatMap((b) => (b.id ? [b.id] : []));
    assert.equal(new Set(ids).size, ids.length, "unique ids");
    const list = options(text);
    assert.equal(list?.at(-1), "Something else");
    // Whatever categories main has today, the command accepts the form as it is.
    assert.doesNotThrow(() => updateIssueForm(text, "suggest-project.yml", ["x"]));
  });
});

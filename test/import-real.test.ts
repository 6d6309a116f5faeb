/**
 * `cooltech import` on the three real lists in ../shared/data-real (read, never
 * copied): counts, spot entries, the result passes `validate` and is what
 * `fmt` leaves alone, and a second import changes nothing.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { formatCatalog } from "../src/edit/format-files.js";
import { importList, sharedHomepageIsError } from "../src/import/run.js";
import { loadCatalog } from "../src/load/catalog.js";
import { validateCatalog } from "../src/validate/index.js";
import { ROOT, removeTemp, runCli, tempDir } from "./helpers/catalog.js";

const REAL = join(ROOT, "../shared/data-real");

interface Entry {
  name: string;
  repo?: string;
  homepage?: string;
  category: string | string[];
  tags?: string[];
  description?: string;
}

/** Imports `file` into a new folder, checks what every import must satisfy, returns the entries. */
async function importOnce(file: string) {
  const dir = await tempDir();
  const result = await importList({ file: join(REAL, file), dataDir: dir, cwd: dir });
  const loaded = await loadCatalog(dir, dir);
  const { diagnostics, catalog } = validateCatalog(loaded);
  assert.deepEqual(
    diagnostics.filter((d) => d.severity === "error"),
    [],
  );
  assert.ok(catalog);
  const fmt = await formatCatalog(dir, true, dir);
  assert.deepEqual(
    fmt.files.filter((f) => f.changed).map((f) => f.file),
    [],
    "fmt would change the imported files",
  );
  // The files as read back (the fast reader gives what `yaml` gives: catalog-fast-yaml.test.ts).
  const projects = loaded.projects.value as Entry[];
  const categories = loaded.categories.value as Array<{ id: string; name: string }>;
  const byName = (name: string) => projects.find((p) => p.name === name);
  return { dir, result, projects, categories, byName };
}

async function importsAgainUnchanged(dir: string, file: string): Promise<void> {
  const before = await Promise.all(
    ["projects.yaml", "categories.yaml"].map((f) => readFile(join(dir, f), "utf8")),
  );
  const again = await importList({ file: join(REAL, file), dataDir: dir, cwd: dir });
  assert.equal(again.imported, 0);
  assert.equal(again.merged, 0);
  assert.equal(again.categoriesAdded, 0);
  assert.deepEqual(again.written, []);
  const after = await Promise.all(
    ["projects.yaml", "categories.yaml"].map((f) => readFile(join(dir, f), "utf8")),
  );
  assert.deepEqual(after, before);
}

const reasons = (r: { notes: Array<{ kind: string; reason: string }> }, kind: string) => {
  const out: Record<string, number> = {};
  for (const n of r.notes) if (n.kind === kind) out[n.reason] = (out[n.reason] ?? 0) + 1;
  return out;
};

describe("import of the real lists", () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await removeTemp(d);
  });

  test("cncf-landscape.yml", async () => {
    const { dir, result, projects, categories, byName } = await importOnce("cncf-landscape.yml");
    dirs.push(dir);
    assert.equal(result.format, "landscape");
    assert.equal(result.items, 2413);
    assert.equal(result.imported, 2383);
    assert.equal(result.merged, 26);
    assert.equal(result.unchanged, 4);
    assert.equal(result.skipped, 0);
    assert.equal(projects.length, 2383);
    assert.equal(categories.length, 80);
    assert.deepEqual(reasons(result, "fix"), {
      "description-cut": 351,
      // Left out while `validate` rejects two entries with one homepage.
      ...(sharedHomepageIsError() && { "homepage-shared": 192 }),
      "http-homepage": 21,
      "repo-not-github": 7,
      "unknown-second-path": 3,
      "name-qualified": 2,
      "name-cleaned": 1,
    });
    // Akri: repo and homepage carried over, in the subcategory's category.
    assert.deepEqual(byName("Akri"), {
      name: "Akri",
      repo: "project-akri/akri",
      homepage: "https://docs.akri.sh",
      category: "automation-configuration",
      description: "A Kubernetes Resource Interface for the Edge",
    });
    // Chaterm has a second_path: a second category.
    assert.deepEqual(byName("Chaterm")?.category, ["automation-configuration", "tools"]);
    assert.ok(categories.some((c) => c.id === "tools" && c.name === "Tools"));
    // A subcategory name used under two categories is qualified by its category.
    assert.ok(categories.some((c) => c.name.endsWith(": Framework")));
    // An item without a repository is still a project when it has a homepage.
    const cloudformation = byName("AWS CloudFormation");
    assert.equal(cloudformation?.repo, undefined);
    assert.equal(cloudformation?.homepage, "https://aws.amazon.com/cloudformation/");
    // Every description fits the schema; at least one long one was cut with an ellipsis.
    assert.ok(projects.every((p) => [...(p.description ?? "")].length <= 200));
    assert.ok(byName("Mlflow")?.description?.endsWith("…"));
    assert.ok(projects.every((p) => p.homepage === undefined || p.homepage.startsWith("https://")));
    // Several categories where the landscape lists a repository twice.
    assert.ok(projects.filter((p) => Array.isArray(p.category)).length >= 26);
    await importsAgainUnchanged(dir, "cncf-landscape.yml");
  });

  test("awesome-go-README.md", async () => {
    const { dir, result, projects, categories, byName } = await importOnce("awesome-go-README.md");
    dirs.push(dir);
    assert.equal(result.format, "awesome");
    assert.equal(result.items, 3033);
    assert.equal(result.imported, 3026);
    assert.equal(result.merged, 7);
    assert.equal(result.skipped, 1);
    assert.deepEqual(reasons(result, "skip"), { "not-an-entry": 1, "table-of-contents": 1 });
    assert.equal(reasons(result, "fix")["name-qualified"], 107);
    assert.equal(projects.length, 3026);
    assert.equal(categories.length, 133);
    assert.deepEqual(byName("Ergo"), {
      name: "Ergo",
      repo: "ergo-services/ergo",
      category: "actor-model",
      description:
        "An actor-based Framework with network transparency for creating event-driven architecture in Golang. Inspired by Erlang.",
    });
    // A non-GitHub main link is the homepage; http:// was upgraded.
    assert.equal(byName("go-joe")?.homepage, "https://joe-bot.net");
    assert.equal(byName("CloudQuery")?.repo, "cloudquery/cloudquery");
    // ### headings are categories, with the paragraph under them as description.
    const advanced = categories.find((c) => c.id === "advanced-console-uis");
    assert.equal(advanced?.name, "Advanced Console UIs");
    // A package name two authors use: the second is qualified by its owner.
    assert.equal(byName("config")?.repo, "JeremyLoy/config");
    assert.ok(projects.some((p) => /^config \(.+\)$/.test(p.name)));
    assert.ok(!categories.some((c) => c.id === "contents"));
    await importsAgainUnchanged(dir, "awesome-go-README.md");
  });

  test("best-of-ml-python-projects.yaml", async () => {
    const { dir, result, projects, categories, byName } = await importOnce(
      "best-of-ml-python-projects.yaml",
    );
    dirs.push(dir);
    assert.equal(result.format, "best-of");
    assert.equal(result.items, 925);
    assert.equal(result.imported, 919);
    assert.equal(result.merged, 5);
    assert.equal(result.skipped, 0);
    assert.equal(categories.length, 35);
    assert.equal(projects.length, 919);
    assert.deepEqual(byName("PyTorch"), {
      name: "PyTorch",
      repo: "pytorch/pytorch",
      category: "ml-frameworks",
      tags: ["pytorch"],
    });
    assert.deepEqual(categories[0], {
      id: "ml-frameworks",
      name: "Machine Learning Frameworks",
      description: "General-purpose machine learning and deep learning frameworks.",
    });
    // Listed under two categories in the source: one entry in both.
    assert.deepEqual(byName("Orbit")?.category?.length, 2);
    await importsAgainUnchanged(dir, "best-of-ml-python-projects.yaml");
  });
});

describe("cooltech import (the command)", () => {
  let dir = "";
  before(async () => {
    dir = await tempDir();
  });
  after(async () => removeTemp(dir));

  test("--json, the job summary, and validate passing on the result", async () => {
    const summary = join(dir, "summary.md");
    const data = join(dir, "data");
    const run = await runCli(
      ["import", join(REAL, "best-of-ml-python-projects.yaml"), "--data", data, "--json"],
      { env: { GITHUB_STEP_SUMMARY: summary } },
    );
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.equal(json.imported, 919);
    assert.equal(json.format, "best-of");
    assert.deepEqual(json.fixes, { "unlisted-category": 1 });
    const md = await readFile(summary, "utf8");
    assert.match(md, /## Import of .*best-of-ml-python-projects\.yaml.* \(best-of\)/);
    assert.match(md, /\| imported \| 919 \|/);
    assert.match(md, /\| fixed: unlisted-category \| 1 \|/);
    const validate = await runCli(["validate", "--data", data]);
    assert.equal(validate.code, 0, validate.stdout);
  });

  test("text report: each fix with the source line; unknown --from; a missing file", async () => {
    const data = join(dir, "data2");
    const run = await runCli([
      "import",
      join(REAL, "best-of-ml-python-projects.yaml"),
      "--data",
      data,
    ]);
    assert.equal(run.code, 0);
    assert.match(
      run.stdout,
      /best-of-ml-python-projects\.yaml:2978: fixed "tensorly": .*\(unlisted-category\)/,
    );
    assert.match(run.stderr, /imported 919, merged 5, unchanged 1/);
    const bad = await runCli(["import", "x.yml", "--from", "csv", "--data", data]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--from must be one of landscape, awesome, best-of/);
    const missing = await runCli(["import", join(dir, "nope.yml"), "--data", data]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.yml: file not found/);
  });
});

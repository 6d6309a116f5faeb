/** The library API (src/index.ts, the package's main export) works without the CLI. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { FIXTURES, ROOT } from "./helpers/catalog.js";

test('`import ... from "cooltech"` gives the typed functions behind the commands', async () => {
  const api = await import("cooltech");
  for (const name of [
    "loadCatalog",
    "validateCatalog",
    "buildDirectory",
    "formatCatalog",
    "addProject",
    "generateDirectory",
    "indexKnown",
    "serializeDirectory",
    "readDirectory",
    "parseYaml",
    "formatText",
    "formatGithub",
    "formatJson",
    "summaryLine",
    "hasErrors",
    "compareProjects",
    "normalizeRepo",
  ]) {
    assert.equal(typeof (api as Record<string, unknown>)[name], "function", name);
  }
});

test("load, validate, format and generate through the library", async () => {
  const { loadCatalog, validateCatalog, formatText, formatJson, generateDirectory, indexKnown } =
    await import("../src/index.js");
  const dir = join(FIXTURES, "rules/unknown-category/error0");
  const { diagnostics, catalog } = validateCatalog(await loadCatalog(dir, dir));
  assert.equal(catalog, null);
  assert.match(formatText(diagnostics), /^projects\.yaml:4:13 error unknown category/);
  assert.equal(JSON.parse(formatJson(diagnostics)).length, 1);

  const seed = validateCatalog(await loadCatalog(join(FIXTURES, "seed"), ROOT));
  assert.ok(seed.catalog, "the seed catalog is valid");
  assert.equal(seed.catalog.projects.length, 7);
  const directory = generateDirectory(seed.catalog, indexKnown(null), null);
  assert.equal(directory.projects.length, seed.catalog.projects.length);
  assert.equal(directory.refreshedAt, null);
});

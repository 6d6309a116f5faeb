/**
 * The precompiled validators (src/validate/compiled-schemas.ts) match the
 * schema files and behave exactly like Ajv compiling the schemas at run time.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import {
  compiledSchemasPath,
  compiledSchemasSource,
  formatWithBiome,
  PRECOMPILED,
} from "../scripts/compile-schemas.js";
import { createAjv } from "../src/core/ajv.js";
import { precompiled } from "../src/core/generated/compiled-schemas.js";
import { readSchemaText, schemaValidator, sha256 } from "../src/core/schema.js";

const REGENERATE = "run `npm run schemas:compile`";

test("compiled-schemas.ts is generated from the current schema files", async () => {
  for (const name of PRECOMPILED) {
    assert.equal(precompiled[name].sha256, sha256(readSchemaText(name)), `${name}: ${REGENERATE}`);
    assert.equal(schemaValidator(name), precompiled[name].validate, `${name} is precompiled`);
  }
  const fresh = formatWithBiome(compiledSchemasSource(), compiledSchemasPath);
  assert.equal(await readFile(compiledSchemasPath, "utf8"), fresh, REGENERATE);
});

const samples: Record<(typeof PRECOMPILED)[number], unknown[]> = {
  projects: [
    [{ name: "Falco", category: "security", repo: "falcosecurity/falco" }],
    [{ name: " x", colour: 1, tags: ["A", "a", "a"], homepage: "javascript:alert(1)" }],
    [{ name: "x".repeat(101), category: "Bad", repo: "https://github.com/a/b" }, "text", null],
    { name: "not a list" },
  ],
  categories: [[{ id: "security", name: "Security", description: "d" }], [], [{ id: "A" }]],
  directory: [
    { $schema: "x", refreshedAt: null, categories: [], projects: [] },
    { $schema: "x", refreshedAt: "yesterday", categories: [{}], projects: [{ github: {} }] },
  ],
  changes: [
    { $schema: "x", events: [] },
    {
      $schema: "x",
      events: [
        {
          id: "0123456789abcdef",
          at: "2026-01-01T00:00:00Z",
          type: "stars",
          name: "a",
          repo: null,
          milestone: 1000,
        },
        { id: "xyz", at: "now", type: "born", name: 1, url: "javascript:x", milestone: 3 },
      ],
    },
  ],
  config: [
    { title: "My List", tagline: "Tools we like.", url: "https://me.github.io/list/" },
    {},
    { title: "", tagline: "a\nb", url: "http://x.org", colour: 1 },
    ["not a mapping"],
  ],
};

test("precompiled and run-time compiled validators report the same errors", () => {
  const ajv = createAjv();
  for (const name of PRECOMPILED) {
    const runtime = ajv.compile(JSON.parse(readSchemaText(name)));
    for (const value of samples[name]) {
      const pre = precompiled[name].validate;
      assert.equal(pre(value), runtime(value), `${name}: ${JSON.stringify(value)}`);
      assert.deepEqual(pre.errors ?? null, runtime.errors ?? null);
    }
  }
});

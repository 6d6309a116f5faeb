/**
 * One fixture folder per rule and outcome (test/fixtures/catalog/rules/<rule>/
 * error0, valid0, ...), each with projects.yaml and categories.yaml. Results
 * are reduced to {file, line, column, rule} and compared whole, so a
 * diagnostic too many, too few or in the wrong place fails.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { Diagnostic } from "../src/core/diagnostic.js";
import { loadCatalog } from "../src/load/catalog.js";
import { validateCatalog } from "../src/validate/index.js";
import { rules } from "../src/validate/rules/index.js";
import { at, FIXTURES, type Located, reduce } from "./helpers/catalog.js";

const P = "projects.yaml";
const C = "categories.yaml";

/** What each fixture must report: exactly these, in this order. Valid fixtures report nothing. */
const expected: Record<string, Located[]> = {
  "schema/error0": [at(P, 3, 3, "schema")],
  "schema/error1": [at(P, 1, 3, "schema"), at(P, 1, 3, "schema")],
  "schema/error2": [at(P, 1, 9, "schema"), at(P, 3, 9, "schema"), at(P, 4, 3, "schema")],
  "schema/error3": [at(P, 2, 9, "schema"), at(P, 5, 9, "schema")],
  "schema/error4": [at(P, 2, 13, "schema"), at(P, 5, 13, "schema"), at(P, 8, 13, "schema")],
  "schema/error5": [at(P, 3, 10, "schema"), at(P, 6, 22, "schema"), at(P, 9, 9, "schema")],
  "schema/error6": [at(P, 3, 16, "schema"), at(P, 6, 16, "schema")],
  "schema/error7": [at(C, 1, 7, "schema"), at(C, 1, 7, "unused-category"), at(C, 4, 3, "schema")],
  "duplicate-key/error0": [at(P, 3, 3, "duplicate-key")],
  "duplicate-key/error1": [at(C, 4, 3, "duplicate-key")],
  "yaml-syntax/error0": [at(P, 3, 1, "yaml-syntax")],
  "yaml-syntax/error1": [at(P, 2, 1, "yaml-syntax")],
  "yaml-syntax/error2": [at(P, 3, 1, "yaml-syntax")],
  "unknown-category/error0": [at(P, 4, 13, "unknown-category")],
  "unknown-category/error1": [at(P, 2, 13, "unknown-category")],
  "duplicate-name/error0": [at(P, 4, 9, "duplicate-name")],
  "duplicate-repo/error0": [at(P, 5, 9, "duplicate-repo")],
  "duplicate-repo/error1": [at(P, 5, 9, "duplicate-repo"), at(P, 5, 9, "schema")],
  "duplicate-homepage/warning0": [at(P, 5, 13, "duplicate-homepage")],
  "duplicate-category/error0": [at(C, 4, 7, "duplicate-category")],
  "sort-order/error0": [at(P, 3, 3, "sort-order")],
  "sort-order/error1": [at(P, 1, 3, "sort-order")],
  "unused-category/warning0": [at(C, 4, 7, "unused-category")],
};

/** What the messages must say (how to fix it), per fixture, in diagnostic order. */
const messages: Record<string, RegExp[]> = {
  "schema/error0": [
    /unknown key "descripton" \(did you mean `description`\?\); allowed keys: name,/,
  ],
  "schema/error1": [/missing required key `name`/, /missing required key `category`/],
  "schema/error2": [
    /`name` must be a string, not a number/,
    /`tags` must be an? list, not a string/,
    /each entry must be a mapping of keys/,
  ],
  "schema/error3": [
    /`repo` must be `owner\/name`, not a URL: write `falcosecurity\/falco`/,
    /`repo` "not a repo" is not a GitHub `owner\/name`/,
  ],
  "schema/error4": [
    /"http:\/\/a.io\/" must be an https URL/,
    /"javascript:alert\(1\)" must be an https URL/,
    /"https:\/\/u:p@c.io\/" must be an https URL without user name or password/,
  ],
  "schema/error5": [
    /tag "Runtime" must be lowercase kebab-case/,
    /`tags` lists "dup" twice; remove the repeat/,
    /`tags` has 11 items; keep at most 10/,
  ],
  "schema/error6": [
    /`description` is 201 characters long; shorten it to at most 200/,
    /`description` must not be empty/,
  ],
  "schema/error7": [
    /`id` "Security" must be a lowercase kebab-case id/,
    /has no projects/,
    /`description`/,
  ],
  "duplicate-key/error0": [/the key "name" appears twice in this mapping; remove or rename/],
  "yaml-syntax/error1": [/tabs are not allowed in the indentation; indent with spaces/],
  "yaml-syntax/error2": [/remove the `---` separator/],
  "unknown-category/error0": [
    /unknown category `securty` \(did you mean `security`\?\); use an id/,
  ],
  "unknown-category/error1": [/^unknown category `databases`; use an id from categories.yaml/],
  "duplicate-name/error0": [/name "falco" is already used at line 1 \("Falco"\)/],
  "duplicate-repo/error0": [/repo "FalcoSecurity\/Falco" is already used at line 2 \("Falco"\)/],
  "duplicate-homepage/warning0": [
    /homepage "https:\/\/Falco.org" is also used at line 2 .*; fine when one site covers several projects/,
  ],
  "duplicate-category/error0": [/category id "security" is already used at line 1/],
  "sort-order/error0": [/^"Zulu" is out of order .*: it belongs after "Delta"; run `cooltech fmt`/],
  "sort-order/error1": [/^"Rook" is out of order .*: it belongs after "Falco"/],
  "unused-category/warning0": [
    /^category `storage` has no projects; add one or remove the category$/,
  ],
};

/** Rules that warn: they never fail validation. */
const WARNINGS = new Set(["unused-category", "duplicate-homepage"]);

async function check(fixture: string): Promise<Diagnostic[]> {
  const dir = join(FIXTURES, "rules", fixture);
  return validateCatalog(await loadCatalog(dir, dir)).diagnostics;
}

const rulesDir = join(FIXTURES, "rules");
const fixtures = readdirSync(rulesDir).flatMap((rule) =>
  readdirSync(join(rulesDir, rule)).map((name) => `${rule}/${name}`),
);

describe("rule fixtures", () => {
  for (const fixture of fixtures) {
    test(fixture, async () => {
      const diagnostics = await check(fixture);
      const want = fixture.includes("/valid") ? [] : expected[fixture];
      assert.ok(want, `no expectation written for ${fixture}`);
      assert.deepEqual(reduce(diagnostics), want);
      const rule = fixture.split("/")[0];
      if (!fixture.includes("/valid")) {
        assert.ok(
          diagnostics.some((d) => d.rule === rule),
          `${fixture} must exercise rule ${rule}`,
        );
      }
      const patterns = messages[fixture] ?? [];
      patterns.forEach((re, i) => {
        assert.match(diagnostics[i]?.message ?? "", re);
      });
      for (const d of diagnostics) {
        assert.equal(d.severity, WARNINGS.has(d.rule) ? "warning" : "error", d.message);
      }
    });
  }

  test("every rule has an error fixture and a valid fixture", () => {
    const ids = ["schema", "duplicate-key", "yaml-syntax", ...rules.map((r) => r.id)];
    for (const id of ids) {
      assert.ok(
        fixtures.some((f) => f.startsWith(`${id}/error`) || f.startsWith(`${id}/warning`)),
        `no error fixture for ${id}`,
      );
      assert.ok(fixtures.includes(`${id}/valid0`), `no valid fixture for ${id}`);
    }
  });
});

describe("all problems in one run", () => {
  test("a file with many different mistakes reports every one of them", async () => {
    const diagnostics = await check("../many");
    assert.deepEqual(reduce(diagnostics), [
      at(C, 7, 7, "unused-category"),
      at(P, 2, 13, "unknown-category"),
      at(P, 5, 3, "schema"),
      at(P, 6, 3, "sort-order"),
      at(P, 9, 13, "schema"),
      at(P, 13, 10, "schema"),
      at(P, 18, 9, "duplicate-name"),
      at(P, 19, 9, "duplicate-repo"),
      at(P, 20, 13, "duplicate-homepage"),
      at(P, 22, 3, "schema"),
      at(P, 25, 9, "schema"),
    ]);
  });
});

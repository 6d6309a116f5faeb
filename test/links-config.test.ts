import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { linkConfigFrom } from "../src/links/config.js";
import { loadLinkConfig, skipRuleFor } from "../src/links/index.js";
import { parseYaml } from "../src/load/yaml-source.js";

const fixtures = fileURLToPath(new URL("../../test/fixtures/links/", import.meta.url));

const brief = (d: { line: number; column: number; rule: string; message: string }) =>
  `${d.line}:${d.column} ${d.rule} ${d.message}`;

test("the fixture config is read with located rules", async () => {
  const config = await loadLinkConfig(`${fixtures}data/link-check.yaml`, { cwd: fixtures });
  assert.deepEqual(config.diagnostics, []);
  assert.deepEqual(
    config.skip.map((r) => [r.host, r.file, r.line, r.column]),
    [
      ["npmjs.com", "data/link-check.yaml", 3, 11],
      ["skipped.example", "data/link-check.yaml", 5, 11],
    ],
  );
});

test("schema problems are located and say how to fix them", async () => {
  const config = await loadLinkConfig(`${fixtures}config/invalid.yaml`, { cwd: fixtures });
  assert.deepEqual(config.skip, []);
  assert.deepEqual(config.diagnostics.map(brief), [
    "2:11 schema `host` must be a lowercase host name without scheme, port or path, e.g. `npmjs.com`",
    "4:5 schema missing `reason`; each skip entry needs a host and the reason",
    '7:5 schema unknown key "note"; allowed: host, reason',
    '8:1 schema unknown key "unknown"; allowed: skip',
  ]);
  assert.ok(config.diagnostics.every((d) => d.file === "config/invalid.yaml"));
});

test("a host listed twice is an error at the second one", () => {
  const text =
    "skip:\n  - host: npmjs.com\n    reason: first\n  - host: npmjs.com\n    reason: second\n";
  const config = linkConfigFrom(parseYaml(text, "link-check.yaml"));
  assert.deepEqual(config.diagnostics.map(brief), [
    '4:11 duplicate-host host "npmjs.com" is listed twice; keep one entry',
  ]);
  assert.deepEqual(config.skip, []);
});

test("the default config may be missing, an explicit --config may not", async () => {
  const absent = await loadLinkConfig(`${fixtures}nowhere/link-check.yaml`, { cwd: fixtures });
  assert.deepEqual(absent, { file: "nowhere/link-check.yaml", skip: [], diagnostics: [] });
  const required = await loadLinkConfig(`${fixtures}nowhere/link-check.yaml`, {
    cwd: fixtures,
    required: true,
  });
  assert.equal(required.diagnostics.length, 1);
  assert.equal(required.diagnostics[0]?.severity, "error");
  assert.match(required.diagnostics[0]?.message ?? "", /file not found/);
});

test("an empty config skips nothing", () => {
  const config = linkConfigFrom(parseYaml("# nothing yet\n", "link-check.yaml"));
  assert.deepEqual(config, { file: "link-check.yaml", skip: [], diagnostics: [] });
});

test("a skip rule covers its host and subdomains, not look-alikes", () => {
  const rules = [{ host: "npmjs.com", reason: "r", file: "f", line: 1, column: 1 }];
  assert.equal(skipRuleFor(rules, "npmjs.com")?.host, "npmjs.com");
  assert.equal(skipRuleFor(rules, "www.npmjs.com")?.host, "npmjs.com");
  assert.equal(skipRuleFor(rules, "WWW.NPMJS.COM")?.host, "npmjs.com");
  assert.equal(skipRuleFor(rules, "notnpmjs.com"), undefined);
  assert.equal(skipRuleFor(rules, "npmjs.com.evil.example"), undefined);
});

/**
 * A curator's `maintenance:` in projects.yaml: invalid values located at
 * file:line:col with a fix, `cooltech fmt` writing it as a block mapping
 * (status, then note), the fast reader agreeing with `yaml` on it, and the
 * editor schema offering it. Never reads data/.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { parseDocument } from "yaml";
import { editorSchema } from "../src/generate/editor-schema.js";
import { readCanonicalList } from "../src/load/fast-yaml.js";
import { CATEGORIES, removeTemp, runCli, tempData } from "./helpers/catalog.js";

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));

async function catalog(projects: string): Promise<string> {
  const dir = await tempData({ "projects.yaml": projects, "categories.yaml": CATEGORIES });
  temps.push(dir);
  return dir;
}

const entry = (name: string, maintenance: string) =>
  `- name: ${name}\n  repo: o/${name.toLowerCase()}\n  category: security\n${maintenance}`;

const INVALID = [
  entry("A", "  maintenance:\n    status: feature-complet\n"),
  entry("B", "  maintenance: stable\n"),
  entry("C", "  maintenance:\n    note: forgot the status\n"),
  entry("D", "  maintenance:\n    status: active\n    reason: still used\n"),
  entry("E", "  maintenance:\n    status: archived\n"),
  entry("F", `  maintenance:\n    status: deprecated\n    note: ${"n".repeat(121)}\n`),
  entry("G", '  maintenance:\n    status: deprecated\n    note: " leading space"\n'),
  entry("H", '  maintenance:\n    status: deprecated\n    note: "a\\u202Eb"\n'),
  entry("I", "  maintenance:\n    status: deprecated\n    note: 5\n"),
  entry("J", "  maintainance:\n    status: active\n"),
].join("");

/** Where `needle` starts in `text` (1-based line:column), for readable expectations. */
function at(text: string, needle: string, from = 0): string {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i).split("\n");
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

describe("validate", () => {
  test("each invalid maintenance value is located, with the fix", async () => {
    const dir = await catalog(INVALID);
    const r = await runCli(["validate", "--data", "."], { cwd: dir });
    assert.equal(r.code, 1);
    const t = INVALID;
    const lines = r.stdout
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("projects.yaml"));
    const expected = [
      `${at(t, "feature-complet")} error \`status\` \`feature-complet\` is not a maintenance status (did you mean \`feature-complete\`?); use one of: active, feature-complete, deprecated, inactive (schema)`,
      `${at(t, "stable")} error \`maintenance\` must be a mapping, not the text "stable"; write \`maintenance:\` then, indented under it, \`status: feature-complete\` and \`note: stable; no changes needed\` (schema)`,
      `${at(t, "note: forgot")} error \`maintenance\` needs a \`status\`: add \`status: feature-complete\` (or \`active\`, \`deprecated\`, \`inactive\`) under it (schema)`,
      `${at(t, "reason:")} error unknown key "reason" in \`maintenance\`; allowed keys: status, note (schema)`,
      `${at(t, "archived")} error \`status\` \`archived\` is not a maintenance status; use one of: active, feature-complete, deprecated, inactive (schema)`,
      `${at(t, "nnnn")} error \`note\` is 121 characters long; shorten it to at most 120 (schema)`,
      `${at(t, '" leading')} error \`note\` " leading space" must be one line of text without leading or trailing spaces, control or invisible characters (schema)`,
      `${at(t, '"a\\u202E')} error \`note\` "a\\u202eb" must be one line of text without leading or trailing spaces, control or invisible characters (schema)`,
      `${at(t, "note: 5").replace(/:\d+$/, ":11")} error \`note\` must be text, not a number (5); quote it, e.g. \`note: "stable; no changes needed"\` (schema)`,
      `${at(t, "maintainance")} error unknown key "maintainance" (did you mean \`maintenance\`?); allowed keys: name, repo, homepage, category, tags, description, maintenance (schema)`,
    ].map((l) => `projects.yaml:${l}`);
    assert.deepEqual(lines, expected);
  });

  test("build sets the invalid entries aside (exit 5) and writes the valid ones", async () => {
    const valid = entry("Z", "  maintenance:\n    status: inactive\n    note: moved to a fork\n");
    const dir = await catalog(INVALID + valid);
    const r = await runCli(["build", "--data", "."], { cwd: dir });
    assert.equal(r.code, 5, r.stderr);
    const d = JSON.parse(await readFile(join(dir, "directory.json"), "utf8"));
    assert.deepEqual(
      d.projects.map((p: { name: string; maintenance: unknown }) => [p.name, p.maintenance]),
      [["Z", { status: "inactive", note: "moved to a fork", source: "curator" }]],
    );
  });
});

describe("fmt", () => {
  const FLOW = `- name: Done
  repo: o/done
  category: security
  maintenance: { note: "stable, finished", status: feature-complete } # kept
- name: Later
  maintenance:
    note: keys out of order
    status: deprecated
  repo: o/later
  category: security
`;
  const CANONICAL = `- name: Done
  repo: o/done
  category: security
  maintenance:
    status: feature-complete
    note: stable, finished
    # kept
- name: Later
  repo: o/later
  category: security
  maintenance:
    status: deprecated
    note: keys out of order
`;

  test("writes maintenance last, as a block mapping, status then note; --check says where", async () => {
    const dir = await catalog(FLOW);
    const check = await runCli(["fmt", "--check", "--data", "."], { cwd: dir });
    assert.equal(check.code, 1);
    assert.match(
      check.stdout,
      /^projects\.yaml:4:16 would change: maintenance written as a block mapping \(status, then note\)$/m,
    );
    assert.match(check.stdout, /^projects\.yaml:5:3 would change: keys put in canonical order$/m);
    assert.match(
      check.stdout,
      /^projects\.yaml:7:5 would change: maintenance keys put in canonical order \(status, then note\)$/m,
    );
    assert.doesNotMatch(check.stdout, /quoting or layout/, "every change explained");
    const r = await runCli(["fmt", "--data", "."], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const text = await readFile(join(dir, "projects.yaml"), "utf8");
    assert.equal(text, CANONICAL);
    assert.equal((await runCli(["fmt", "--check", "--data", "."], { cwd: dir })).code, 0);
    assert.equal((await runCli(["validate", "--data", "."], { cwd: dir })).code, 0);
    // The layout fmt writes is read without the full parser, to the same value.
    assert.deepEqual(readCanonicalList(text), parseDocument(text).toJS());
  });
});

describe("the fast reader", () => {
  const agrees = (text: string) => {
    const fast = readCanonicalList(text);
    const doc = parseDocument(text, { uniqueKeys: true });
    if (fast !== undefined) {
      assert.deepEqual(doc.errors, [], text);
      assert.deepEqual(fast, doc.toJS(), text);
    }
    return fast !== undefined;
  };

  test("reads a mapping one level down like yaml does; anything else goes to the full parser", () => {
    const accepted = [
      "- name: a\n  maintenance:\n    status: active\n    note: 'it''s fine: really'\n  tags: [x]\n",
      "- maintenance:\n    status: active\n  name: a\n",
      '- name: a\n  maintenance:\n    # why\n    status: active\n\n    note: "q \\" x" # c\n- name: b\n',
    ];
    for (const t of accepted) assert.equal(agrees(t), true, t);
    const refused = [
      "- name: a\n  maintenance:\n- name: b\n", // an empty key is null, not a mapping
      "- name: a\n  maintenance:\n", // likewise at the end
      "- name: a\n  maintenance:\n     status: active\n", // five spaces
      "- name: a\n  maintenance:\n   status: active\n", // three
      "- name: a\n  description: x\n    status: active\n", // under a key with a value
      "- name: a\n    status: active\n",
      "- name: a\n  maintenance:\n    status:\n      deep: x\n", // two levels
      "- name: a\n  maintenance:\n    status: a\n    status: b\n", // a repeated key
      "- name: a\n  maintenance:\n    just text\n",
    ];
    for (const t of refused) assert.equal(agrees(t), false, t);
  });
});

describe("the editor schema", () => {
  test("offers maintenance with its statuses, a hover and a snippet in the canonical layout", () => {
    const schema = editorSchema([{ id: "security", name: "Security", description: "x" }]);
    const props = (
      schema.$defs as { project: { properties: Record<string, Record<string, unknown>> } }
    ).project.properties;
    const m = props.maintenance as {
      markdownDescription: string;
      required: string[];
      properties: Record<string, { enum?: string[]; maxLength?: number }>;
      defaultSnippets: Array<{ body: Record<string, string> }>;
    };
    assert.deepEqual(m.required, ["status"]);
    assert.deepEqual(m.properties.status?.enum, [
      "active",
      "feature-complete",
      "deprecated",
      "inactive",
    ]);
    assert.equal(m.properties.note?.maxLength, 120);
    assert.match(m.markdownDescription, /feature-complete/);
    assert.deepEqual(Object.keys(m.defaultSnippets[0]?.body ?? {}), ["status", "note"]);
  });
});

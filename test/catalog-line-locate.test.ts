/**
 * The line-based locator (used when a canonical file is too large for a
 * syntax tree) gives the same positions as the `yaml` tree, on every path a
 * problem can be reported at.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { makeProjects } from "../bench/catalog-data.js";
import { lineCounterOf, lineLocator } from "../src/load/line-locate.js";
import { keyPosition, positionOf } from "../src/load/locate.js";
import { parseYaml, type YamlSource } from "../src/load/yaml-source.js";

const KEYS = ["name", "repo", "homepage", "category", "tags", "description", "missing"];

function withLocator(source: YamlSource): YamlSource {
  const text = source.text;
  return {
    file: source.file,
    path: source.path,
    text,
    lineCounter: lineCounterOf(text),
    locator: lineLocator(text, lineCounterOf(text).lineStarts),
    get doc(): YamlSource["doc"] {
      throw new Error("the locator must not build the tree");
    },
  };
}

/** The same source located from its syntax tree only (no line locator). */
function treeOnly(source: YamlSource): YamlSource {
  const doc = source.doc;
  return {
    file: source.file,
    path: source.path,
    text: source.text,
    lineCounter: source.lineCounter,
    doc,
  };
}

/**
 * Compares, on every path a problem can be reported at, the tree with the
 * locator alone and with what parseYaml gives (the lines for an entry's own
 * keys, the tree for a mapping one level down).
 */
function compare(text: string, keys: readonly string[] = KEYS): number {
  const parsed = parseYaml(text, "projects.yaml");
  assert.ok(parsed.source && Array.isArray(parsed.value), "a canonical list");
  assert.equal(parsed.source.locator, undefined, "small enough for the tree");
  assert.ok(parsed.source.lines, "read without a tree, located from its lines");
  const tree = treeOnly(parsed.source);
  const lines = withLocator(tree);
  const read = parsed.source;
  let checked = 0;
  /** `nested`: a path into a mapping one level down, which the locator alone does not know. */
  const same = (path: Array<string | number>, key?: string, nested = false) => {
    const where = `${JSON.stringify(path)} ${key ?? ""} in ${JSON.stringify(text.slice(0, 200))}`;
    const a = key === undefined ? positionOf(tree, path) : keyPosition(tree, path, key);
    const b = key === undefined ? positionOf(lines, path) : keyPosition(lines, path, key);
    const c = key === undefined ? positionOf(read, path) : keyPosition(read, path, key);
    if (!nested && !keys.includes("maintenance")) assert.deepEqual(b, a, where);
    assert.deepEqual(c, a, `parseYaml's source: ${where}`);
    checked++;
  };
  const n = (parsed.value as unknown[]).length;
  same([]);
  for (let i = 0; i <= n; i++) {
    same([i]);
    for (const key of keys) {
      same([i, key]);
      same([i], key);
      for (let j = 0; j < 4; j++) same([i, key, j]);
      for (const inner of ["status", "note", "missing"]) {
        same([i, key, inner], undefined, true);
        same([i, key], inner, true);
      }
    }
  }
  return checked;
}

test("the locator agrees with the tree on a generated catalog", () => {
  const text = makeProjects(60)
    .map((p) =>
      Object.entries(p)
        .map(
          ([k, v], i) =>
            `${i === 0 ? "- " : "  "}${k}: ${Array.isArray(v) ? `[${v.join(", ")}]` : JSON.stringify(v)}`,
        )
        .join("\n"),
    )
    .join("\n");
  assert.ok(compare(`${text}\n`) > 1000);
});

test("the locator agrees with the tree on comments, blank lines, quotes and odd spacing", () => {
  for (const text of [
    "# header\n\n- name: Falco\n  category: security\n\n  # a comment\n  tags: []\n- name: Rook\n  tags: [a,b,   c]\n",
    "- name: 'It''s'\n  description: \"quoted: yes\"   # trailing\n  tags:    [x, y]\n",
    "- name:    spaced\n  category: a\n- name: b\n",
  ]) {
    compare(text);
  }
});

test("parseYaml's source: a mapping one level down is located from the tree, the rest from the lines", () => {
  const text =
    "- name: Falco\n  category: security\n  maintenance:\n    status: inactive\n    note: no release since 2019\n  tags: [a, b]\n- maintenance:\n    status: active\n  name: Rook\n";
  assert.ok(compare(text, [...KEYS, "maintenance", "status"]) > 100);
  // An entry's own keys and list items never build the tree.
  const parsed = parseYaml(text, "projects.yaml");
  const source = parsed.source as YamlSource;
  let built = false;
  const watched = Object.create(source, {
    doc: {
      get() {
        built = true;
        return source.doc;
      },
    },
  }) as YamlSource;
  positionOf(watched, [0, "tags", 1]);
  keyPosition(watched, [1], "missing");
  positionOf(watched, [5]);
  assert.equal(built, false);
  positionOf(watched, [0, "maintenance", "note"]);
  assert.equal(built, true);
});

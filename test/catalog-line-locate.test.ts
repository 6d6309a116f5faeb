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

function compare(text: string): number {
  const parsed = parseYaml(text, "projects.yaml");
  assert.ok(parsed.source && Array.isArray(parsed.value), "a canonical list");
  assert.equal(parsed.source.locator, undefined, "small enough for the tree");
  const tree = parsed.source;
  const lines = withLocator(tree);
  let checked = 0;
  const same = (path: Array<string | number>, key?: string) => {
    const a = key === undefined ? positionOf(tree, path) : keyPosition(tree, path, key);
    const b = key === undefined ? positionOf(lines, path) : keyPosition(lines, path, key);
    assert.deepEqual(
      b,
      a,
      `${JSON.stringify(path)} ${key ?? ""} in ${JSON.stringify(text.slice(0, 200))}`,
    );
    checked++;
  };
  const n = (parsed.value as unknown[]).length;
  same([]);
  for (let i = 0; i <= n; i++) {
    same([i]);
    for (const key of KEYS) {
      same([i, key]);
      same([i], key);
      for (let j = 0; j < 4; j++) same([i, key, j]);
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

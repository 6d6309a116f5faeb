/**
 * The fast reader of source lists (src/import/simple-yaml.ts) against `yaml`:
 * whenever it accepts a text it must read the same value, and each mapping's
 * line must be where `yaml` puts it. Checked on the real lists and on tricky
 * snippets (block scalars, continuation lines, quoting, comments).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { isMap, LineCounter, parseDocument, visit } from "yaml";
import { readSimpleYaml } from "../src/import/simple-yaml.js";
import { ROOT } from "./helpers/catalog.js";

/** The invariant; returns whether the fast reader accepted the text. */
function agrees(text: string): boolean {
  const fast = readSimpleYaml(text);
  if (fast === undefined) return false;
  const where = JSON.stringify(text.slice(0, 200));
  const doc = parseDocument(text);
  assert.deepEqual(doc.errors, [], `yaml finds errors in an accepted text: ${where}`);
  // What `parse(text)` returns, without parsing the text a second time.
  assert.deepEqual(fast.value, doc.toJS(), `different values for ${where}`);
  return true;
}

/** Lines of every mapping, in document order, as yaml (`doc`) and the fast reader (`read`) see them. */
function mappingLines(
  read: ReturnType<typeof readSimpleYaml>,
  lineCounter: LineCounter,
  doc: ReturnType<typeof parseDocument>,
): { yaml: number[]; fast: number[] } {
  const yaml: number[] = [];
  visit(doc, {
    Map(_, node) {
      if (isMap(node)) yaml.push(lineCounter.linePos(node.range?.[0] ?? 0).line);
    },
  });
  const fast: number[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") {
      fast.push(read?.lines.get(v) ?? -1);
      Object.values(v).forEach(walk);
    }
  };
  walk(read?.value);
  return { yaml, fast };
}

describe("fast reader of source lists", () => {
  test("the real landscape.yml: same value and mapping lines as yaml", () => {
    const text = readFileSync(join(ROOT, "../shared/data-real/cncf-landscape.yml"), "utf8");
    // agrees(), with yaml's reading parsed once for the value and the lines (a 1.1 MB file).
    const fast = readSimpleYaml(text);
    assert.ok(fast, "the fast reader accepts the landscape");
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(fast.value, doc.toJS());
    const lines = mappingLines(fast, lineCounter, doc);
    assert.deepEqual(lines.fast, lines.yaml);
  });

  test("the real best-of projects section", () => {
    const text = readFileSync(
      join(ROOT, "../shared/data-real/best-of-ml-python-projects.yaml"),
      "utf8",
    );
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.startsWith("projects:"));
    assert.ok(agrees(lines.slice(at).join("\n")));
    // The whole file has a flow list over several lines: left to yaml.
    assert.equal(readSimpleYaml(text), undefined);
  });

  test("tricky snippets: accepted only where yaml reads the same", () => {
    const accepted = [
      "a: b\n",
      "a:\n  - x: 1\n    y: two\n  - x: 3\n",
      "a: |\n  line one\n  line two\nb: c\n",
      "a: |-\n  one\n\n  two\n",
      "a: >\n  folded\n  text\n\n  para\n",
      "a: >-\n  keep\n    indented\n  back\n",
      "k: |2-\n    two more\n",
      "a: plain\n  continued here\nb: c\n",
      "a: 'it''s'\nb: \"q \\\" \\u00e9\"\n",
      "a: [x, 'y', \"z\"]\nb: []\n",
      "a: x # comment\n# full line\nb: ~\nc: true\nd: 12\ne: 1.5\n",
      "a: text\u00a0\n",
      "- item:\n  name: n\n",
    ];
    for (const text of accepted) assert.ok(agrees(text), JSON.stringify(text));
    const declined = [
      "a: &x 1\nb: *x\n",
      "a: {b: c}\n",
      "a: 'two\n  lines'\n",
      "a:\n- b\n",
      "a: b\n  c: d\n",
      "a: !tag x\n",
      "\ta: b\n",
      "---\na: b\n",
      "a: 0x1f\n",
      "a: b\na: c\n",
      "a: |+\n  keep\n\n",
      "- k: |2-\n    two more\n",
    ];
    for (const text of declined) {
      assert.equal(readSimpleYaml(text), undefined, JSON.stringify(text));
    }
  });
});

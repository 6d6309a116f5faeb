/**
 * The fast reader of canonical catalogs (src/load/fast-yaml.ts) against the
 * `yaml` package: whenever it accepts a text, yaml must parse that text
 * without error or warning into the same value. Checked on the committed
 * data, the fixtures, a generated catalog, tricky values and random files.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parseDocument } from "yaml";
import { makeProjects } from "../bench/catalog-data.js";
import { readCanonicalList } from "../src/load/fast-yaml.js";
import { parseYaml } from "../src/load/yaml-source.js";
import { ROOT } from "./helpers/catalog.js";

/** The invariant. Returns whether the fast reader accepted the text. */
function agrees(text: string): boolean {
  const fast = readCanonicalList(text);
  if (fast === undefined) return false;
  const doc = parseDocument(text, { uniqueKeys: true });
  const where = JSON.stringify(text.slice(0, 300));
  assert.deepEqual(doc.errors, [], `yaml finds errors in an accepted text: ${where}`);
  assert.deepEqual(doc.warnings, [], `yaml warns about an accepted text: ${where}`);
  assert.deepEqual(fast, doc.toJS(), `different values for ${where}`);
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith(".yaml") ? [path] : [];
  });
}

const TRICKY = [
  "Falco",
  "true",
  "True",
  "TRUE",
  "false",
  "yes",
  "no",
  "on",
  "off",
  "null",
  "Null",
  "~",
  "",
  "123",
  "-1",
  "+1",
  "0o17",
  "0x1F",
  "0755",
  "1.5",
  ".5",
  "1.",
  "1e3",
  "1E-3",
  ".inf",
  "-.Inf",
  ".nan",
  "1_000",
  "2001-12-14",
  "12:30",
  '"quoted"',
  "'single'",
  "'it''s'",
  "''",
  '""',
  '"esc\\n"',
  '"a # b"',
  "a # comment",
  "a#b",
  "a: b",
  "a:",
  "http://x.io/",
  "https://a.io/?q=1#top",
  "[a, b]",
  "[]",
  "[ ]",
  "[ a ]",
  "[a,b]",
  "[a, b,]",
  '[a, "b"]',
  "[1, 2]",
  "[a, [b]]",
  "[a] b",
  "{a: 1}",
  "&anchor x",
  "*alias",
  "!tag x",
  "!!str 1",
  "|",
  ">",
  "|-",
  "- x",
  "? x",
  "%x",
  "@x",
  "`x`",
  "x   ",
  "'x' # c",
  '"x"#c',
  "'x'x",
  "Zürich",
  "C# rocks",
  "a ]",
  "a, b",
  "-x",
  ":x",
  "x:y",
  '"unterminated',
  "'unterminated",
  "a\u00a0",
  "\u00a0a",
  "[a\u00a0]",
  "日本",
  "a  #  b",
  "#",
  " #",
  "a'b",
  'a"b',
  "-",
  "--",
  "---",
  "...",
  "a ...",
  "[v1.0, 1.0]",
  "[.inf]",
  "[~]",
];

describe("fast reader of canonical catalogs", () => {
  test("reads the seed catalog, the fixtures and a generated catalog exactly like yaml", () => {
    for (const f of ["projects.yaml", "categories.yaml"]) {
      const file = join(ROOT, "test/fixtures/catalog/seed", f);
      assert.ok(agrees(readFileSync(file, "utf8")), `${f} takes the fast path`);
    }
    for (const f of yamlFiles(join(ROOT, "test/fixtures/catalog"))) agrees(readFileSync(f, "utf8"));
    const generated = makeProjects(300)
      .map(
        (p) =>
          `- name: ${p.name}\n  repo: ${p.repo}\n  homepage: ${p.homepage}\n  category: ${p.category}\n  tags: [${p.tags?.join(", ")}]\n  description: ${p.description}\n`,
      )
      .join("");
    assert.ok(agrees(generated));
  });

  test("tricky values: accepted only where yaml reads the same string", () => {
    let accepted = 0;
    for (const v of TRICKY) {
      if (agrees(`- name: Falco\n  description: ${v}\n`)) accepted++;
    }
    assert.ok(accepted > 10 && accepted < TRICKY.length - 20, `accepted ${accepted}`);
  });

  test("tricky layouts", () => {
    const layouts = [
      "",
      "# only a comment\n",
      "name: x\n",
      "just text\n",
      "- a\n- b\n",
      "-\n",
      "- \n",
      "---\n- name: a\n",
      "- name: a\n...\n",
      "%YAML 1.2\n---\n- name: a\n",
      "- name: a\n  tags:\n    - x\n",
      "- name: a\n    category: b\n",
      "- name: a\n category: b\n",
      "-  name: a\n",
      "- name: a\n\n\n  category: b\n",
      "- name: a\n# c\n  category: b\n",
      "- name: a\n      # deep comment\n  category: b\n",
      "- name: a\n  # c\n",
      "  - name: a\n",
      "- name: a\n  name: b\n",
      "- name: a\n- name: a\n",
      `- ${"k".repeat(1100)}: v\n`,
      "- name: a\r\n  category: b\r\n",
      "\ufeff- name: a\n",
      "- name: a\n\tcategory: b\n",
      "- name: multi\n  line\n",
      "- name: a\n  category: b\n  - c\n",
      "- name: a\n- - b\n",
      "- name: a\n  __proto__: x\n",
      "- name: a # c\n  category: b # d\n",
      "- name: a\nfoo: b\n",
      "- name: 'a\n  b'\n",
      '- name: "a\n  b"\n',
      "- name: a\n  category:\n",
      "- name: a\n  c: d: e\n",
    ];
    for (const text of layouts) agrees(text);
    assert.ok(agrees("- name: a\n\n# c\n  # d\n  category: b # e\n- name: c\n")); // Several categories, as `fmt` writes them: a flow list, read like yaml reads it.
    assert.ok(agrees("- name: Flink\n  category: [streaming, databases]\n  tags: [a]\n"));
    assert.ok(agrees("- name: a\n  category: [x-1, y2]  # two\n- name: b\n  category: z\n"));
    // The printer's escapes for quotes and backslashes inside double quotes.
    assert.ok(agrees('- name: a\n  description: "x \\"y: z\\" \\\\ w"\n'));
    assert.ok(agrees('- name: a\n  description: "\\\\"\n'));
    assert.equal(readCanonicalList('- name: "a\\n"\n'), undefined);
    assert.deepEqual(readCanonicalList("- name: a\n  category: [b, c]\n"), [
      { name: "a", category: ["b", "c"] },
    ]);
  });

  test("random files built from the same pieces", () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pick = <T>(xs: readonly T[]) => xs[random(xs.length)] as T;
    const keys = ["name", "repo", "tags", "description", "category", "k", "x-y", "a_b"];
    // Mostly well-formed lines, with every kind of mistake now and then.
    const starts = ["- ", "  ", "  ", "  ", "  ", "- ", "", " ", "   ", "-", "# ", "  # "];
    const easy = TRICKY.slice(0, 12).concat([
      "Falco",
      "falco-security",
      "https://falco.org/",
      "[a, b]",
    ]);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const lines = Array.from({ length: 1 + random(6) }, (_, n) => {
        const start = n === 0 ? "- " : random(3) === 0 ? pick(starts) : pick(["- ", "  "]);
        const value = random(2) === 0 ? pick(easy) : pick(TRICKY);
        if (random(12) === 0) return start;
        return `${start}${pick(keys)}:${pick([" ", " ", "  ", ""])}${value}`;
      });
      if (agrees(`${lines.join("\n")}${pick(["\n", "", "\n\n"])}`)) accepted++;
    }
    assert.ok(accepted > 100, `only ${accepted} random files took the fast path`);
  });

  test("parseYaml: same value on both paths; the syntax tree is built only when asked for", () => {
    const text = readFileSync(join(ROOT, "test/fixtures/catalog/seed/projects.yaml"), "utf8");
    const parsed = parseYaml(text, "projects.yaml");
    assert.deepEqual(parsed.value, parseDocument(text).toJS());
    assert.deepEqual(parsed.diagnostics, []);
    assert.equal(parsed.source?.lineCounter.linePos(0).line, 1);
    assert.equal(parsed.source?.doc.errors.length, 0);
  });
});

/**
 * The quick proof that a file is canonical (src/edit/canonical-check.ts)
 * against `canonicalize()`, the full rewrite: whenever it says a file is
 * canonical, the full rewrite must give back the same text with no change.
 * Checked on the seed catalog, the fmt fixtures, a generated catalog, tricky
 * values and thousands of random files built from the same pieces.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { makeProjects } from "../bench/catalog-data.js";
import { canonicalize, PROJECT_KEYS } from "../src/edit/canonical.js";
import { isCanonical } from "../src/edit/canonical-check.js";
import { parseYaml, type YamlSource } from "../src/load/yaml-source.js";
import { FIXTURES } from "./helpers/catalog.js";

type Kind = "projects" | "categories";

/** The invariant. Returns whether the quick check accepted the text. */
function agrees(text: string, kind: Kind = "projects"): boolean {
  const parsed = parseYaml(text, "x.yaml");
  if (parsed.source === null || parsed.diagnostics.some((d) => d.severity === "error")) {
    return false;
  }
  const quick = isCanonical(parsed.source.text, parsed.value, kind);
  if (quick) {
    // The full rewrite is only needed to check an acceptance.
    const full = canonicalize(parsed.source, kind);
    const where = JSON.stringify(text.slice(0, 400));
    assert.equal(full.text, text, `accepted, but fmt rewrites ${where}`);
    assert.deepEqual(full.changes, [], `accepted, but fmt reports changes in ${where}`);
  }
  return quick;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith(".yaml") ? [path] : [];
  });
}

const generated = (n: number) =>
  `# yaml-language-server: $schema=projects.editor.schema.json\n${makeProjects(n)
    .map(
      (p) =>
        `- name: ${p.name}\n  repo: ${p.repo}\n  homepage: ${p.homepage}\n  category: ${p.category}\n  tags: [${p.tags?.join(", ")}]\n  description: ${p.description}\n`,
    )
    .join("")}`;

/** Values as they may be written after `description: `. */
const VALUES = [
  "Falco",
  "A tool: for things",
  '"A tool: for things"',
  "'A tool: for things'",
  '"quoted"',
  "'single'",
  "'it''s'",
  "it's",
  "'say \"hi\"'",
  '"say \\"hi\\""',
  '"it\'s \\"both\\""',
  "'it''s \"both\"'",
  "true",
  '"true"',
  "'true'",
  "123",
  '"123"',
  '"1.5"',
  '"null"',
  '""',
  "''",
  "<<",
  '"<<"',
  "---x",
  '"---x"',
  "%x",
  '"%x"',
  "...",
  '"..."',
  '"- x"',
  '"-"',
  '"? x"',
  '"a #b"',
  "a#b",
  "C# rocks",
  '"x "',
  '" x"',
  '"x:"',
  '"#x"',
  '"@x"',
  '"`x`"',
  '"[x]"',
  '"{x}"',
  "Zürich",
  '"Zürich: x"',
  "x # comment",
  "x #comment",
  "x  # two spaces",
  "x # trailing space ",
  '"x: y" # c',
  "[a, b]",
  "[a,b]",
  "[ a, b ]",
  "[]",
  "[a] # c",
  "[1.5, a]",
  "https://a.io/?q=1#top",
  "'a\\b: c'",
  '"a\\\\b: c"',
  "'it''s \"x: y\"'",
  "'x: ü\u00a0'",
  "Diagnose AWS costs 🩺 ☁️.",
  '"🩺: x"',
  '"a\\ud83e"',
];

describe("quick proof that a file is canonical", () => {
  test("the seed catalog, the fmt fixtures and a generated catalog", () => {
    for (const f of yamlFiles(FIXTURES)) {
      const kind = f.endsWith("categories.yaml") ? "categories" : "projects";
      agrees(readFileSync(f, "utf8"), kind);
    }
    for (const kind of ["projects", "categories"] as const) {
      const seed = readFileSync(join(FIXTURES, "seed", `${kind}.yaml`), "utf8");
      assert.ok(agrees(seed, kind), `seed ${kind}.yaml is proved canonical`);
      const canonical = readFileSync(join(FIXTURES, "fmt/canonical", `${kind}.yaml`), "utf8");
      assert.ok(agrees(canonical, kind), `fmt/canonical/${kind}.yaml is proved canonical`);
    }
    assert.ok(agrees(generated(500)));
  });

  test("tricky values: accepted only as the printer writes them", () => {
    let accepted = 0;
    for (const v of VALUES) {
      if (agrees(`- name: Falco\n  description: ${v}\n`)) accepted++;
      if (agrees(`- name: Falco\n  tags: ${v}\n`)) accepted++;
    }
    assert.ok(accepted > 15 && accepted < VALUES.length * 2 - 20, `accepted ${accepted}`);
  });

  test("what fmt changes is never proved canonical", () => {
    const notCanonical = [
      "- name: a\n  repo: https://github.com/o/n\n",
      "- name: a\n  category: [x]\n",
      "- category: x\n  name: a\n",
      "- name: b\n  category: x\n- name: a\n  category: x\n",
      "- name: a\n  category: y\n- name: b\n  category: x\n",
      "- name: a\n  category: x\n\n\n- name: b\n  category: x\n",
      "- name: a\n  category: x\n\n",
      "- name: a\n  category: x",
      "\n- name: a\n",
      "- name: a\n# c\n  category: x\n",
      "- name: a\n  category: x\n# end\n",
      "- name: a\n    # deep\n  category: x\n",
      "- name: 'a'\n",
      "- name: a  # c\n",
      "- id: b\n  description: d\n  name: n\n",
      "- name: a\n  category: x\n  maintenance:\n    note: n\n    status: active\n",
      "- name: a\n  category: x\n  maintenance: {status: active}\n",
    ];
    for (const text of notCanonical) {
      const kind = text.startsWith("- id") ? "categories" : "projects";
      assert.equal(agrees(text, kind), false, JSON.stringify(text));
      // The import's text-only rewrite (in place, printed once) writes what fmt writes.
      const full = canonicalize(parseYaml(text, "x.yaml").source as YamlSource, kind).text;
      const own = parseYaml(text, "x.yaml").source as YamlSource;
      assert.equal(canonicalize(own, kind, true).text, full, JSON.stringify(text));
    }
    // Comments and blank lines where the printer keeps them.
    const kept = [
      "# head\n- name: a\n  category: x\n",
      "# head\n# more\n\n# first\n- name: a\n  category: x\n",
      "- name: a\n  # about the category\n  category: x\n",
      "- name: a\n  category: x\n\n# about b\n- name: b\n  category: x\n",
      "- name: a # the name\n  category: x\n",
      "- name: a\n  category: x\n  maintenance:\n    status: inactive\n    note: no release since 2019\n",
      "- name: a\n  category: x\n\n- name: b\n  category: x\n",
    ];
    for (const text of kept) assert.ok(agrees(text), JSON.stringify(text));
  });

  test("random files built from the same pieces", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; // exact in 32 bits
      return (seed >>> 8) % n;
    };
    const pick = <T>(xs: readonly T[]) => xs[random(xs.length)] as T;
    // The entry keys in fmt's order, and one it does not know.
    const keys = [...PROJECT_KEYS, "x-y"];
    // A mapping one level down: maintenance (status, then note), in every order and form.
    const maintenance = [
      ":\n    status: inactive\n    note: no release since 2019",
      ":\n    status: feature-complete",
      ":\n    note: x\n    status: active",
      ":\n    status: 'deprecated'\n    note: 'a: b'",
      ':\n    status: active # c\n    note: "true"',
      ":\n    status: active\n    # c\n    note: n",
      ":\n    status: active\n\n    note: n",
      ":\n      status: active",
      ": {status: active}",
      ": stable",
    ];
    const good = ["Falco", "'A tool: for things'", "x # c", "[a, b]", '"true"', "[]"];
    const categories = ["x", "x", "[x, y]", "[x]", "y"];
    const comments = ["# c", "#", "#  c", "# c ", "  # k", "  #k", "   # deep", " # one", ""];
    const repos = ["o/a", "o/b", "o/a", "https://github.com/o/a", "o/a.git", "not a repo"];
    const value = (key: string) =>
      key === "category"
        ? pick(categories)
        : key === "repo"
          ? pick(repos)
          : random(4) === 0
            ? pick(VALUES)
            : pick(good);
    let accepted = 0;
    for (let i = 0; i < 2500; i++) {
      const lines: string[] = [];
      if (random(3) === 0) lines.push("# header", ...(random(2) ? [""] : []));
      for (let e = 0, n = 1 + random(4); e < n; e++) {
        if (random(4) === 0) lines.push(pick(["", "# before", "", "  # inner", "#x "]));
        const own = random(6) === 0 ? [...keys].sort(() => random(3) - 1) : keys;
        const chosen = own.filter((k) => k === "name" || random(2) === 0);
        chosen.forEach((k, j) => {
          if (random(12) === 0) lines.push(pick(comments));
          // Names in order most of the time, so that many files are sorted.
          const v = k === "name" ? (random(8) === 0 ? pick(VALUES) : `n${e}`) : value(k);
          const pair = k === "maintenance" ? `${k}${pick(maintenance)}` : `${k}: ${v}`;
          lines.push(`${j === 0 ? "- " : "  "}${pair}`);
        });
      }
      if (random(8) === 0) lines.push(pick(["", "# end", "  # end"]));
      const text = `${lines.join("\n")}${pick(["\n", "\n", "\n", "", "\n\n"])}`;
      if (agrees(text, i % 2 === 0 ? "projects" : "categories")) accepted++;
    }
    assert.ok(accepted > 60, `only ${accepted} random files were proved canonical`);
  });
});

/** `cooltech fmt`: canonical form that keeps comments, --check, idempotence, and canonical committed data. */
import assert from "node:assert/strict";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { formatCatalog } from "../src/edit/format-files.js";
import {
  FIXTURES,
  looksLikeCrash,
  mtime,
  ROOT,
  removeTemp,
  runCli,
  tempDir,
} from "./helpers/catalog.js";

const MESSY = join(FIXTURES, "fmt/messy");
const CANONICAL = join(FIXTURES, "fmt/canonical");
const FILES = ["categories.yaml", "projects.yaml"];

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));

async function copyOf(from: string): Promise<string> {
  const dir = await tempDir();
  temps.push(dir);
  await cp(from, dir, { recursive: true });
  return dir;
}

const read = (dir: string, file: string) => readFile(join(dir, file), "utf8");

describe("fmt", () => {
  test("writes the canonical form: order, keys, repo URLs, quoting, flow tags, comments kept", async () => {
    const dir = await copyOf(MESSY);
    const outcome = await formatCatalog(dir, false, dir);
    assert.deepEqual(outcome.diagnostics, []);
    for (const file of FILES)
      assert.equal(await read(dir, file), await read(CANONICAL, file), file);
  });

  test("the header modeline stays at the top when the first entry moves", async () => {
    const dir = await copyOf(MESSY);
    await formatCatalog(dir, false, dir);
    const text = await read(dir, "projects.yaml");
    assert.ok(
      text.startsWith(
        "# yaml-language-server: $schema=../schemas/projects.schema.json\n# The curated list.\n- name: ",
      ),
    );
    // An entry's own comment moves with the entry.
    assert.match(text, /# Falco's own comment\.\n- name: Falco\n/);
  });

  test('quotes only where YAML needs them: \'Falco\' → Falco, but "true" and "123" stay strings', async () => {
    const text = await read(CANONICAL, "projects.yaml");
    assert.match(text, /^- name: Falco$/m);
    assert.match(text, /^ {2}description: "true"$/m);
    assert.match(text, /^- name: "123"$/m);
  });

  test("--check lists each located change, exits 1 and changes nothing", async () => {
    const dir = await copyOf(MESSY);
    const before = await Promise.all(FILES.map((f) => read(dir, f)));
    const times = await Promise.all(FILES.map((f) => mtime(join(dir, f))));
    const r = await runCli(["fmt", "--check", "--data", "."], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      [
        "categories.yaml:1:3 would change: keys put in canonical order",
        "categories.yaml:4:3 would change: keys put in canonical order",
        "projects.yaml:3:3 would change: keys put in canonical order",
        'projects.yaml:3:3 would change: "Rook" moved to its sorted place',
        'projects.yaml:5:9 would change: repo "https://github.com/rook/rook/" written as `rook/rook`',
        "projects.yaml:6:3 would change: tags written as a flow list `[a, b]`",
        "projects.yaml:10:3 would change: keys put in canonical order",
        'projects.yaml:10:3 would change: "Falco" moved to its sorted place',
        'projects.yaml:11:9 would change: repo "git@github.com:falcosecurity/falco.git" written as `falcosecurity/falco`',
        // Not explained by a change above: named by its line and first differing column.
        "projects.yaml:17:16 would change: quoting or layout normalised",
        "",
      ].join("\n"),
    );
    assert.equal(
      r.stderr,
      "✖ not canonical: categories.yaml, projects.yaml; run `cooltech fmt` to fix\n",
    );
    assert.deepEqual(await Promise.all(FILES.map((f) => read(dir, f))), before);
    assert.deepEqual(await Promise.all(FILES.map((f) => mtime(join(dir, f)))), times);
  });

  test("is idempotent: a second fmt changes nothing, and the result validates", async () => {
    const dir = await copyOf(MESSY);
    const first = await runCli(["fmt", "--data", "."], { cwd: dir });
    assert.equal(first.code, 0);
    assert.match(first.stderr, /✔ formatted categories.yaml, projects.yaml/);
    const once = await Promise.all(FILES.map((f) => read(dir, f)));
    const second = await runCli(["fmt", "--data", "."], { cwd: dir });
    assert.equal(second.code, 0);
    assert.equal(second.stdout, "");
    assert.equal(second.stderr, "✔ already canonical\n");
    assert.deepEqual(await Promise.all(FILES.map((f) => read(dir, f))), once);
    const check = await runCli(["fmt", "--check", "--data", "."], { cwd: dir });
    assert.equal(check.code, 0);
    assert.equal((await runCli(["validate", "--data", "."], { cwd: dir })).code, 0);
  });

  test("every way of writing a repository becomes owner/name, and validate then passes", async () => {
    const dir = await copyOf(join(FIXTURES, "rules/schema/error8"));
    const r = await runCli(["fmt", "--data", "."], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.split("\n").filter((l) => / written as `o\d\/n\d`$/.test(l)).length, 5);
    const repos = [...(await read(dir, "projects.yaml")).matchAll(/^ {2}repo: (.+)$/gm)].map(
      (m) => m[1],
    );
    assert.deepEqual(repos, ["o1/n1", "o2/n2", "o3/n3", "o4/n4", "o5/n5", "o6/n6"]);
    assert.equal((await runCli(["validate", "--data", "."], { cwd: dir })).code, 0);
  });

  test("a catalog written by hand in canonical form is left as it is", async () => {
    const outcome = await formatCatalog(join(FIXTURES, "seed"), true, ROOT);
    assert.deepEqual(outcome.diagnostics, []);
    const changed = outcome.files.filter((f) => f.changed);
    assert.deepEqual(
      changed.map(
        (f) => `${f.file}: ${f.changes.map((c) => `${c.line}:${c.column} ${c.message}`)}`,
      ),
      [],
      "run `npx cooltech fmt`",
    );
  });

  test("a syntax error stops fmt: exit 1, located, the file untouched", async () => {
    const dir = await copyOf(MESSY);
    const broken = "- name: Falco\n  category: [security\n";
    await writeFile(join(dir, "projects.yaml"), broken);
    const r = await runCli(["fmt", "--data", "."], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^projects\.yaml:3:1 error .+ \(yaml-syntax\)$/m);
    assert.equal(looksLikeCrash(r.stdout + r.stderr), false);
    assert.equal(await read(dir, "projects.yaml"), broken);
  });
});

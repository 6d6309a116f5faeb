/**
 * Hostile input found by trying it (issue 8), through the CLI: each run
 * finishes with its exit code and a located message. YAML anchors, aliases
 * and merge keys, tagged strings, line ends, and one run reporting every
 * problem; the size limits are in catalog-hostile-more-limits.test.ts.
 * Timings are in `npm run bench:hostile`, not here (no upper time bounds in tests).
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { parse } from "yaml";
import { cliNoCrash as cli, tempCatalogs } from "./helpers/hostile.js";

const catalogs = tempCatalogs();
after(catalogs.removeAll);
const data = (projects: string | Buffer) => catalogs.make({ projects });

const projectsOf = async (dir: string) => readFile(join(dir, "projects.yaml"), "utf8");

describe("fmt on YAML anchors, aliases and merge keys", () => {
  const ALIASES = [
    "- name: Zed",
    "  category: security",
    "  tags: &t [cncf, runtime]",
    "- &rook",
    "  name: Rook",
    "  category: storage",
    "  description: Storage orchestration.",
    "  tags: *t",
    "- <<: *rook",
    "  name: Ceph",
    "",
  ].join("\n");

  test("validate reads them (merge keys included)", async () => {
    const dir = await data(ALIASES);
    const r = await cli(dir, "validate");
    // Only the order is wrong: `<<` is not an unknown key, Ceph has its category.
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /\(sort-order\)$/m);
    assert.doesNotMatch(r.stdout, /\((schema|unknown-category|yaml-syntax)\)$/m);
  });

  test("fmt --check reports the expansion at the first alias; fmt expands them to plain values", async () => {
    const dir = await data(ALIASES);
    const check = await cli(dir, "fmt", "--check");
    assert.equal(check.code, 1);
    assert.match(
      check.stdout,
      /^projects\.yaml:8:9 would change: YAML aliases and merge keys \(`<<`\) expanded into plain values$/m,
    );
    const before = parse(ALIASES, { merge: true }) as Array<Record<string, unknown>>;
    const fmt = await cli(dir, "fmt");
    assert.equal(fmt.code, 0, fmt.stderr);
    const text = await projectsOf(dir);
    assert.doesNotMatch(text, /[&*]\w|<</);
    const after = parse(text) as Array<Record<string, unknown>>;
    const byName = (list: Array<Record<string, unknown>>) =>
      Object.fromEntries(list.map((p) => [p.name, p]));
    assert.deepEqual(byName(after), byName(before));
    assert.equal((await cli(dir, "validate")).code, 0);
    assert.equal((await cli(dir, "fmt", "--check")).code, 0);
  });

  test("an entry's own keys win over merged ones", async () => {
    const dir = await data(
      "- &base\n  name: Base\n  category: security\n  description: Base.\n- <<: *base\n  name: Other\n  description: Own.\n",
    );
    assert.equal((await cli(dir, "fmt")).code, 0);
    const list = parse(await projectsOf(dir)) as Array<Record<string, unknown>>;
    assert.deepEqual(list[1], { name: "Other", category: "security", description: "Own." });
  });
});

test("fmt keeps a tagged string a string (`!!bool yes` is the string yes in YAML 1.2)", async () => {
  const dir = await data(
    "- name: Falco\n  category: security\n  description: !!bool yes\n- name: Rook\n  category: storage\n  description: !!str true\n",
  );
  assert.equal((await cli(dir, "validate")).code, 0);
  assert.equal((await cli(dir, "fmt")).code, 0);
  const text = await projectsOf(dir);
  assert.deepEqual(
    (parse(text) as Array<Record<string, unknown>>).map((p) => p.description),
    ["yes", "true"],
  );
  const r = await cli(dir, "validate");
  assert.equal(r.code, 0, r.stdout);
});

describe("line ends", () => {
  test("CR-only: problems on their own lines, and fmt writes LF", async () => {
    const dir = await data(
      "- name: Falco\r  category: security\r  bogus: 1\r- name: Rook\r  category: storag\r",
    );
    const r = await cli(dir, "validate");
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^projects\.yaml:3:3 error unknown key "bogus".+\(schema\)$/m);
    assert.match(r.stdout, /^projects\.yaml:5:13 error unknown category `storag`/m);
    assert.doesNotMatch(r.stdout, /yaml-syntax/);
  });

  test("a CR/LF-CR mix: an error on line 1558 is reported on line 1558", async () => {
    const lines: string[] = [];
    for (let i = 0; lines.length < 1557; i++) {
      lines.push(`- name: P${String(i).padStart(4, "0")}`, "  category: security");
    }
    lines.length = 1557;
    lines.push("  bogus: 1", "");
    const text = lines.map((l, i) => (i % 2 ? `${l}\r` : `${l}\r\n`)).join("");
    const dir = await data(text);
    const r = await cli(dir, "validate");
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^projects\.yaml:1558:3 error unknown key "bogus"/m);
  });

  test("fmt --check on a canonical CR-only file: a change at 1:1; fmt writes LF", async () => {
    const dir = await data("- name: Falco\r  category: security\r");
    const check = await cli(dir, "fmt", "--check");
    assert.equal(check.code, 1);
    assert.match(check.stdout, /^projects\.yaml:1:1 would change: line ends written as LF/m);
    assert.equal((await cli(dir, "fmt")).code, 0);
    assert.equal(await projectsOf(dir), "- name: Falco\n  category: security\n");
  });
});

test("one run reports every problem: a duplicate key and syntax errors hide nothing else", async () => {
  const dir = await data(
    [
      "- name: Falco",
      "  category: security",
      "  name: Again",
      "- name: Rook",
      '  description: "unterminated',
      "  category: storage",
      "- name: Ceph",
      "\tcategory: storage",
      "- name: Harbor",
      "  category: storag",
      "- name: Linkerd",
      "  category: security",
      "  bogus: 1",
      "",
    ].join("\n"),
  );
  const r = await cli(dir, "validate");
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^projects\.yaml:3:3 error the key "name" appears twice/m);
  assert.match(r.stdout, /^projects\.yaml:5:16 error this quoted value is never closed/m);
  assert.match(r.stdout, /^projects\.yaml:8:1 error tabs are not allowed in the indentation/m);
  assert.match(r.stdout, /^projects\.yaml:10:13 error unknown category `storag`/m);
  assert.match(r.stdout, /^projects\.yaml:13:3 error unknown key "bogus"/m);
});

test("a broken alias or merge key leaves out only its entry, with a located message", async () => {
  const dir = await data(
    "- name: Falco\n  category: security\n  <<: 1\n- name: Rook\n  category: storag\n  tags: *nowhere\n- name: Zed\n  category: storag\n",
  );
  const r = await cli(dir, "validate");
  assert.equal(r.code, 1);
  assert.match(
    r.stdout,
    /^projects\.yaml:3:3 error `<<` is YAML's merge key: .+ \(yaml-syntax\)$/m,
  );
  assert.match(r.stdout, /^projects\.yaml:6:9 error this alias has no anchor `&name` before it/m);
  assert.match(r.stdout, /^projects\.yaml:8:13 error unknown category `storag`/m);
});

test("fmt refuses, located, an alias expansion that would write too much", async () => {
  const list = `[${"a,".repeat(20000)}a]`;
  const users = Array.from(
    { length: 20 },
    (_, i) => `- name: P${i}\n  category: security\n  tags: *t\n`,
  );
  const dir = await data(`- name: A\n  category: security\n  tags: &t ${list}\n${users.join("")}`);
  const before = await projectsOf(dir);
  const r = await cli(dir, "fmt");
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /^error: projects\.yaml:\d+:9 expanding the YAML aliases would write more than/m,
  );
  assert.equal(await projectsOf(dir), before);
});

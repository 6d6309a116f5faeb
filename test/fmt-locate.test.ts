/** `fmt --check` names the line of every change, and the line diff behind it. */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { runMain } from "../src/cli/main.js";
import { changedLines } from "../src/edit/line-diff.js";
import { CATEGORIES, memoryIo, removeTemp, tempData } from "./helpers/catalog.js";

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));

async function check(projects: string): Promise<{ code: number; out: string; err: string }> {
  const dir = await tempData({ "categories.yaml": CATEGORIES, "projects.yaml": projects });
  temps.push(dir);
  const { io, out, err } = memoryIo(dir);
  const code = await runMain(["fmt", "--check", "--data", "."], io);
  return { code, out: out(), err: err() };
}

describe("fmt --check locates every change", () => {
  test("tags as a block list (what some editors insert): the tags line, not 1:1", async () => {
    const r = await check(`# yaml-language-server: $schema=projects.editor.schema.json
- name: Falco
  category: security
  tags:
    - runtime-security
    - cncf
- name: Rook
  category: storage
`);
    assert.equal(r.code, 1);
    assert.equal(r.out, "projects.yaml:4:3 would change: tags written as a flow list `[a, b]`\n");
  });

  test("quoting and spacing changes are each named at their line and column", async () => {
    const r = await check(`- name: "Falco"
  category: security
- name: Rook
  category:    storage
  description: 'Storage.'
`);
    assert.equal(r.code, 1);
    assert.equal(
      r.out,
      [
        "projects.yaml:1:9 would change: quoting or layout normalised",
        "projects.yaml:4:13 would change: quoting or layout normalised",
        "",
      ].join("\n"),
    );
  });

  test("a canonical file has no change", async () => {
    const r = await check("- name: Falco\n  category: security\n  tags: [a, b]\n");
    assert.equal(r.code, 0, r.out);
    assert.equal(r.out, "");
  });
});

describe("changedLines", () => {
  test("equal texts: no hunk", () => {
    assert.deepEqual(changedLines("a\nb\n", "a\nb\n"), []);
  });

  test("a changed line, a removed run and an added line, each located in the old text", () => {
    const before = ["a", "b", "c", "d", "e", "f", "g"].join("\n");
    const after = ["a", "B", "c", "f", "g", "h"].join("\n");
    assert.deepEqual(changedLines(before, after), [
      { from: 2, to: 3, replacement: "B" },
      { from: 4, to: 6, replacement: undefined },
      { from: 8, to: 8, replacement: "h" },
    ]);
  });

  test("a block list folded into one line is one hunk", () => {
    const before = "- name: x\n  tags:\n    - a\n    - b\n- name: y\n";
    const after = "- name: x\n  tags: [a, b]\n- name: y\n";
    assert.deepEqual(changedLines(before, after), [
      { from: 2, to: 5, replacement: "  tags: [a, b]" },
    ]);
  });
});

describe("fmt without its files", () => {
  test("a missing data folder: the files named, and no talk of syntax errors", async () => {
    const dir = await tempData({});
    temps.push(dir);
    const { io, out, err } = memoryIo(dir);
    assert.equal(await runMain(["fmt", "--check"], io), 1);
    assert.match(out(), /^data\/categories\.yaml:1:1 error file not found; .*\(file\)$/m);
    assert.match(out(), /^data\/projects\.yaml:1:1 error file not found; .*\(file\)$/m);
    assert.equal(err(), "✖ nothing to format: the files above could not be read\n");
  });

  test("a syntax error still says to fix it first", async () => {
    const dir = await tempData({ "categories.yaml": CATEGORIES, "projects.yaml": "- name: [x\n" });
    temps.push(dir);
    const { io, err } = memoryIo(dir);
    assert.equal(await runMain(["fmt", "--data", "."], io), 1);
    assert.equal(err(), "✖ fix the syntax errors above first; nothing was formatted\n");
  });
});

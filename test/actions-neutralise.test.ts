/**
 * The workflow-command guard (src/actions/neutralise.ts) on its own: fuzzed
 * hostile text, cut into random writes, never yields a line the Actions
 * runner would run, and is changed only by the few characters that break a
 * command. The binary-level checks are in refresh-hostile.test.ts.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { CommandGuard, isWorkflowCommand, neutralise } from "../src/actions/neutralise.js";
import { prng } from "./helpers/prng.js";

const PIECES = [
  "::",
  ":",
  "#",
  "##[",
  "[",
  "error",
  "add-mask",
  "::error title=x::",
  "\n",
  "\r",
  "\r\n",
  " ",
  "\t",
  "\u00a0",
  "\u2003",
  "\u200b",
  "\ufeff",
  "\u0085",
  "a",
  "é",
  "::warning::x",
  "##[group]",
];

function hostile(random: () => number): string {
  let s = "";
  const n = 1 + Math.floor(random() * 30);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(random() * PIECES.length)];
  return s;
}

/** `text` cut at random points, each piece through the same guard. */
function throughWrites(text: string, random: () => number, guard = new CommandGuard()): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const k = 1 + Math.floor(random() * 6);
    out += guard.filter(text.slice(i, i + k));
    i += k;
  }
  return out;
}

test("fuzz: no output line can act as a workflow command, however the text is split", () => {
  const random = prng(13);
  for (let n = 0; n < 5000; n++) {
    const text = hostile(random);
    const out = throughWrites(text, random);
    for (const line of out.split(/\r\n|\r|\n/)) {
      assert.equal(isWorkflowCommand(line), false, JSON.stringify({ text, line }));
    }
    // Only spaces were added: dropping the added ones gives the text back.
    assert.equal(out.replaceAll(" ", ""), text.replaceAll(" ", ""));
    assert.equal(out, neutralise(text), "the same as in one write");
  }
});

test("what a reader sees: `: :` and `## [`, nothing else changed", () => {
  assert.equal(neutralise("  ::add-mask::abc"), "  : :add-mask::abc");
  assert.equal(neutralise("x ##[error]y"), "x ## [error]y");
  assert.equal(neutralise("ok :: fine\nand a::b"), "ok :: fine\nand a::b");
  assert.equal(neutralise("a\r::error::x"), "a\r: :error::x");
});

test("annotations: a guard that allows commands keeps `::` but still breaks `##[`", () => {
  const g = new CommandGuard(true);
  assert.equal(
    g.filter("::error file=a,line=1::name ##[error]x\n"),
    "::error file=a,line=1::name ## [error]x\n",
  );
});

test("isWorkflowCommand knows the runner's forms (the checks above mean something)", () => {
  for (const line of [
    "::error::x",
    "  ::add-mask::a",
    "\u00a0\u2003::x::",
    "\ufeff::x::",
    "a ##[group]b",
  ]) {
    assert.equal(isWorkflowCommand(line), true, line);
  }
  for (const line of ["x ::error::", ": :error::x", "## [error]", "#[x]"]) {
    assert.equal(isWorkflowCommand(line), false, line);
  }
});

import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { DEFAULT_SECONDS, plan, SECONDS, testFiles } from "./groups/plan.js";

const TESTS = new URL(".", import.meta.url);
const GROUPS = new URL("groups/", import.meta.url);

test("every test file runs in exactly one group, whatever the number of groups", () => {
  const files = testFiles(TESTS);
  assert.ok(files.includes("groups-plan.test.js") && files.length > 50, String(files.length));
  for (let count = 1; count <= 8; count++) {
    const groups = plan(files, count);
    assert.equal(groups.length, count);
    assert.deepEqual(groups.flat().sort(), files, `count ${count}`);
  }
});

test("npm test's group files, together, run every test file", () => {
  const groupFiles = readdirSync(GROUPS).filter((f) => /^group-\d+\.test\.js$/.test(f));
  assert.ok(groupFiles.length >= 2, groupFiles.join());
  const groups = plan(testFiles(TESTS), groupFiles.length);
  assert.ok(groups.every((g) => g.length > 0));
  assert.equal(new Set(groups.flat()).size, testFiles(TESTS).length);
});

test("the slowest files go to different groups, and the groups take about the same time", () => {
  const files = ["a.test.js", "b.test.js", "c.test.js", "d.test.js", "e.test.js", "f.test.js"];
  const table = { a: 30, b: 20, c: 10, d: 10, e: 5 };
  assert.deepEqual(plan(files, 2, table), [
    ["a.test.js", "d.test.js"],
    ["b.test.js", "c.test.js", "e.test.js", "f.test.js"],
  ]);
  // The real table: the three slowest files never share a group of four.
  const slow = Object.entries(SECONDS)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 3)
    .map(([name]) => `${name}.test.js`);
  const groups = plan(testFiles(TESTS), 4);
  for (const g of groups) assert.ok(slow.filter((f) => g.includes(f)).length <= 1, g.join());
  const time = (g: string[]) =>
    g.reduce((s, f) => s + (SECONDS[f.replace(".test.js", "")] ?? DEFAULT_SECONDS), 0);
  const times = groups.map(time);
  assert.ok(
    Math.max(...times) - Math.min(...times) <= Math.max(...Object.values(SECONDS)),
    String(times),
  );
});

test("the same files give the same plan, in any order", () => {
  const files = testFiles(TESTS);
  assert.deepEqual(plan([...files].reverse(), 4), plan(files, 4));
});

test("a group count below one is refused", () => {
  assert.throws(() => plan(["a.test.js"], 0), /group count 0/);
});

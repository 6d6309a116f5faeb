/**
 * Smoke tests of the real binary, bin/cooltech.js, as a process. The contract
 * tests (formats, exit codes, usage errors, --help) run the same `runMain`
 * entry in-process (helpers/catalog.ts runCli); these check that the launcher
 * passes argv through, sets the exit code, and writes to the real streams.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { CATEGORIES, looksLikeCrash, removeTemp, runBinary, tempData } from "./helpers/catalog.js";

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));

test("cooltech --help lists the commands, exit 0", async () => {
  const r = await runBinary(["--help"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^cooltech: a curated directory/);
  assert.match(r.stdout, /\n {2}validate +\S/);
});

test("validate: valid data exits 0, invalid data exits 1 with file:line:col", async () => {
  const valid = await tempData({
    "projects.yaml": "- name: Rook\n  repo: rook/rook\n  category: storage\n",
    "categories.yaml": CATEGORIES,
  });
  const invalid = await tempData({
    "projects.yaml": "- name: Rook\n  category: storge\n",
    "categories.yaml": CATEGORIES,
  });
  temps.push(valid, invalid);
  const ok = await runBinary(["validate", "--data", "."], { cwd: valid });
  assert.equal(ok.code, 0, ok.stderr);
  const bad = await runBinary(["validate", "--data", "."], { cwd: invalid });
  assert.equal(bad.code, 1, bad.stderr);
  assert.match(bad.stdout, /^projects\.yaml:2:\d+ error /m);
  assert.equal(looksLikeCrash(bad.stdout + bad.stderr), false);
});

test("a usage error exits 2 with a hint, no stack trace", async () => {
  const r = await runBinary(["valdate"]);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /unknown command 'valdate'; did you mean 'validate'\?\nSee 'cooltech --help'/,
  );
  assert.equal(looksLikeCrash(r.stderr), false, r.stderr);
});

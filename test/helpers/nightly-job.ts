/**
 * The nightly job of .github/workflows/refresh.yml, ready to run for real
 * (refresh-workflow.test.ts): the fake GitHub, a bare git repository as
 * `origin` holding a small catalog (test/fixtures/refresh-workflow/data), the fetch job's checkout (with `npx
 * cooltech` bridged to this process and a recording `gh`) and the commit
 * job's (where npx and npm refuse to run), each job with a temp folder of its own.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DEMO_TOKEN, demoRepos, startFakeGitHub } from "../fake-github/index.js";
import { startCliBridge } from "./cli-bridge.js";
import { runScript, type StepRun, stepEnv } from "./workflow-step.js";
import { ROOT, readWorkflow, type Step, steps } from "./workflows.js";

const exec = promisify(execFile);

export type JobName = "fetch" | "commit";
export const jobSteps = (job: JobName): Step[] =>
  steps(readWorkflow("refresh.yml"))
    .filter((s) => s.job === job)
    .map((s) => s.step);
export const step = (job: JobName, id: string): Step => {
  const found = jobSteps(job).find((s) => s.id === id || s.name === id);
  assert.ok(found, `refresh.yml#${job} has a step ${id}`);
  return found;
};

/** The values of the expressions refresh.yml puts in env. */
const EXPRESSIONS: Record<string, string> = {
  "github.token": DEMO_TOKEN,
  "secrets.COOLTECH_BOT_TOKEN || github.token": DEMO_TOKEN,
  "github.ref_name": "main",
  "github.server_url": "https://github.example",
  "github.repository": "acme/cooltech",
  "github.run_id": "42",
};

export interface Runner {
  job: JobName;
  /** The job's checkout. */
  cwd: string;
  /** Its RUNNER_TEMP: each job runs on a runner of its own. */
  temp: string;
  output: string;
  summary: string;
}

const FETCH_STEPS = [
  "refresh",
  "Regenerate the issue form's category list",
  "Collect the generated files",
  "fix-moved",
];
const COMMIT_STEPS = ["commit", "Open or update the fix-up pull request for moved repositories"];

export interface NightlyRig {
  root: string;
  origin: string;
  /** The checkout of the fetch job (read-only token) and the one of the commit job. */
  work: string;
  commitWork: string;
  git(cwd: string, ...args: string[]): Promise<string>;
  /** Several git commands in a row, stopping at the first that fails: one process started from here. */
  gits(cwd: string, ...commands: string[][]): Promise<string>;
  /** Runs one step's script the way the runner does: bash -e -o pipefail, in the job's checkout. */
  runStep(runner: Runner, id: string): Promise<StepRun>;
  /** One run of the workflow from commit `sha` (default: main now): the fetch job, the artifact, then the commit job. */
  nightly(
    start?: string,
  ): Promise<{ runs: Record<string, StepRun>; output: string; summary: string }>;
  /** What the stand-in `gh` was asked, a line a call. */
  ghLog(): Promise<string[]>;
  close(): Promise<void>;
}

/** Sets it all up; `now` is the runner's clock (COOLTECH_NOW) when a step runs. */
export async function startNightlyRig(now: () => string): Promise<NightlyRig> {
  const gh = await startFakeGitHub({ repos: demoRepos(), token: DEMO_TOKEN });
  const root = await mkdtemp(join(tmpdir(), "cooltech-refresh-job-"));
  const origin = join(root, "origin.git");
  const work = join(root, "work");
  const commitWork = join(root, "commit-work");
  const stubs = join(root, "bin");
  const commitStubs = join(root, "commit-bin");
  const gitEnv = () => ({ ...process.env, HOME: root, GIT_CONFIG_NOSYSTEM: "1" });
  const git = async (cwd: string, ...args: string[]) =>
    (await exec("git", args, { cwd, env: gitEnv() })).stdout;
  const gits = async (cwd: string, ...commands: string[][]) => {
    const quote = (a: string) => `'${a.replaceAll("'", `'\\''`)}'`;
    const script = commands.map((c) => `git ${c.map(quote).join(" ")}`).join(" && ");
    return (await exec("sh", ["-c", script], { cwd, env: gitEnv() })).stdout;
  };
  /** What actions/checkout leaves: a clean work tree at `sha`. */
  const checkout = (dir: string, sha: string) =>
    gits(
      dir,
      ["fetch", "--quiet", "origin"],
      ["clean", "--quiet", "-fdx"],
      ["checkout", "--quiet", "--force", "--detach", sha],
    );
  const runStep = (runner: Runner, id: string): Promise<StepRun> => {
    const s = step(runner.job, id);
    // The commit job gets no npx: it must not run npm or the CLI (it holds the write token).
    const bin = runner.job === "fetch" ? stubs : commitStubs;
    return runScript(s, runner.cwd, {
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
      COOLTECH_NOW: now(),
      COOLTECH_RETRY_BASE_MS: "1",
      GH_LOG: join(root, "gh.log"),
      GH_PR_NUMBER: join(root, "gh-pr-number"),
      ...stepEnv(s, EXPRESSIONS),
    });
  };
  const nightly: NightlyRig["nightly"] = async (start) => {
    const sha = start ?? (await git(origin, "rev-parse", "main")).trim();
    const runner = (job: JobName, cwd: string, temp: string): Runner => ({
      job,
      cwd,
      temp: join(root, temp),
      output: join(root, temp, "output"),
      summary: join(root, temp, "summary.md"),
    });
    const runners = {
      fetch: runner("fetch", work, "fetch-tmp"),
      commit: runner("commit", commitWork, "commit-tmp"),
    };
    for (const r of Object.values(runners)) {
      await rm(r.temp, { recursive: true, force: true });
      await mkdir(r.temp);
      await checkout(r.cwd, sha);
    }
    const runs: Record<string, StepRun> = {};
    const run = async (r: Runner, id: string) => {
      runs[id] = await runStep(r, id);
      assert.equal(runs[id].code, 0, `${id}: ${runs[id].stderr}${runs[id].stdout}`);
    };
    for (const id of FETCH_STEPS) await run(runners.fetch, id);
    // upload-artifact then download-artifact: the same folder, on the other runner.
    const upload = jobSteps("fetch").find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    const download = jobSteps("commit").find((s) =>
      s.uses?.startsWith("actions/download-artifact@"),
    );
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
  };
  await mkdir(stubs);
  await mkdir(commitStubs);
  await mkdir(work);
  // `npx cooltech …` runs this checkout's CLI (in this process, see cli-bridge.ts);
  // `gh` records its arguments and answers `pr list`.
  const cli = await startCliBridge(stubs);
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
  // The catalog: kured moved (weaveworks/kured -> kubereboot/kured); Ghost does not exist (exit 3).
  await cp(join(ROOT, "test/fixtures/refresh-workflow/data"), join(work, "data"), {
    recursive: true,
  });
  await mkdir(join(work, ".github/ISSUE_TEMPLATE"), { recursive: true });
  await cp(
    join(ROOT, "test/fixtures/issue-form/suggest-project.yml"),
    join(work, ".github/ISSUE_TEMPLATE/suggest-project.yml"),
  );
  const maintainer = ["-c", "user.name=Maintainer", "-c", "user.email=m@example.invalid"];
  await gits(
    work,
    ["add", "--all"],
    [...maintainer, "commit", "--quiet", "-m", "catalog"],
    ["push", "--quiet", "origin", "main"],
    ["clone", "--quiet", origin, commitWork],
  );
  return {
    root,
    origin,
    work,
    commitWork,
    git,
    gits,
    runStep,
    nightly,
    ghLog: async () =>
      (await readFile(join(root, "gh.log"), "utf8").catch(() => ""))
        .trim()
        .split("\n")
        .filter(Boolean),
    async close() {
      await cli.close();
      await gh.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

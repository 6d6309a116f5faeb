/**
 * For contributor-flow.test.ts: a temporary clone of this checkout (its files
 * as they are now, committed on `main`, with node_modules and dist/ as `npm ci`
 * and a build would leave them), stand-ins for the CI runner's `npx` and `npm`,
 * the fake repositories a contributor adds, and ci.yml's steps run as on a pull request.
 */
import { execFile } from "node:child_process";
import { chmod, cp, mkdir, rm, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { DEMO_TOKEN, type FakeGitHub, type FakeRepo } from "../fake-github/index.js";
import { ROOT } from "./catalog.js";
import { type TempGit, tempGit } from "./temp-git.js";
import { runScript, type StepRun, stepEnv } from "./workflow-step.js";
import type { Step } from "./workflows.js";

const exec = promisify(execFile);

// Repositories no real catalog lists, so the test holds whatever data/ contains.
export const OWNER = "cooltech-contributor-test";
export function repo(id: number, name: string): FakeRepo {
  return {
    id,
    owner: OWNER,
    name,
    description: `The ${name} project`,
    homepageUrl: null,
    stars: 321,
    forks: 12,
    openIssues: 3,
    license: "Apache-2.0",
    language: "Go",
    topics: [],
    archived: false,
    pushedAt: "2026-11-01T00:00:00Z",
    createdAt: "2021-01-01T00:00:00Z",
    latestRelease: null,
  };
}

/** The tracked (and new, not ignored) files of this checkout, as they are on disk now. */
async function checkoutFiles(): Promise<string[]> {
  const { stdout } = await exec(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  const files: string[] = [];
  for (const f of stdout.split("\0").filter(Boolean)) {
    // A file deleted but not yet staged is listed by --cached.
    if ((await stat(join(ROOT, f)).catch(() => null))?.isFile()) files.push(f);
  }
  return files;
}

/** The clone, and beside it `bin`, the folder of the runner's stand-ins to put first on PATH. */
export async function cloneCheckout(): Promise<{ clone: TempGit; bin: string }> {
  const clone = await tempGit("cooltech-contributor-");
  // One `cp --parents` for all of them (their paths kept), rather than one copy per file.
  await exec("cp", ["--parents", "-t", clone.dir, "--", ...(await checkoutFiles())], {
    cwd: ROOT,
  });
  await clone.git("add", "--all");
  await clone.git("commit", "--quiet", "-m", "main as it is");
  // What `npm ci` gives the clone: the dependencies and the compiled CLI and tests.
  await symlink(join(ROOT, "node_modules"), join(clone.dir, "node_modules"), "dir");
  // dist/ as hard links: the clone's own paths (its tests find the clone's files from
  // import.meta.url, which a symlink would resolve back to this checkout), without copying
  // the bytes; nothing in the clone writes into dist/. A copy where links cannot be made.
  const dist = join(clone.dir, "dist");
  await exec("cp", ["-al", join(ROOT, "dist"), dist]).catch(async () => {
    // Never copy over links already made: that would write into this checkout's dist/.
    await rm(dist, { recursive: true, force: true });
    await cp(join(ROOT, "dist"), dist, { recursive: true });
  });
  // Stand-ins on PATH for the CI runner: `npx cooltech` is the clone's CLI; `npm ci` already ran.
  const bin = join(clone.dir, "..", `${clone.dir.split("/").at(-1)}-bin`);
  await mkdir(bin);
  await writeFile(
    join(bin, "npx"),
    `#!/bin/sh\n[ "$1" = cooltech ] || { echo "unexpected: npx $*" >&2; exit 97; }\nshift\nexec "${process.execPath}" "${clone.dir}/bin/cooltech.js" "$@"\n`,
  );
  await writeFile(
    join(bin, "npm"),
    `#!/bin/sh\n[ "$1" = ci ] && exit 0\necho "unexpected: npm $*" >&2\nexit 97\n`,
  );
  await chmod(join(bin, "npx"), 0o755);
  await chmod(join(bin, "npm"), 0o755);
  return { clone, bin };
}

/** Runs a ci.yml step the way the runner does, for a pull_request event, in `clone`. */
export function runStep(
  s: Step,
  summary: string,
  where: { clone: TempGit; bin: string; gh: FakeGitHub },
): Promise<StepRun> {
  return runScript(s, where.clone.dir, {
    PATH: `${where.bin}:${process.env.PATH ?? ""}`,
    HOME: where.clone.dir,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_API_URL: where.gh.url,
    GITHUB_GRAPHQL_URL: where.gh.graphqlUrl,
    ...stepEnv(s, { "github.token": DEMO_TOKEN }),
  });
}

/** Whether a step runs on a pull request, from its `if:` (the conditions ci.yml uses). */
export function runsOnPullRequest(s: Step): boolean {
  const condition = (s.if ?? "").replace(/^\$\{\{\s*|\s*\}\}$/g, "");
  if (condition === "" || condition === "!cancelled()") return true;
  if (condition === "github.event_name == 'pull_request'") return true;
  if (condition === "github.event_name != 'pull_request'") return false;
  throw new Error(`ci.yml: a condition the test does not know: ${s.if}`);
}

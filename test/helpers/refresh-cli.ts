/** Runs `cooltech refresh` (in-process, or the real binary) against the fake GitHub, on a temp copy of a data dir. */

import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runMain } from "../../src/cli/main.js";
import type { Directory, DirectoryProject } from "../../src/core/model.js";
import { demoRepos, type FakeGitHub } from "../fake-github/index.js";
import { memoryIo } from "./catalog.js";

/** The repository root (dist/test/helpers/ → ../../..). */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const BIN = join(ROOT, "bin/cooltech.js");
export const FIXTURE = join(ROOT, "test/fixtures/refresh/data");

/** A distinctive token, so a leak is found by a plain substring search. */
export const TOKEN = "ghp_TESTtoken0123456789abcdefLEAKCHECK";

/**
 * A temp folder holding a copy of the refresh fixture (or of another data folder, e.g. one
 * a test file refreshed once in `before()`); remove it with `cleanup`.
 */
export async function tempData(from = FIXTURE): Promise<{
  dir: string;
  data: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), "cooltech-refresh-"));
  const data = join(dir, "data");
  await cp(from, data, { recursive: true });
  return { dir, data, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The environment of a run: nothing inherited but PATH (so a real GITHUB_TOKEN
 * never leaks in), the fake's URLs, tiny retry waits and a generous request deadline.
 */
export function fakeEnv(gh: FakeGitHub, extra: Record<string, string | undefined> = {}) {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    NO_COLOR: "1",
    GITHUB_API_URL: gh.url,
    GITHUB_GRAPHQL_URL: gh.graphqlUrl,
    GITHUB_TOKEN: TOKEN,
    COOLTECH_RETRY_BASE_MS: "1",
    // Generous: only the tests of a slow GitHub are meant to time out (they set their own).
    COOLTECH_TIMEOUT_MS: "30000",
  };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns the CLI asynchronously (the fake lives in this process: a sync spawn would starve it). */
export function startCli(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the real binary to its end (a few smoke tests; most tests use runCli). */
export function runBinary(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<CliRun> {
  return startCli(args, env, cwd).done;
}

/**
 * Runs `cooltech ...args` in this process, through the same `runMain` entry as
 * bin/cooltech.js, with an Io that records the output (not a terminal).
 */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<CliRun> {
  const { io, out, err } = memoryIo(cwd, env);
  const code = await runMain(args, io);
  return { code, signal: null, stdout: out(), stderr: err() };
}

export async function readJson<T = unknown>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, "utf8")) as T;
}

/** directory.json with the run's own timestamps blanked, to compare two runs. */
export function withoutRunTimes(text: string): string {
  return text.replace(
    /"(refreshedAt|checkedAt|fetchedAt)": "[^"]*"/g,
    (_m, key: string) => `"${key}": "<time>"`,
  );
}

/** Every file under `dir` (recursively), as text. */
export async function allFiles(dir: string): Promise<Map<string, string>> {
  const { readdir } = await import("node:fs/promises");
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path, await readFile(path, "utf8"));
  }
  return out;
}

/** Fails when the token shows up in the run's output or in any file under `dir`. */
export async function assertNoToken(run: CliRun, dir: string): Promise<void> {
  const where = [["stdout", run.stdout], ["stderr", run.stderr], ...(await allFiles(dir))].filter(
    ([, text]) => (text as string).includes(TOKEN),
  );
  if (where.length > 0) throw new Error(`token leaked into ${where.map(([w]) => w).join(", ")}`);
}

/** `cooltech refresh --data data ARGS` in `dir` against `gh`, checked for token leaks. */
export async function refreshIn(
  gh: FakeGitHub,
  dir: string,
  args: string[] = [],
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  const run = await runCli(["refresh", "--data", "data", ...args], fakeEnv(gh, env), dir);
  await assertNoToken(run, dir);
  return run;
}

/** The project called `name` in `d`; the test fails when there is none. */
export function projectNamed(d: Directory, name: string): DirectoryProject {
  const p = d.projects.find((x) => x.name === name);
  assert.ok(p, `${name} is in the directory`);
  return p;
}

/** The demo repositories again, and no faults, counts or rate limits left from the previous test. */
export function resetFake(gh: FakeGitHub): void {
  gh.repos.clear();
  for (const r of demoRepos()) gh.repos.set(`${r.owner}/${r.name}`, r);
  gh.clearFaults();
  gh.resetStats();
  gh.resetRateLimits();
}

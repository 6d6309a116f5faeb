/** Shared by the catalog tests: the CLI (in-process, or the real binary), temp data folders, fixtures, and reduced diagnostics. */
import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Io } from "../../src/cli/io.js";
import { runMain } from "../../src/cli/main.js";
import type { Diagnostic } from "../../src/core/diagnostic.js";

/** The repository root (dist/test/helpers/ → ../../..). */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const BIN = join(ROOT, "bin/cooltech.js");
export const FIXTURES = join(ROOT, "test/fixtures/catalog");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Variables that change the CLI's output; tests start without them and set what they test. */
const NOISY = [
  "GITHUB_ACTIONS",
  "NO_COLOR",
  "FORCE_COLOR",
  "COOLTECH_DEBUG",
  "GITHUB_STEP_SUMMARY",
];

/** The environment of a run: this process's, without the variables above, plus `env`. */
function cliEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const k of NOISY) delete env[k];
  return Object.assign(env, extra);
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  shellPrefix?: string;
}

/**
 * Runs `cooltech ...args` in this process, through the same `runMain` entry as
 * bin/cooltech.js, with an Io that records the output (not a terminal, like a
 * pipe). With `shellPrefix` it runs the real binary instead (see runBinary).
 */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  if (options.shellPrefix !== undefined) return runBinary(args, options);
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: cliEnv(options.env),
    cwd: options.cwd ?? ROOT,
  };
  const code = await runMain(args, io);
  return { code, stdout, stderr };
}

/** Runs `node bin/cooltech.js ...args` as a real process (smoke tests, resource limits, crashes). */
export function runBinary(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const env = cliEnv(options.env);
  // shellPrefix runs the binary under `sh -c` (e.g. `ulimit -f 1;`), for resource-limit tests.
  const child =
    options.shellPrefix === undefined
      ? spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env })
      : spawn(
          "sh",
          ["-c", `${options.shellPrefix} exec "$0" "$@"`, process.execPath, BIN, ...args],
          { cwd: options.cwd ?? ROOT, env },
        );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => {
    stdout += s;
  });
  child.stderr.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** True when the output shows a crash rather than a message: stack frames or an internal error. */
export function looksLikeCrash(output: string): boolean {
  return /^\s+at .+\(?.+:\d+:\d+\)?$/m.test(output) || /internal error/i.test(output);
}

/** A new temp folder; remove it with removeTemp. */
export function tempDir(prefix = "cooltech-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export function removeTemp(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** A temp folder holding the given files (name → content). */
export async function tempData(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await tempDir();
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

/** A temp copy of a folder (e.g. the committed data/). */
export async function tempCopy(from: string): Promise<string> {
  const dir = await tempDir();
  await cp(from, dir, { recursive: true });
  return dir;
}

/** Names of the files in a folder, for "nothing else was left behind" checks. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

export async function mtime(path: string): Promise<number> {
  return (await stat(path)).mtimeMs;
}

export interface Located {
  file: string;
  line: number;
  column: number;
  rule: string;
}

/** Diagnostics reduced to what the rule tests compare (awesome-lint style). */
export function reduce(diagnostics: readonly Diagnostic[]): Located[] {
  return diagnostics.map(({ file, line, column, rule }) => ({ file, line, column, rule }));
}

/** `{file, line, column, rule}` written compactly: `at("projects.yaml", 3, 5, "schema")`. */
export function at(file: string, line: number, column: number, rule: string): Located {
  return { file, line, column, rule };
}

/** The categories every small test catalog uses. */
export const CATEGORIES = `- id: security
  name: Security
  description: Runtime security, threat detection and policy.
- id: storage
  name: Storage
  description: Block, file and object storage.
`;

/** An Io that records what a command writes, for runMain in the test process. */
export function memoryIo(
  cwd: string,
  env: Record<string, string> = {},
): { io: Io; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  const io: Io = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env,
    cwd,
  };
  return { io, out: () => out, err: () => err };
}

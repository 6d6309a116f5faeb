/**
 * Runs a workflow step's `run:` script for real, the way the GitHub runner
 * does (bash -e -o pipefail), with the step's `env:` and its `${{ … }}`
 * expressions replaced by test values. Used by the tests that play a
 * workflow job (refresh-workflow, contributor-flow).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import type { Step } from "./workflows.js";

export interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A step's `env:`, each expression replaced by its value in `values`; an unknown one fails the test. */
export function stepEnv(s: Step, values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.env ?? {})) {
    out[k] = String(v).replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e: string) => {
      const value = values[e];
      assert.ok(value !== undefined, `no test value for the expression ${e}`);
      return value;
    });
  }
  return out;
}

/** Runs a step's script in `cwd` with exactly `env`; resolves with its exit code and output. */
export function runScript(s: Step, cwd: string, env: Record<string, string>): Promise<StepRun> {
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["--noprofile", "--norc", "-eo", "pipefail", "-c", s.run ?? ""],
      { cwd, env },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

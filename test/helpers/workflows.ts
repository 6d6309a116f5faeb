/** Reads the repository's GitHub workflows for tests: files, jobs, steps and the commands they run. */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { commandsOf } from "./shell-words.js";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const WORKFLOWS_DIR = `${ROOT}.github/workflows/`;

export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

export interface Job {
  "runs-on"?: string;
  "timeout-minutes"?: number;
  permissions?: Record<string, string>;
  steps?: Step[];
  uses?: string;
  with?: Record<string, unknown>;
  needs?: string | string[];
  if?: string;
  concurrency?: { group: string; "cancel-in-progress"?: boolean | string };
  strategy?: { matrix?: Record<string, unknown> };
  environment?: unknown;
  outputs?: Record<string, string>;
}

export interface Workflow {
  file: string;
  path: string;
  source: string;
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress"?: boolean | string };
  jobs: Record<string, Job>;
}

export function workflowFiles(): string[] {
  return readdirSync(WORKFLOWS_DIR)
    .filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"))
    .sort();
}

const read = new Map<string, Workflow>();

/**
 * A workflow, parsed once per process (tests read the same few files many times).
 * It is frozen through and through, so no test can change what the next one reads.
 */
export function readWorkflow(file: string): Workflow {
  const known = read.get(file);
  if (known) return known;
  const path = `.github/workflows/${file}`;
  const source = readFileSync(`${ROOT}${path}`, "utf8");
  // `on` is a plain key for the yaml package (YAML 1.2: not a boolean).
  const data = parse(source) as Omit<Workflow, "file" | "path" | "source">;
  const workflow = deepFreeze({ ...data, file, path, source });
  read.set(file, workflow);
  return workflow;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Every workflow, in file-name order. */
export function workflows(): Workflow[] {
  return workflowFiles().map(readWorkflow);
}

/** A workflow expression as written in YAML, `${{ inner }}`. */
export const expr = (inner: string): string => `$${"{{"} ${inner} }}`;

export function steps(workflow: Workflow): Array<{ job: string; step: Step }> {
  return Object.entries(workflow.jobs).flatMap(([job, j]) =>
    (j.steps ?? []).map((step) => ({ job, step })),
  );
}

/** `cooltech ARGS` / `npx cooltech ARGS` invocations in every run script of every workflow. */
export function cooltechCalls(): Array<{ file: string; args: string[]; line: string }> {
  const out: Array<{ file: string; args: string[]; line: string }> = [];
  for (const file of workflowFiles()) {
    for (const { step } of steps(readWorkflow(file))) {
      for (const c of commandsOf(step.run ?? "")) {
        const w = c.words[0] === "npx" ? c.words.slice(1) : c.words;
        if (w[0] === "cooltech") out.push({ file, args: w.slice(1), line: c.line });
      }
    }
  }
  return out;
}

/** `npm <verb> [script]` invocations. */
export function npmCalls(): Array<{ file: string; words: string[]; line: string }> {
  const out: Array<{ file: string; words: string[]; line: string }> = [];
  for (const file of workflowFiles()) {
    for (const { step } of steps(readWorkflow(file))) {
      for (const c of commandsOf(step.run ?? "")) {
        if (c.words[0] === "npm") out.push({ file, words: c.words.slice(1), line: c.line });
      }
    }
  }
  return out;
}

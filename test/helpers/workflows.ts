/** Reads the repository's GitHub workflows for tests: files, jobs, steps and the commands they run. */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

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

export function steps(workflow: Workflow): Array<{ job: string; step: Step }> {
  return Object.entries(workflow.jobs).flatMap(([job, j]) =>
    (j.steps ?? []).map((step) => ({ job, step })),
  );
}

/** One command line of a `run:` script, split into words the way bash would (enough for ours). */
export interface ShellCommand {
  words: string[];
  /** The script line it came from, for messages. */
  line: string;
}

/**
 * The simple commands of a script, split the way bash does for what our
 * scripts use: quotes, backslash-newline, comments, `;` `&&` `||` `|`,
 * unquoted `$(…)`, `(…)` and `<(…)` (their contents are commands too),
 * redirections (the target is dropped). A word holding a variable or a
 * quoted substitution becomes "X"; an array expansion ("${a[@]}") is
 * dropped, since it may expand to nothing.
 */
export function commandsOf(script: string): ShellCommand[] {
  const out: ShellCommand[] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  let dynamic = false;
  let skipNext = false;
  let lineStart = 0;
  const endWord = () => {
    if (!inWord) return;
    if (skipNext) skipNext = false;
    else if (!/\$\{\w+\[@\]\}/.test(word)) words.push(dynamic ? "X" : word);
    word = "";
    inWord = false;
    dynamic = false;
  };
  const endCommand = (at: number) => {
    endWord();
    if (words.length > 0) {
      const line = script.slice(
        lineStart,
        script.indexOf("\n", at) === -1 ? undefined : script.indexOf("\n", at),
      );
      out.push({ words, line: line.trim() });
    }
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i] as string;
    const next = script[i + 1];
    if (c === "\\" && next === "\n") {
      i++;
      continue;
    }
    if (c === "\\") {
      word += next ?? "";
      inWord = true;
      i++;
      continue;
    }
    if (c === "'") {
      const close = script.indexOf("'", i + 1);
      word += script.slice(i + 1, close);
      inWord = true;
      i = close;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let text = "";
      while (j < script.length && script[j] !== '"') {
        if (script[j] === "\\") j++;
        else if (script[j] === "$" && script[j + 1] === "(") {
          // A command substitution inside quotes: its commands count too.
          const end = closingParen(script, j + 2);
          out.push(...commandsOf(script.slice(j + 2, end)));
          text += "$()";
          j = end + 1;
          continue;
        }
        text += script[j];
        j++;
      }
      if (text.includes("$")) dynamic = true;
      word += text;
      inWord = true;
      i = j;
      continue;
    }
    if (c === "#" && !inWord) {
      const eol = script.indexOf("\n", i);
      i = eol === -1 ? script.length : eol - 1;
      continue;
    }
    if (c === "\n") {
      endCommand(i);
      lineStart = i + 1;
      continue;
    }
    if (c === " " || c === "\t") {
      endWord();
      continue;
    }
    if (c === "$" && next === "(") {
      endCommand(i);
      i++;
      continue;
    }
    if (c === ";" || c === "|" || c === "&" || c === "(" || c === ")") {
      endCommand(i);
      if ((c === "|" || c === "&") && next === c) i++;
      continue;
    }
    if (c === "<" && next === "(") {
      endCommand(i);
      i++;
      continue;
    }
    if (c === ">" || c === "<") {
      endWord();
      if (next === ">") i++;
      skipNext = true;
      continue;
    }
    if (c === "$") dynamic = true;
    word += c;
    inWord = true;
  }
  endCommand(script.length);
  return out;
}

/** Index of the `)` closing a `$(` whose contents start at `from` (quotes and nesting respected). */
function closingParen(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "'") i = text.indexOf("'", i + 1);
    else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === "\\") i++;
        else if (text[i] === "$" && text[i + 1] === "(") i = closingParen(text, i + 2);
      }
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return text.length;
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

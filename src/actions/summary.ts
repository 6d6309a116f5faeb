/**
 * The files GitHub Actions hands a step: GITHUB_STEP_SUMMARY (Markdown shown
 * on the run's page) and GITHUB_OUTPUT (values later steps read as
 * `steps.<id>.outputs.<name>`). Both are appended to, never rewritten: other
 * commands of the same step may have written to them already.
 */
import { randomUUID } from "node:crypto";
import { appendFile, stat } from "node:fs/promises";

/**
 * "Job summaries are isolated between steps and each step is restricted to a
 * maximum size of 1MiB" (docs: Workflow commands, "Adding a job summary").
 * Past it the runner drops the WHOLE step summary, so we cut ours short instead.
 */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

type Env = Record<string, string | undefined>;

export interface SummaryWrite {
  /** False when GITHUB_STEP_SUMMARY is not set (not running in Actions): nothing written. */
  written: boolean;
  /** Bytes appended, the truncation note included. */
  bytes: number;
  /** Bytes of `markdown` left out to stay within the limit. */
  omitted: number;
}

/**
 * Appends Markdown to the step summary, keeping the file within
 * STEP_SUMMARY_LIMIT: what does not fit is cut at a line boundary and
 * replaced by a note saying how much was left out.
 */
export async function appendStepSummary(
  env: Env,
  markdown: string,
  limit: number = STEP_SUMMARY_LIMIT,
): Promise<SummaryWrite> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === "") return { written: false, bytes: 0, omitted: 0 };
  const text = markdown.endsWith("\n") ? markdown : `${markdown}\n`;
  const budget = limit - (await sizeOf(file));
  const content = fitSummary(text, budget);
  if (content.text !== "") await appendFile(file, content.text, "utf8");
  return { written: true, bytes: Buffer.byteLength(content.text), omitted: content.omitted };
}

/** `text` if it fits in `budget` bytes, else its longest whole-line prefix that fits with the note. */
export function fitSummary(text: string, budget: number): { text: string; omitted: number } {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= budget) return { text, omitted: 0 };
  // The note's size depends on the number it prints; reserve room for the largest.
  const room = budget - Buffer.byteLength(truncationNote(bytes.length));
  if (room < 0) return { text: "", omitted: bytes.length };
  // Cut after the last newline that fits, so no table row or UTF-8 sequence is split.
  // (A negative offset would search from the end: guard room === 0.)
  const cut = room === 0 ? 0 : bytes.lastIndexOf(0x0a, room - 1) + 1;
  const kept = bytes.subarray(0, cut).toString("utf8");
  const omitted = bytes.length - cut;
  return { text: `${kept}${truncationNote(omitted)}`, omitted };
}

function truncationNote(omitted: number): string {
  return `\n> [!WARNING]\n> This summary was cut short: ${omitted} more bytes did not fit in the 1 MiB GitHub keeps per step. Run the command locally to see everything.\n`;
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

/** Output names: letters, digits, `-` and `_`, starting with a letter or `_` (docs: "Setting an output parameter"). */
const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Sets a step output. Always uses the multiline form `name<<DELIM` … `DELIM`
 * with a random delimiter (as @actions/core does), so a value containing
 * newlines or `=` can never inject another output.
 * Returns false when GITHUB_OUTPUT is not set.
 */
export async function setOutput(
  env: Env,
  name: string,
  value: string,
  delimiter: string = `ghadelimiter_${randomUUID()}`,
): Promise<boolean> {
  if (!OUTPUT_NAME.test(name)) {
    throw new Error(`invalid output name ${JSON.stringify(name)}: use letters, digits, - and _`);
  }
  if (value.includes(delimiter)) {
    throw new Error(`the value of output ${name} contains its delimiter; pick another`);
  }
  const file = env.GITHUB_OUTPUT;
  if (file === undefined || file === "") return false;
  await appendFile(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, "utf8");
  return true;
}

/** Sets several outputs at once, in order. */
export async function setOutputs(env: Env, values: Record<string, string>): Promise<boolean> {
  let written = false;
  for (const [name, value] of Object.entries(values)) {
    written = (await setOutput(env, name, value)) || written;
  }
  return written;
}

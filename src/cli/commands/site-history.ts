/**
 * The star history for `cooltech site`: DIR/history.json as `cooltech refresh`
 * keeps it. It only draws the sparklines and charts, so a missing or unusable
 * file never stops the site: the page is written without them, and a warning
 * says where the file went wrong and how to fix it.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Diagnostic, diagnosticAt } from "../../core/diagnostic.js";
import { displayPath } from "../../load/yaml-source.js";
import { HISTORY_FILE, type History, parseHistory } from "../../refresh/history.js";

const RULE = "star-history";
const WITHOUT = "the site is written without star sparklines";

/** Line and column of `offset` in `text` (1-based). */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Where parseHistory's complaint points: a JSON error's position, a series' key, else the start. */
function locate(text: string, message: string): { line: number; column: number } {
  const at = /at position (\d+)/.exec(message);
  if (at) return position(text, Number(at[1]));
  const key = /the series of ("(?:[^"\\]|\\.)*")/.exec(message);
  if (key?.[1] !== undefined) {
    const offset = text.indexOf(`${key[1]}:`);
    if (offset >= 0) return position(text, offset);
  }
  return { line: 1, column: 1 };
}

/** The history (empty when unusable) and the warnings to show. */
export async function readSiteHistory(
  dataDir: string,
  cwd: string,
): Promise<{ history: History; diagnostics: Diagnostic[] }> {
  const path = join(dataDir, HISTORY_FILE);
  const file = displayPath(path, cwd);
  const warn = (line: number, column: number, message: string) => ({
    history: new Map() as History,
    diagnostics: [diagnosticAt(file, line, column, RULE, message, "warning")],
  });
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    return code === "ENOENT"
      ? warn(1, 1, `no star history yet (\`cooltech refresh\` records it); ${WITHOUT}`)
      : warn(1, 1, `cannot be read (${code}); ${WITHOUT}`);
  }
  try {
    return { history: parseHistory(text, file), diagnostics: [] };
  } catch (error) {
    const message = (error as Error).message;
    const { line, column } = locate(text, message);
    // parseHistory names the file (and 1:1) itself: the diagnostic carries the location instead.
    const what = message.replace(`${file}:1:1 `, "").replace(`${file}: `, "");
    return warn(line, column, `${what}; ${WITHOUT}`);
  }
}

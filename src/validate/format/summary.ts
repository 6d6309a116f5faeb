import {
  blobUrl,
  code,
  escapeSummaryText,
  link,
  markdownTable,
  truncate,
} from "../../actions/markdown.js";
import type { Diagnostic } from "../../core/diagnostic.js";
import { summaryLine } from "./index.js";

type Env = Record<string, string | undefined>;

/** Rows past this are counted, not listed: the step summary holds at most 1 MiB. */
const MAX_ROWS = 2000;

/**
 * The job summary of `validate` (GITHUB_STEP_SUMMARY): every problem in one
 * table with a link to its line, since the pull request shows only 10
 * annotations per severity. `what` says what was checked, e.g. "16 projects
 * in 9 categories". Messages quote the data: escaped, never rendered.
 */
export function validateSummaryMarkdown(
  diagnostics: readonly Diagnostic[],
  what: string,
  env: Env,
): string {
  const errors = diagnostics.some((d) => d.severity === "error");
  const head = `### Catalog check\n\n`;
  if (diagnostics.length === 0) return `${head}✅ Valid: ${escapeSummaryText(what)}, no problem.\n`;
  const verdict = errors ? "❌" : "✅ Valid, with";
  const scope = what === "" ? "" : ` (${escapeSummaryText(what)})`;
  let md = `${head}${verdict} ${summaryLine(diagnostics)}${scope}. Every problem, at its line:\n\n`;
  const rows = diagnostics
    .slice(0, MAX_ROWS)
    .map((d) => [
      d.severity === "error" ? "❌ error" : "⚠️ warning",
      link(code(`${d.file}:${d.line}:${d.column}`), blobUrl(env, d.file, d.line)),
      code(d.rule),
      escapeSummaryText(truncate(d.message, 400)),
    ]);
  md += markdownTable(["", "Where", "Rule", "What to do"], rows);
  if (diagnostics.length > MAX_ROWS) {
    md += `\n…and ${diagnostics.length - MAX_ROWS} more: run \`npx cooltech validate\` locally to see them all.\n`;
  }
  return md;
}

import {
  blobUrl,
  code,
  escapeSummaryText,
  link,
  markdownTable,
  truncate,
} from "../actions/markdown.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { type LinkReport, linkSummary, skippedLines } from "./report.js";

type Env = Record<string, string | undefined>;

/**
 * The weekly run's job summary (GITHUB_STEP_SUMMARY): every problem in one
 * table, since GitHub shows only 10 annotations per severity, then the
 * skipped hosts with their reason. Messages quote URLs from data and from
 * remote servers: escaped, never rendered as links.
 */
export function linkSummaryMarkdown(
  report: LinkReport,
  diagnostics: readonly Diagnostic[],
  env: Env,
): string {
  let md = `## Link check\n\n${escapeSummaryText(linkSummary(report))}\n\n`;
  if (diagnostics.length > 0) {
    const rows = diagnostics.map((d) => [
      d.severity,
      link(code(`${d.file}:${d.line}`), blobUrl(env, d.file, d.line)),
      code(d.rule),
      escapeSummaryText(truncate(d.message, 400)),
    ]);
    md += markdownTable(["", "where", "rule", "what to do"], rows);
    md += "\n";
  } else {
    md += "No dead link, no permanent redirect, nothing unverified.\n\n";
  }
  const skipped = skippedLines(report.skipped);
  if (skipped.length > 0) {
    md += `Not checked (listed in the link-check config):\n\n`;
    md += skipped.map((line) => `- ${escapeSummaryText(line)}\n`).join("");
  }
  return md;
}

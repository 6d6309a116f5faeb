import { ANNOTATIONS_PER_LEVEL, annotation } from "../../actions/commands.js";
import { escapeSummaryText, markdownTable, code as mdCode } from "../../actions/markdown.js";
import { neutralise } from "../../actions/neutralise.js";
import type { Diagnostic } from "../../core/diagnostic.js";
import type { Paint } from "../../core/paint.js";

export type DiagnosticFormat = "text" | "github" | "json";

/** `file:line:col severity message (rule)`, one per line. */
export function formatText(diagnostics: readonly Diagnostic[], p?: Paint): string {
  return diagnostics
    .map((d) => {
      const sev =
        d.severity === "error" ? (p?.red("error") ?? "error") : (p?.yellow("warning") ?? "warning");
      const rule = p ? p.dim(`(${d.rule})`) : `(${d.rule})`;
      return `${d.file}:${d.line}:${d.column} ${sev} ${d.message} ${rule}\n`;
    })
    .join("");
}

/**
 * Workflow annotations, so each problem shows on the pull request's diff at
 * its line: `commands` (annotation lines, to be written where a line may start
 * with `::`), then `text`, the plain list of those past GitHub's cap, which is
 * untrusted text like any other.
 */
export function formatGithubParts(diagnostics: readonly Diagnostic[]): {
  commands: string;
  text: string;
} {
  const used = { error: 0, warning: 0 };
  const overflow: Diagnostic[] = [];
  let out = "";
  for (const d of diagnostics) {
    if (used[d.severity] >= ANNOTATIONS_PER_LEVEL) {
      overflow.push(d);
      continue;
    }
    used[d.severity]++;
    out += `${annotation({ level: d.severity, file: d.file, line: d.line, col: d.column, title: d.rule, message: d.message })}\n`;
  }
  if (overflow.length > 0) {
    out += `${annotation({ level: "notice", message: `${overflow.length} more problem(s) are not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} per severity); they are listed below` })}\n`;
  }
  return { commands: out, text: formatText(overflow) };
}

/** formatGithubParts as one string, the plain-text part made inert (for library users). */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const { commands, text } = formatGithubParts(diagnostics);
  return commands + neutralise(text);
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics.map(({ file, line, column, severity, rule, message }) => ({
    file,
    line,
    column,
    severity,
    rule,
    message,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

/**
 * For a pull request: the problems on lines it did not add or change. They
 * are not annotated on the diff (the contributor did not cause them there),
 * but listed in the job summary, so nothing is silent.
 */
export function outsideChangesMarkdown(diagnostics: readonly Diagnostic[], base: string): string {
  const rows = diagnostics.map((d) => [
    d.severity,
    mdCode(`${d.file}:${d.line}:${d.column}`),
    mdCode(d.rule),
    escapeSummaryText(d.message),
  ]);
  return `### Problems on lines this pull request did not change\n\n${diagnostics.length} problem(s) found in lines unchanged since ${mdCode(base)}: not annotated on the diff, listed here.\n\n${markdownTable(["severity", "where", "rule", "message"], rows)}`;
}

/** The log line (a notice) that points at the summary for the problems not annotated. */
export function outsideChangesNotice(count: number): string {
  return `${annotation({ level: "notice", title: "Outside this pull request", message: `${count} problem(s) on lines this pull request did not change are not annotated on the diff; they are listed below and in the job summary` })}\n`;
}

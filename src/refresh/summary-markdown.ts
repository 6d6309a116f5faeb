/** The refresh summary as job-summary Markdown (GitHub Actions). */
import { code, escapeSummaryText } from "../actions/markdown.js";
import { plain } from "../core/diagnostic.js";
import {
  exhaustedLine,
  headline,
  repairedLine,
  type Summary,
  stoppedLine,
  usageLine,
} from "./summary.js";
import { changesMarkdown } from "./summary-changes.js";
import { capped, contractLine } from "./summary-rows.js";

/** Rows per table in the step summary, which GitHub caps at 1 MiB per step. */
const MARKDOWN_ROWS = 50;

/**
 * Markdown table cell from untrusted text (curated names, GitHub's names and
 * messages): no HTML, image, link, mention, pipe or line break of its own
 * (src/actions/markdown.ts, as in the `validate --online` summary).
 */
const cell = (v: string): string => escapeSummaryText(v);
/** A repository name as inline code (escaped text when it holds a backtick or a pipe). */
const repo = (v: string): string => (v.includes("|") ? escapeSummaryText(v) : code(v));

export function summaryMarkdown(s: Summary): string {
  const c = s.counts;
  const out = [
    "## cooltech refresh",
    "",
    headline(s),
    "",
    "| ok | moved | missing | stale |",
    "|---:|---:|---:|---:|",
    `| ${c.ok} | ${c.moved} | ${c.missing} | ${c.stale} |`,
  ];
  for (const line of [stoppedLine(s), repairedLine(s)]) {
    if (line) out.push("", `> ${escapeSummaryText(line)}`);
  }
  const more = (k: number) => `| … and ${k} more | | | |`;
  movedMarkdown(s, out, more);
  notRefreshedMarkdown(s, out, more);
  out.push(...changesMarkdown(s.changes));
  archivedAndGainsMarkdown(s, out, more);
  contractAndInvalidMarkdown(s, out, more);
  out.push("", `**API:** ${usageLine(s)}`);
  const exhausted = exhaustedLine(s);
  if (exhausted) out.push("", `> ${exhausted}`);
  return `${out.join("\n")}\n\n`;
}

function movedMarkdown(s: Summary, out: string[], more: (k: number) => string): void {
  if (s.moved.length > 0) {
    out.push(
      "",
      "### Moved",
      "",
      "| Project | Curated repo | Now on GitHub | Fixed |",
      "|---|---|---|---|",
    );
    out.push(
      ...capped(
        s.moved,
        MARKDOWN_ROWS,
        (m) => `| ${cell(m.name)} | ${repo(m.from)} | ${repo(m.to)} | ${m.fixed ? "yes" : "no"} |`,
        more,
      ),
    );
  }
}

function notRefreshedMarkdown(s: Summary, out: string[], more: (k: number) => string): void {
  const problems = [
    ...s.missing.map((m) => ({ ...m, status: "missing", reason: "does not exist on GitHub" })),
    ...s.stale.map((m) => ({ ...m, status: "stale" })),
  ];
  if (problems.length > 0) {
    out.push(
      "",
      "### Not refreshed (last-known data kept)",
      "",
      "| Project | Repo | Status | Why |",
      "|---|---|---|---|",
    );
    out.push(
      ...capped(
        problems,
        MARKDOWN_ROWS,
        (m) => `| ${cell(m.name)} | ${repo(m.repo)} | ${m.status} | ${cell(m.reason)} |`,
        more,
      ),
    );
  }
}

function archivedAndGainsMarkdown(s: Summary, out: string[], _more: (k: number) => string): void {
  if (s.archived.length > 0) {
    out.push("", "### Newly archived on GitHub", "");
    out.push(
      ...capped(
        s.archived,
        MARKDOWN_ROWS,
        (m) => `- ${cell(m.name)} (${repo(m.repo)})`,
        (k) => `- … and ${k} more`,
      ),
    );
  }
  if (s.gains.length > 0) {
    out.push("", "### Biggest star gains", "", "| Project | Gain | Stars |", "|---|---:|---:|");
    for (const g of s.gains) out.push(`| ${cell(g.name)} | +${g.gain} | ${g.stars} |`);
  }
}

function contractAndInvalidMarkdown(s: Summary, out: string[], more: (k: number) => string): void {
  if (s.contract.length > 0) {
    out.push("", "### GitHub values dropped or shortened (they break the directory's schema)", "");
    out.push(
      ...capped(
        s.contract,
        MARKDOWN_ROWS,
        (m) => `- ${cell(contractLine(m))}`,
        (k) => `- … and ${k} more`,
      ),
    );
  }
  if (s.invalid.length > 0) {
    out.push(
      "",
      "### Invalid in the curated data (not refreshed)",
      "",
      "| Entry | Where | Kept | Problem |",
      "|---|---|---|---|",
    );
    out.push(
      ...capped(
        s.invalid,
        MARKDOWN_ROWS,
        (m) =>
          `| ${cell(m.name ?? `(${m.kind} without a name)`)} | ${cell(`${m.file}:${m.line}`)} | ${m.outcome === "kept" ? "last-known record" : "left out"} | ${cell(plain(m.message, 200))} |`,
        more,
      ),
    );
  }
}

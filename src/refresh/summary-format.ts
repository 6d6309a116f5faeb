import { plain } from "../core/diagnostic.js";
import type { Paint } from "../core/paint.js";
import type { SetAside } from "../generate/degrade.js";
import { exhaustedLine, headline, type Summary, usageLine } from "./summary.js";

/** Rows shown per list on a terminal (--json has them all). */
const TEXT_ROWS = 20;
/** Rows per table in the step summary, which GitHub caps at 1 MiB per step. */
const MARKDOWN_ROWS = 50;

function capped<T>(
  rows: readonly T[],
  max: number,
  line: (r: T) => string,
  more: (k: number) => string,
) {
  const out = rows.slice(0, max).map(line);
  if (rows.length > max) out.push(more(rows.length - max));
  return out;
}

const since = (fetchedAt: string | null) =>
  fetchedAt ? `last-known data from ${fetchedAt}` : "no earlier data";

function contractLine(m: Summary["contract"][number]): string {
  return `${plain(m.name, 80)} (${m.repo}): ${m.changes.join("; ")}`;
}

function invalidLine(m: SetAside): string {
  const name = m.name === null ? `(${m.kind} without a name)` : plain(m.name, 80);
  const kept = m.outcome === "kept" ? "last-known record kept" : "left out";
  return `${name} (${m.file}:${m.line}): ${kept}`;
}

export function summaryText(s: Summary, p: Paint, projectsFile: string): string {
  const out: string[] = [];
  const c = s.counts;
  const mark = c.missing + c.stale + s.invalid.length === 0 ? p.green("✔") : p.yellow("!");
  out.push(`${mark} ${headline(s)}`);
  const more = (k: number) => `    … and ${k} more (see --json)`;
  if (s.moved.length > 0) {
    out.push(p.bold("Moved (GitHub answers under a new name):"));
    out.push(
      ...capped(
        s.moved,
        TEXT_ROWS,
        (m) => `  ${m.name}: ${m.from} → ${m.to}${m.fixed ? ` (fixed in ${projectsFile})` : ""}`,
        more,
      ),
    );
    if (s.moved.some((m) => !m.fixed) && !s.dryRun) {
      out.push(p.dim(`  Run \`cooltech refresh --fix-moved\` to rewrite repo in ${projectsFile}.`));
    }
  }
  for (const k of s.fixSkipped)
    out.push(`  ${p.yellow("not fixed")}: ${k.name}: ${k.from} → ${k.to}: ${k.reason}`);
  if (s.missing.length > 0) {
    out.push(p.bold("Missing (GitHub says the repository does not exist; last-known data kept):"));
    out.push(
      ...capped(
        s.missing,
        TEXT_ROWS,
        (m) => `  ${m.name} (${m.repo}): ${since(m.fetchedAt)}`,
        more,
      ),
    );
  }
  if (s.stale.length > 0) {
    out.push(p.bold("Stale (this run failed for them; last-known data kept):"));
    out.push(
      ...capped(
        s.stale,
        TEXT_ROWS,
        (m) => `  ${m.name} (${m.repo}): ${m.reason}; ${since(m.fetchedAt)}`,
        more,
      ),
    );
  }
  if (s.archived.length > 0) {
    out.push(p.bold("Newly archived on GitHub (read-only now):"));
    out.push(...capped(s.archived, TEXT_ROWS, (m) => `  ${m.name} (${m.repo})`, more));
  }
  if (s.gains.length > 0) {
    out.push(p.bold("Biggest star gains since the last refresh:"));
    for (const g of s.gains)
      out.push(
        `  ${g.name}: +${g.gain.toLocaleString("en-US")} (${g.stars.toLocaleString("en-US")} stars)`,
      );
  }
  if (s.contract.length > 0) {
    out.push(p.bold("GitHub values that break the directory's schema (dropped or shortened):"));
    out.push(...capped(s.contract, TEXT_ROWS, (m) => `  ${contractLine(m)}`, more));
  }
  if (s.invalid.length > 0) {
    out.push(p.bold("Invalid in the curated data (not refreshed; see the errors on stderr):"));
    out.push(...capped(s.invalid, TEXT_ROWS, (m) => `  ${invalidLine(m)}`, more));
  }
  out.push(`API: ${usageLine(s)}`);
  const exhausted = exhaustedLine(s);
  if (exhausted) out.push(p.yellow(exhausted));
  if (s.dryRun) out.push("Dry run: nothing written.");
  else out.push(s.written.length > 0 ? `Wrote ${s.written.join(", ")}` : "No file changed.");
  return `${out.join("\n")}\n`;
}

/** Markdown table cell: no pipes or line breaks from curated text. */
const cell = (v: string): string => v.replaceAll("|", "\\|").replace(/[\r\n]+/g, " ");

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
  const more = (k: number) => `| … and ${k} more | | | |`;
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
        (m) => `| ${cell(m.name)} | ${cell(m.from)} | ${cell(m.to)} | ${m.fixed ? "yes" : "no"} |`,
        more,
      ),
    );
  }
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
        (m) => `| ${cell(m.name)} | ${cell(m.repo)} | ${m.status} | ${cell(m.reason)} |`,
        more,
      ),
    );
  }
  if (s.archived.length > 0) {
    out.push("", "### Newly archived on GitHub", "");
    out.push(
      ...capped(
        s.archived,
        MARKDOWN_ROWS,
        (m) => `- ${cell(m.name)} (${cell(m.repo)})`,
        (k) => `- … and ${k} more`,
      ),
    );
  }
  if (s.gains.length > 0) {
    out.push("", "### Biggest star gains", "", "| Project | Gain | Stars |", "|---|---:|---:|");
    for (const g of s.gains) out.push(`| ${cell(g.name)} | +${g.gain} | ${g.stars} |`);
  }
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
  out.push("", `**API:** ${usageLine(s)}`);
  const exhausted = exhaustedLine(s);
  if (exhausted) out.push("", `> ${exhausted}`);
  return `${out.join("\n")}\n\n`;
}

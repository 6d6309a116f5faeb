import type { Paint } from "../core/paint.js";
import {
  exhaustedLine,
  headline,
  repairedLine,
  type Summary,
  stoppedLine,
  usageLine,
} from "./summary.js";
import { changesText } from "./summary-changes.js";
import { capped, contractLine, invalidLine, since } from "./summary-rows.js";

/** Rows shown per list on a terminal (--json has them all). */
const TEXT_ROWS = 20;

export function summaryText(s: Summary, p: Paint, projectsFile: string): string {
  const out: string[] = [];
  const c = s.counts;
  const mark =
    c.missing + c.stale + s.invalid.length === 0 && s.stopped === null
      ? p.green("✔")
      : p.yellow("!");
  out.push(`${mark} ${headline(s)}`);
  const repaired = repairedLine(s);
  if (repaired) out.push(p.yellow(repaired));
  const stopped = stoppedLine(s);
  if (stopped) out.push(p.yellow(stopped));
  const more = (k: number) => `    … and ${k} more (see --json)`;
  movedText(s, p, projectsFile, out, more);
  notRefreshedText(s, p, projectsFile, out, more);
  othersText(s, p, projectsFile, out, more);
  out.push(`API: ${usageLine(s)}`);
  const exhausted = exhaustedLine(s);
  if (exhausted) out.push(p.yellow(exhausted));
  if (s.dryRun) out.push("Dry run: nothing written.");
  else out.push(s.written.length > 0 ? `Wrote ${s.written.join(", ")}` : "No file changed.");
  return `${out.join("\n")}\n`;
}

function movedText(
  s: Summary,
  p: Paint,
  projectsFile: string,
  out: string[],
  more: (k: number) => string,
): void {
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
}

function notRefreshedText(
  s: Summary,
  p: Paint,
  _projectsFile: string,
  out: string[],
  more: (k: number) => string,
): void {
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
}

function othersText(
  s: Summary,
  p: Paint,
  _projectsFile: string,
  out: string[],
  more: (k: number) => string,
): void {
  out.push(...changesText(s.changes, p));
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
}

export { summaryMarkdown } from "./summary-markdown.js";

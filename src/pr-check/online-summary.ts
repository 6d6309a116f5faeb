/**
 * The online check as a triage report: a Markdown table for the job summary
 * (what a maintainer would otherwise look up by hand: stars, description,
 * license, last push) and short lines for a terminal.
 */
import {
  code,
  escapeSummaryText,
  formatExactCount,
  link,
  markdownTable,
  truncate,
} from "../actions/markdown.js";
import type { RepoInfo } from "../github/lookup.js";
import type { EntryCheck, OnlineCheck } from "./online.js";

export interface SummaryContext {
  /** The ref compared with (`--changed-since`), if any. */
  base?: string;
}

export function onlineSummaryMarkdown(check: OnlineCheck, ctx: SummaryContext = {}): string {
  const title = ctx.base === undefined ? "### Online check" : "### New-entry check";
  const lines = [title, "", `${scope(check, ctx)}${tally(check)}`, ""];
  if (check.checks.length > 0) {
    const rows = check.checks.map((c) => row(c));
    lines.push(
      markdownTable(
        ["Check", "Entry", "Repository", "Stars", "License", "Last push", "Description (GitHub)"],
        rows,
        ["left", "left", "left", "right"],
      ),
    );
  }
  const failed = check.checks.filter((c) => c.verdict.kind === "failed");
  for (const c of failed) {
    if (c.verdict.kind !== "failed" || c.repo === undefined) continue;
    lines.push(
      `- Not checked: ${code(c.repo)}: ${escapeSummaryText(truncate(c.verdict.reason, 200))}`,
    );
  }
  if (!check.authenticated && check.checks.some((c) => c.repo !== undefined)) {
    lines.push(
      "",
      "> [!NOTE]",
      "> Looked up without a token (GitHub allows 60 such requests an hour). Set `GITHUB_TOKEN` for a reliable check.",
    );
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}

function scope(check: OnlineCheck, ctx: SummaryContext): string {
  const n = check.checks.length;
  if (ctx.base === undefined) return `${n} ${n === 1 ? "entry" : "entries"} looked up on GitHub`;
  const added = check.checks.filter((c) => c.entry.kind === "added").length;
  const changed = n - added;
  if (n === 0) return `No entry of projects.yaml added or changed since ${code(ctx.base)}`;
  return `${added} added, ${changed} changed since ${code(ctx.base)}`;
}

function tally(check: OnlineCheck): string {
  const errors = check.checks.filter((c) => c.severity === "error").length;
  const warnings = check.checks.filter((c) => c.severity === "warning").length;
  if (check.checks.length === 0) return ".";
  if (errors + warnings === 0) return ": all good.";
  const parts = [];
  if (errors > 0) parts.push(`${errors} to fix`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? "warning" : "warnings"}`);
  return `: ${parts.join(", ")}.`;
}

function row(c: EntryCheck): string[] {
  const v = c.verdict;
  const info: RepoInfo | undefined = "info" in v ? v.info : undefined;
  const kind = c.entry.kind === "listed" ? "" : ` (${c.entry.kind})`;
  const entry = `${escapeSummaryText(truncate(c.name, 60))}${kind}`;
  const repo = repository(c, info);
  if (info === undefined) return [status(c), entry, repo, "—", "—", "—", "—"];
  return [
    status(c),
    entry,
    repo,
    formatExactCount(info.stars),
    info.license === null ? "none" : escapeSummaryText(info.license),
    info.pushedAt?.slice(0, 10) ?? "—",
    info.description === null ? "—" : escapeSummaryText(truncate(info.description, 120)),
  ];
}

function repository(c: EntryCheck, info: RepoInfo | undefined): string {
  if (c.repo === undefined) return "—";
  if (info === undefined) return code(c.repo);
  const current = link(escapeSummaryText(info.nameWithOwner), info.url);
  return info.nameWithOwner.toLowerCase() === c.repo.toLowerCase()
    ? current
    : `${code(c.repo)} → ${current}`;
}

function status(c: EntryCheck): string {
  const mark = c.severity === "error" ? "❌" : c.severity === "warning" ? "⚠️" : "✅";
  const v = c.verdict;
  switch (v.kind) {
    case "ok":
      return "✅ ok";
    case "missing":
      return `${mark} not found`;
    case "archived":
      return `${mark} archived`;
    case "moved":
      return `${mark} moved`;
    case "duplicate":
      return `${mark} duplicate of ${escapeSummaryText(v.of.name)} (line ${v.of.line})`;
    case "failed":
      return `${mark} not checked`;
    case "skipped":
      return "➖ no GitHub repository";
  }
}

/** One line per entry for a terminal (stderr). */
export function onlineSummaryText(check: OnlineCheck): string {
  return check.checks
    .map((c) => {
      const v = c.verdict;
      const info = "info" in v ? v.info : undefined;
      const facts = info
        ? `★${formatExactCount(info.stars)}, ${info.license ?? "no license"}, last push ${info.pushedAt?.slice(0, 10) ?? "unknown"}`
        : v.kind === "failed"
          ? `not checked: ${v.reason}`
          : v.kind === "missing"
            ? "not found on GitHub"
            : "no GitHub repository";
      const state =
        v.kind === "ok" || v.kind === "skipped" || v.kind === "failed" ? "" : ` [${v.kind}]`;
      return `  ${JSON.stringify(c.name)} ${c.repo ?? ""}${state}: ${facts}\n`;
    })
    .join("");
}

/** The import's report: one line per fix, skip and merge, and a closing summary (text, Markdown, JSON). */
import { escapeSummaryText, truncate } from "../actions/markdown.js";
import type { ImportResult } from "./run.js";
import type { Note } from "./types.js";

/** `file:line: skipped Name: message (reason)`, in source order. */
export function noteLines(result: ImportResult): string {
  const verb = { fix: "fixed", skip: "skipped", merge: "merged" } as const;
  return result.notes
    .map(
      (n) =>
        `${result.source}:${n.line}: ${verb[n.kind]}${n.name ? ` ${JSON.stringify(n.name)}` : ""}: ${n.message} (${n.reason})\n`,
    )
    .join("");
}

/** How many notes of `kind` there are per reason, most frequent first. */
export function byReason(notes: readonly Note[], kind: Note["kind"]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const n of notes) if (n.kind === kind) counts.set(n.reason, (counts.get(n.reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

const list = (pairs: Array<[string, number]>) => pairs.map(([r, n]) => `${r} ${n}`).join(", ");

export function summaryText(r: ImportResult): string {
  const skips = byReason(r.notes, "skip");
  const fixes = byReason(r.notes, "fix");
  return [
    `${r.source} (${r.format}): ${r.items} items`,
    `  imported ${r.imported}, merged ${r.merged}, unchanged ${r.unchanged}, categories added ${r.categoriesAdded}`,
    `  fixed ${r.fixed}${fixes.length > 0 ? ` (${list(fixes)})` : ""}`,
    `  skipped ${r.skipped}${skips.length > 0 ? ` (${list(skips)})` : ""}`,
    r.written.length > 0
      ? `  wrote ${r.written.join(", ")}`
      : "  nothing to write: the catalog already has everything",
  ].join("\n");
}

export function summaryJson(r: ImportResult): object {
  return {
    source: r.source,
    format: r.format,
    items: r.items,
    imported: r.imported,
    merged: r.merged,
    unchanged: r.unchanged,
    fixed: r.fixed,
    skipped: r.skipped,
    categoriesAdded: r.categoriesAdded,
    fixes: Object.fromEntries(byReason(r.notes, "fix")),
    skips: Object.fromEntries(byReason(r.notes, "skip")),
    written: r.written,
    notes: r.notes,
    warnings: r.warnings,
  };
}

/** The job summary: counts, then every skip and fix (the caller keeps it within GitHub's size limit). */
export function summaryMarkdown(r: ImportResult): string {
  const rows = [
    ["imported", r.imported],
    ["merged", r.merged],
    ["unchanged", r.unchanged],
    ["fixed", r.fixed],
    ["skipped", r.skipped],
    ["categories added", r.categoriesAdded],
  ];
  const out = [
    `## Import of \`${escapeSummaryText(r.source).replace(/`/g, "")}\` (${r.format})`,
    "",
    "| | items |",
    "|---|---:|",
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    ...byReason(r.notes, "skip").map(([k, v]) => `| skipped: ${k} | ${v} |`),
    ...byReason(r.notes, "fix").map(([k, v]) => `| fixed: ${k} | ${v} |`),
  ];
  const details = r.notes.filter((n) => n.kind !== "merge");
  if (details.length > 0) {
    out.push("", "| line | | entry | why |", "|---:|---|---|---|");
    for (const n of details) {
      out.push(
        `| ${n.line} | ${n.kind === "skip" ? "skipped" : "fixed"} | ${escapeSummaryText(truncate(n.name ?? "", 60))} | ${escapeSummaryText(truncate(n.message, 200))} |`,
      );
    }
  }
  return `${out.join("\n")}\n`;
}

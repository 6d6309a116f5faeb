import { escapeSummaryText } from "../actions/markdown.js";
import { plain } from "../core/diagnostic.js";
import type { Paint } from "../core/paint.js";
import type { ChangeEvent } from "../generate/changes.js";

/** Rows of the change list on a terminal and in the step summary (--json and changes.json have them all). */
const TEXT_ROWS = 20;
const MARKDOWN_ROWS = 50;

const n = (x: number): string => x.toLocaleString("en-US");

/** What an event says, with `show` applied to every string that came from the data. */
export function changeSentence(e: ChangeEvent, show: (s: string) => string): string {
  const who = e.repo === null ? show(e.name) : `${show(e.name)} (${show(e.repo)})`;
  switch (e.type) {
    case "added":
      return `${who} added`;
    case "removed":
      return `${who} removed`;
    case "moved":
      return `${show(e.name)} moved from ${show(e.from ?? "?")} to ${show(e.repo ?? "?")}`;
    case "archived":
      return `${who} archived`;
    case "unarchived":
      return `${who} unarchived`;
    case "release":
      return `${who} released ${show(e.tag ?? "?")}`;
    case "stars":
      return `${who} passed ${n(e.milestone ?? 0)} stars`;
  }
}

/** The "Changes" block of the terminal summary (none when there are no changes). */
export function changesText(changes: readonly ChangeEvent[], p: Paint): string[] {
  if (changes.length === 0) return [];
  const out = [p.bold("Changes (appended to changes.json):")];
  for (const e of changes.slice(0, TEXT_ROWS))
    out.push(`  ${changeSentence(e, (s) => plain(s, 80))}`);
  if (changes.length > TEXT_ROWS)
    out.push(`    … and ${changes.length - TEXT_ROWS} more (see --json)`);
  return out;
}

/** The "Changes" section of the step summary, every data string escaped. */
export function changesMarkdown(changes: readonly ChangeEvent[]): string[] {
  if (changes.length === 0) return [];
  const out = ["", "### Changes", ""];
  const show = (s: string) => escapeSummaryText(plain(s, 120));
  for (const e of changes.slice(0, MARKDOWN_ROWS)) out.push(`- ${changeSentence(e, show)}`);
  if (changes.length > MARKDOWN_ROWS) out.push(`- … and ${changes.length - MARKDOWN_ROWS} more`);
  return out;
}

/** Row helpers shared by the refresh summaries (terminal text and job-summary Markdown). */
import { plain } from "../core/diagnostic.js";
import type { SetAside } from "../generate/degrade.js";
import type { Summary } from "./summary.js";

export function capped<T>(
  rows: readonly T[],
  max: number,
  line: (r: T) => string,
  more: (k: number) => string,
) {
  const out = rows.slice(0, max).map(line);
  if (rows.length > max) out.push(more(rows.length - max));
  return out;
}

export const since = (fetchedAt: string | null) =>
  fetchedAt ? `last-known data from ${fetchedAt}` : "no earlier data";

export function contractLine(m: Summary["contract"][number]): string {
  return `${plain(m.name, 80)} (${m.repo}): ${m.changes.join("; ")}`;
}

export function invalidLine(m: SetAside): string {
  const name = m.name === null ? `(${m.kind} without a name)` : plain(m.name, 80);
  const kept = m.outcome === "kept" ? "last-known record kept" : "left out";
  return `${name} (${m.file}:${m.line}): ${kept}`;
}

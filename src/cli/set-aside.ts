import { plain } from "../core/diagnostic.js";
import type { SetAside } from "../generate/degrade.js";
import type { Paint } from "./io.js";

/**
 * What `refresh` and `build` did with each invalid entry, for stderr: one
 * line each, located, so nothing is dropped silently.
 */
export function setAsideText(setAside: readonly SetAside[], p: Paint): string {
  if (setAside.length === 0) return "";
  const kept = setAside.filter((s) => s.outcome === "kept").length;
  const head = `${p.yellow("!")} ${setAside.length} invalid ${setAside.length === 1 ? "entry" : "entries"} set aside (${kept} kept at the last-known record of directory.json, ${setAside.length - kept} left out); every other entry was written:\n`;
  const lines = setAside.map((s) => `  ${setAsideLine(s)}\n`);
  return head + lines.join("");
}

export function setAsideLine(s: SetAside): string {
  const what = s.name === null ? `${s.kind} without a name` : `${s.kind} ${plain(s.name, 80)}`;
  const outcome =
    s.outcome === "kept" ? "last-known record kept" : "left out (no last-known record)";
  return `${s.file}:${s.line}:${s.column} ${what}: ${outcome}; ${plain(s.message, 200)}`;
}

/**
 * Proves cheaply that a curated file is already exactly what `canonicalize()`
 * would write, without building its YAML syntax tree (which costs ~10x the
 * rest of `fmt --check` on a canonical catalog). Each line is compared with
 * the canonical rendering of the value the reader returned for it; comments
 * and blank lines are accepted only where the printer keeps them as they are.
 * Anything else returns false, and the caller takes the full path, which also
 * explains every change: a false here only costs time, a true must never be
 * wrong. test/fmt-canonical-check.test.ts checks that against `canonicalize()`
 * on the seed catalog, a generated catalog and thousands of random files.
 */
import { compareProjects } from "../core/order.js";
import { normalizeRepo } from "../core/repo-url.js";
import { NOT_STRING } from "../load/fast-yaml.js";
import { MAINTENANCE_KEYS } from "../validate/maintenance-message.js";
import { CATEGORY_KEYS, PROJECT_KEYS } from "./canonical.js";

const ORDER = { projects: PROJECT_KEYS, categories: CATEGORY_KEYS } as const;

/**
 * Any of these sends the file to the full path (as in fast-yaml.ts, plus lone surrogates).
 * The `u` flag makes the surrogate range match lone surrogates only: a character outside
 * the BMP (an emoji) is a pair, one code point, which the printer writes as it is.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to detect
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/u;

/** What the printer (yaml's stringifyString) cannot write as a plain scalar. */
const NOT_PLAIN =
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/** Where the printer's choice depends on more than the value: left to the full path. */
const UNSURE = /^(?:%|---|\.\.\.)|^<<$/;

const WORD = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

const PAIR = /^(?:- | {2})([A-Za-z][A-Za-z0-9_-]{0,63}):(?: (.*))?$/;
/** A key of a mapping one level down (e.g. `maintenance:`'s `status`). */
const INNER_PAIR = /^ {4}([A-Za-z][A-Za-z0-9_-]{0,63}): (.*)$/;

type Entry = Record<string, unknown>;

/** True only when `text` is byte for byte what `canonicalize(text, kind)` would print. */
export function isCanonical(
  text: string,
  value: unknown,
  kind: "projects" | "categories",
): boolean {
  if (!Array.isArray(value) || value.length === 0 || UNUSUAL.test(text)) return false;
  if (!text.endsWith("\n") || text.endsWith("\n\n") || text.startsWith("\n")) return false;
  const entries = value as unknown[];
  if (!entries.every((e) => typeof e === "object" && e !== null && !Array.isArray(e))) {
    return false;
  }
  if (!linesCanonical(text.slice(0, -1).split("\n"), entries as Entry[], kind)) return false;
  if (kind === "projects") {
    for (let i = 1; i < entries.length; i++) {
      if (compareProjects(entries[i - 1] as Entry, entries[i] as Entry) > 0) return false;
    }
  }
  return true;
}

/** Where the walk is: the entry, and the mapping one level down whose lines come next. */
interface Walk {
  entry: number;
  seen: number; // keys of the current entry
  rank: number; // rank of the last key seen
  inner: { map: Entry; order: readonly string[] | null; seen: number; rank: number } | null;
}

/** The line-by-line walk: pairs as printed, in key order; comments and blanks where kept. */
function linesCanonical(lines: string[], entries: Entry[], kind: keyof typeof ORDER): boolean {
  const w: Walk = { entry: -1, seen: 0, rank: 0, inner: null };
  let blank = true; // the previous line was blank (or there was none)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith("    ")) {
      if (!innerPairCanonical(line, w)) return false;
      continue;
    }
    if (w.inner !== null && w.inner.seen !== Object.keys(w.inner.map).length) return false;
    w.inner = null;
    if (line === "") {
      if (blank) return false;
      blank = true;
      continue;
    }
    const wasBlank = blank;
    blank = false;
    if (line.startsWith("#") || line.startsWith("  #")) {
      const next = commentBlockEnd(lines, i, wasBlank);
      if (next === -1) return false;
      i = next - 1;
      continue;
    }
    if (!pairCanonical(line, wasBlank, w, entries, kind)) return false;
  }
  if (w.inner !== null && w.inner.seen !== Object.keys(w.inner.map).length) return false;
  return w.entry === entries.length - 1 && w.seen === Object.keys(entries[w.entry] as Entry).length;
}

/** A `- key: value` or `  key: value` line (or `key:` opening a mapping), as printed. */
function pairCanonical(
  line: string,
  afterBlank: boolean,
  w: Walk,
  entries: Entry[],
  kind: keyof typeof ORDER,
): boolean {
  const m = PAIR.exec(line);
  if (m === null) return false;
  if (line.startsWith("- ")) {
    if (w.entry >= 0 && w.seen !== Object.keys(entries[w.entry] as Entry).length) return false;
    w.entry++;
    w.seen = 0;
    w.rank = 0;
    if (w.entry >= entries.length) return false;
  } else if (w.entry < 0 || afterBlank) {
    // A blank line inside an entry: left to the full path.
    return false;
  }
  const map = entries[w.entry] as Entry;
  const key = m[1] as string;
  if (!Object.hasOwn(map, key)) return false;
  const order: readonly string[] = ORDER[kind];
  const r = order.indexOf(key) === -1 ? order.length : order.indexOf(key);
  if (r < w.rank) return false;
  w.rank = r;
  w.seen++;
  const value = map[key];
  if (m[2] === undefined) {
    // `key:` and the mapping's lines below it, indented four spaces.
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    if (Object.keys(value).length === 0) return false;
    const nested = kind === "projects" && key === "maintenance" ? MAINTENANCE_KEYS : null;
    w.inner = { map: value as Entry, order: nested, seen: 0, rank: 0 };
    return true;
  }
  const printed = render(key, value, kind);
  return printed !== undefined && valueWithComment(m[2], printed);
}

/** A `    key: value` line of the mapping opened above it, as printed. */
function innerPairCanonical(line: string, w: Walk): boolean {
  const inner = w.inner;
  const m = INNER_PAIR.exec(line);
  if (inner === null || m === null) return false;
  const key = m[1] as string;
  if (!Object.hasOwn(inner.map, key)) return false;
  if (inner.order !== null) {
    const r = inner.order.indexOf(key) === -1 ? inner.order.length : inner.order.indexOf(key);
    if (r < inner.rank) return false;
    inner.rank = r;
  }
  inner.seen++;
  const value = inner.map[key];
  const printed = typeof value === "string" ? scalar(value) : undefined;
  return printed !== undefined && valueWithComment(m[2] as string, printed);
}

/**
 * The index after a block of comment lines that the printer writes back as
 * they are, or -1: `#` lines right before an entry (the file's header, or the
 * entry's own comment), or `  #` lines right before a key of the same entry.
 */
function commentBlockEnd(lines: string[], at: number, afterBlank: boolean): number {
  const inner = (lines[at] as string).startsWith("  ");
  if (inner && afterBlank) return -1;
  let next = at;
  while (next < lines.length && (lines[next] as string).startsWith(inner ? "  #" : "#")) next++;
  const after = lines[next];
  // After the last key of an entry, `  #` lines stay with it.
  if (after === undefined) return inner ? next : -1;
  if (inner) return after.startsWith("- ") || /^ {2}[^ #]/.test(after) ? next : -1;
  // Only the header (the first lines) may be set off from its entry by a blank line.
  if (after === "" && at === 0) return next;
  return after.startsWith("- ") ? next : -1;
}

/** `printed`, alone or followed by ` #comment`. */
function valueWithComment(raw: string, printed: string): boolean {
  return raw === printed || raw.startsWith(`${printed} #`);
}

/** How the printer writes `value` under `key`, or undefined when not sure. */
function render(key: string, value: unknown, kind: keyof typeof ORDER): string | undefined {
  if (typeof value === "string") {
    if (kind === "projects" && key === "repo") {
      const fixed = normalizeRepo(value);
      if (fixed !== undefined && fixed !== value) return undefined;
    }
    return scalar(value);
  }
  if (!Array.isArray(value)) return undefined;
  // One category is written as a plain id.
  if (kind === "projects" && key === "category" && value.length === 1) return undefined;
  const items: string[] = [];
  for (const v of value) {
    if (typeof v !== "string" || !WORD.test(v)) return undefined;
    const s = scalar(v);
    if (s !== v) return undefined;
    items.push(s);
  }
  return `[${items.join(", ")}]`;
}

function scalar(s: string): string | undefined {
  if (UNSURE.test(s)) return undefined;
  if (s !== "" && !NOT_PLAIN.test(s) && !NOT_STRING.some((re) => re.test(s))) return s;
  // Quoted: single quotes when the text holds a double quote and no single one, else double.
  const double = s.includes('"');
  const single = s.includes("'");
  if (double && !single) return `'${s}'`;
  return JSON.stringify(s);
}

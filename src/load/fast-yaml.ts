/**
 * A fast reader for the layout `cooltech fmt` writes: a block list of flat
 * mappings, one `key: value` per line, each value a plain or quoted string or
 * a flow list of plain words, or a mapping of such values one level down
 * (`maintenance:`, then `    status: …` lines indented by four spaces). It
 * returns exactly what `yaml` would (a list of objects of strings, string
 * lists and such mappings) and returns undefined for anything
 * else: then the caller uses the full parser, which also reports every
 * problem. Parsing with `yaml` builds a syntax tree of the whole file (~0.2 s
 * and ~20 MB per 1,000 entries); this reads a canonical catalog ~10x faster,
 * and the tree is built later only if a problem has to be located.
 * test/catalog-fast-yaml.test.ts checks it against `yaml` on many inputs.
 */

export type FastScalar = string | string[];
export type FastValue = FastScalar | { [key: string]: FastScalar };

/**
 * Characters that send the whole file to the full parser: tabs, CR (CRLF line
 * ends), other C0/C1 controls, Unicode line separators and BOMs.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to detect
const SLOW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** `key: value`; yaml limits implicit keys to 1024 characters, we to short words. */
const KEY = /^([A-Za-z][A-Za-z0-9_-]{0,63}):(?: +(.*))?$/;

/** The YAML 1.2 core schema's non-string plain scalars (yaml/dist/schema/core, common/null). */
export const NOT_STRING: readonly RegExp[] = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
];

/** A plain scalar starting with one of these is not a simple string (an indicator). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

const WORD = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

type Nested = { [key: string]: FastScalar };

export function readCanonicalList(text: string): Array<Record<string, FastValue>> | undefined {
  if (SLOW.test(text)) return undefined;
  const list: Array<Record<string, FastValue>> = [];
  let current: Record<string, FastValue> | undefined;
  /** The mapping a `key:` line with no value opened, while its lines follow. */
  let nested: Nested | undefined;
  for (const line of text.split("\n")) {
    const content = line.slice(leadingSpaces(line));
    if (!line.startsWith("- ") && (content === "" || content.startsWith("#"))) continue; // blank or comment line
    if (line.startsWith("    ") && line[4] !== " ") {
      if (nested === undefined || addPair(nested, content) !== true) return undefined;
      continue;
    }
    // An empty `key:` is null to yaml, not a mapping: only a filled one is read here.
    if (nested !== undefined && Object.keys(nested).length === 0) return undefined;
    nested = undefined;
    if (line.startsWith("- ")) {
      current = {};
      list.push(current);
    } else if (current === undefined || !line.startsWith("  ") || line[2] === " ") {
      return undefined;
    }
    const added = addPair(current, line.slice(2), true);
    if (added === false) return undefined;
    if (added !== true) nested = added;
  }
  if (nested !== undefined && Object.keys(nested).length === 0) return undefined;
  return list.length > 0 ? list : undefined;
}

/**
 * Reads `key: value` into `map`: true when read, false when it is not
 * canonical, or (with `open`) the new mapping a `key:` with no value starts.
 */
function addPair(map: Record<string, FastValue>, text: string, open = false): boolean | Nested {
  const m = KEY.exec(text);
  const key = m?.[1];
  if (key === undefined || Object.hasOwn(map, key)) return false;
  if (m?.[2] === undefined) {
    if (!open) return false;
    const inner: Nested = {};
    map[key] = inner;
    return inner;
  }
  const value = scalarOrList(m[2]);
  if (value === undefined) return false;
  map[key] = value;
  return true;
}

function scalarOrList(v: string): FastValue | undefined {
  switch (v[0]) {
    case '"': {
      // Only the escapes \" and \\ (what the printer writes for quotes in a description).
      const m = /^"((?:[^"\\]|\\["\\])*)"(?: +#.*)? *$/.exec(v);
      return m?.[1]?.replace(/\\(["\\])/g, "$1");
    }
    case "'": {
      const m = /^'((?:[^']|'')*)'(?: +#.*)? *$/.exec(v);
      return m?.[1]?.replaceAll("''", "'");
    }
    case "[":
      return flowList(v);
    default:
      return plain(v);
  }
}

function plain(v: string): string | undefined {
  if (INDICATOR.test(v)) return undefined;
  const hash = v.indexOf(" #");
  const s = withoutTrailingSpaces(hash === -1 ? v : v.slice(0, hash));
  // `a: b` in a value is a nested mapping (an error); a trailing `:` starts one.
  if (s.includes(": ") || s.endsWith(":") || !isString(s)) return undefined;
  return s;
}

/** Longer flow lists go to the full parser, whose size limit reports them (see limits.ts). */
const MAX_FLOW_LIST = 10_000;

function flowList(v: string): string[] | undefined {
  if (v.length > MAX_FLOW_LIST) return undefined;
  const m = /^\[([^[\]]*)\](?: +#.*)? *$/.exec(v);
  const inner = m?.[1];
  if (inner === undefined) return undefined;
  if (inner.length === leadingSpaces(inner)) return [];
  const items = inner.split(",").map((s) => withoutTrailingSpaces(s.slice(leadingSpaces(s))));
  return items.every((s) => WORD.test(s) && isString(s)) ? items : undefined;
}

function isString(s: string): boolean {
  return s !== "" && !NOT_STRING.some((re) => re.test(s));
}

// YAML trims spaces (and tabs, which never get here), not all of Unicode's white space as
// String#trim does; loops rather than / +$/, which is quadratic on long runs of spaces.
function leadingSpaces(s: string): number {
  let i = 0;
  while (s.charCodeAt(i) === 32) i++;
  return i;
}

function withoutTrailingSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(0, end);
}

/**
 * A fast reader for the layout `cooltech fmt` writes: a block list of flat
 * mappings, one `key: value` per line, each value a plain or quoted string or
 * a flow list of plain words. It returns exactly what `yaml` would (a list of
 * objects of strings and string lists) and returns undefined for anything
 * else: then the caller uses the full parser, which also reports every
 * problem. Parsing with `yaml` builds a syntax tree of the whole file (~0.2 s
 * and ~20 MB per 1,000 entries); this reads a canonical catalog ~10x faster,
 * and the tree is built later only if a problem has to be located.
 * test/catalog-fast-yaml.test.ts checks it against `yaml` on many inputs.
 */

export type FastValue = string | string[];

/**
 * Characters that send the whole file to the full parser: tabs, CR (CRLF line
 * ends), other C0/C1 controls, Unicode line separators and BOMs.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to detect
const SLOW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** `key: value`; yaml limits implicit keys to 1024 characters, we to short words. */
const KEY = /^([A-Za-z][A-Za-z0-9_-]{0,63}):(?: +(.*))?$/;

/** The YAML 1.2 core schema's non-string plain scalars (yaml/dist/schema/core, common/null). */
const NOT_STRING = [
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

export function readCanonicalList(text: string): Array<Record<string, FastValue>> | undefined {
  if (SLOW.test(text)) return undefined;
  const list: Array<Record<string, FastValue>> = [];
  let current: Record<string, FastValue> | undefined;
  for (const line of text.split("\n")) {
    if (line.startsWith("- ")) {
      current = {};
      list.push(current);
      if (!addPair(current, line.slice(2))) return undefined;
      continue;
    }
    const content = line.slice(leadingSpaces(line));
    if (content === "" || content.startsWith("#")) continue; // blank or comment line
    if (current === undefined || !line.startsWith("  ") || line[2] === " ") return undefined;
    if (!addPair(current, content)) return undefined;
  }
  return list.length > 0 ? list : undefined;
}

function addPair(map: Record<string, FastValue>, text: string): boolean {
  const m = KEY.exec(text);
  const key = m?.[1];
  if (key === undefined || m?.[2] === undefined || Object.hasOwn(map, key)) return false;
  const value = scalarOrList(m[2]);
  if (value === undefined) return false;
  map[key] = value;
  return true;
}

function scalarOrList(v: string): FastValue | undefined {
  switch (v[0]) {
    case '"': {
      // No escapes: the text between the quotes is the value.
      const m = /^"([^"\\]*)"(?: +#.*)? *$/.exec(v);
      return m?.[1];
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

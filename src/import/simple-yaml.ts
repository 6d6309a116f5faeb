/**
 * A fast reader for the block YAML that big source lists are written in
 * (landscape.yml: nested block mappings and lists, one scalar per line).
 * It returns plain data plus the line of each mapping, or undefined for any
 * construct it does not handle (block or multi-line scalars, flow mappings,
 * anchors, tags, tabs...): then the caller parses with `yaml`, which is ~20x
 * slower on a 1 MB file. test/import-simple-yaml.test.ts checks it against `yaml`.
 */

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export interface SimpleYaml {
  value: Plain;
  /** 1-based line where each mapping starts. */
  lines: WeakMap<object, number>;
}

interface Line {
  n: number;
  indent: number;
  text: string;
  /** Blank or comment lines come just before this one. */
  gap: boolean;
}

class Unsupported extends Error {}

const KEY = /^([A-Za-z_][\w-]*):(?: +(.*))?$/;

export function readSimpleYaml(source: string, firstLine = 1): SimpleYaml | undefined {
  try {
    return read(source, firstLine - 1);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function read(source: string, offset: number): SimpleYaml | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: tabs and other controls: not ours
  if (/[\u0000-\u0009\u000b-\u001f\u007f\ufeff]/.test(source)) return undefined;
  const raw = source.split("\n");
  const lines: Line[] = [];
  let gap = false;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i] as string;
    const text = trimStart(line);
    if (text === "" || text.startsWith("#")) {
      gap = true;
      continue;
    }
    const indent = line.length - text.length;
    const folded = /^(?:- )?[A-Za-z_][\w-]*: +([>|])(?:([1-9])?(-?)|(-?)([1-9])?)$/.exec(
      trimEnd(text),
    );
    if (folded) {
      // A block scalar: its lines are text (even `#`), joined here into one quoted value.
      const n = offset + i + 1;
      const body: string[] = [];
      while (
        i + 1 < raw.length &&
        (blank(raw[i + 1] as string) || indentOf(raw[i + 1] as string) > indent)
      ) {
        body.push(raw[++i] as string);
      }
      while (body.length > 0 && blank(body.at(-1) as string)) body.pop();
      // An explicit indentation (`|2-`) counts from the key's own indentation.
      const digit = folded[2] ?? folded[5];
      if (digit !== undefined && text.startsWith("- ")) throw new Unsupported();
      const at = digit === undefined ? undefined : indent + Number(digit);
      const value = blockScalar(body, folded[1] === ">", (folded[3] || folded[4]) === "-", at);
      const head = folded[0].slice(0, folded[0].lastIndexOf(":") + 1);
      lines.push({ n, indent, text: `${head} ${JSON.stringify(value)}`, gap });
      gap = false;
      continue;
    }
    lines.push({ n: offset + i + 1, indent, text: trimEnd(text), gap });
    gap = false;
  }
  if (lines.some((l) => /^(---|\.\.\.|%)/.test(l.text))) return undefined;
  const out = { value: null as Plain, lines: new WeakMap<object, number>() };
  const pos = { i: 0 };
  out.value = block(lines, pos, lines[0]?.indent ?? 0, out.lines);
  return pos.i === lines.length ? out : undefined;
}

// YAML separates with spaces only (String#trim would also eat e.g. no-break spaces, which are content).
// Loops, not / +$/, which is quadratic on a long run of spaces.
function trimStart(s: string): string {
  let i = 0;
  while (s.charCodeAt(i) === 32) i++;
  return s.slice(i);
}
function trimEnd(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(0, end);
}
const blank = (s: string) => trimStart(s) === "";

function indentOf(line: string): number {
  return line.length - trimStart(line).length;
}

/** `>`/`|` with clip or strip chomping, over lines of one indentation (blank lines allowed); else unsupported. */
function blockScalar(body: string[], fold: boolean, strip: boolean, explicit?: number): string {
  const indent = explicit ?? indentOf(body.find((l) => !blank(l)) ?? "");
  if (indent === 0) throw new Unsupported();
  let text = "";
  let blanks = 0;
  let previousSpaced = false;
  let first = true;
  for (const l of body) {
    if (blank(l)) {
      if (l.length > indent) throw new Unsupported();
      blanks++;
      continue;
    }
    if (indentOf(l) < indent) throw new Unsupported();
    const content = l.slice(indent);
    // Folding joins two normal lines with a space; a more-indented line keeps its breaks.
    const spaced = content.startsWith(" ") || previousSpaced;
    if (!first) {
      text +=
        fold && !spaced ? (blanks === 0 ? " " : "\n".repeat(blanks)) : "\n".repeat(blanks + 1);
    } else text += "\n".repeat(blanks);
    first = false;
    text += content;
    blanks = 0;
    previousSpaced = content.startsWith(" ");
  }
  return strip ? text : `${text}\n`;
}

function block(
  lines: Line[],
  pos: { i: number },
  indent: number,
  at: WeakMap<object, number>,
): Plain {
  const first = lines[pos.i];
  if (first === undefined || first.indent !== indent) throw new Unsupported();
  return first.text === "-" || first.text.startsWith("- ")
    ? list(lines, pos, indent, at)
    : map(lines, pos, indent, at, {});
}

function list(
  lines: Line[],
  pos: { i: number },
  indent: number,
  at: WeakMap<object, number>,
): Plain[] {
  const out: Plain[] = [];
  for (
    let l = lines[pos.i];
    l && l.indent === indent && (l.text === "-" || l.text.startsWith("- "));
    l = lines[pos.i]
  ) {
    const rest = trimStart(l.text.slice(2));
    if (rest === "" || rest.startsWith("- ")) throw new Unsupported();
    if (KEY.test(rest)) {
      // `- key: value` starts a mapping whose further keys line up with `key`.
      const inner = indent + (l.text.length - rest.length);
      lines[pos.i] = { n: l.n, indent: inner, text: rest, gap: l.gap };
      out.push(map(lines, pos, inner, at, {}));
    } else {
      out.push(scalar(rest));
      pos.i++;
    }
  }
  return out;
}

function map(
  lines: Line[],
  pos: { i: number },
  indent: number,
  at: WeakMap<object, number>,
  m: { [key: string]: Plain },
): Plain {
  at.set(m, lines[pos.i]?.n ?? 0);
  for (let l = lines[pos.i]; l && l.indent === indent; l = lines[pos.i]) {
    const k = KEY.exec(l.text);
    if (!k?.[1] || Object.hasOwn(m, k[1]) || k[1] === "__proto__") throw new Unsupported();
    pos.i++;
    if (k[2] !== undefined && !k[2].startsWith("#")) {
      m[k[1]] = scalar(continued(lines, pos, indent, k[2]));
      continue;
    }
    const next = lines[pos.i];
    m[k[1]] = next && next.indent > indent ? block(lines, pos, next.indent, at) : null;
  }
  const l = lines[pos.i];
  if (l && l.indent > indent) throw new Unsupported();
  return m;
}

/** A plain scalar folded over more-indented lines (`description: a\n    b` is "a b"). */
function continued(lines: Line[], pos: { i: number }, indent: number, first: string): string {
  let text = first;
  for (let l = lines[pos.i]; l && l.indent > indent; l = lines[pos.i]) {
    if (l.gap || /^["']/.test(first) || / #|: |:$/.test(l.text) || / #/.test(text)) {
      throw new Unsupported();
    }
    text += ` ${l.text}`;
    pos.i++;
  }
  return text;
}

const INDICATOR = /^[[\]{}&*!|>%@`?:,]/;

function scalar(text: string): Plain {
  if (text.startsWith('"')) {
    const m = /^("(?:[^"\\]|\\(?:["\\/nt]|u[0-9a-fA-F]{4}))*")(?: +#.*)?$/.exec(text);
    if (!m?.[1]) throw new Unsupported();
    return JSON.parse(m[1]) as string;
  }
  if (text.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'(?: +#.*)?$/.exec(text);
    if (m?.[1] === undefined) throw new Unsupported();
    return m[1].replaceAll("''", "'");
  }
  if (text.startsWith("[")) return flowList(text);
  if (INDICATOR.test(text) || /^-(?: |$)/.test(text)) throw new Unsupported();
  const hash = text.indexOf(" #");
  const v = trimEnd(hash === -1 ? text : text.slice(0, hash));
  if (/: |:$/.test(v)) throw new Unsupported();
  return typed(v);
}

/** `[a, "b", 'c']` on one line, no commas or brackets inside items. */
function flowList(text: string): Plain[] {
  const m = /^\[([^[\]{}]*)\](?: +#.*)?$/.exec(text);
  if (m?.[1] === undefined) throw new Unsupported();
  if (blank(m[1])) return [];
  return m[1].split(",").map((item) => {
    const t = trimEnd(trimStart(item));
    if (t === "" || /[#:]/.test(t)) throw new Unsupported();
    return scalar(t);
  });
}

/** The YAML 1.2 core schema's reading of a plain scalar. */
function typed(v: string): Plain {
  if (/^(?:~|null|Null|NULL)?$/.test(v)) return null;
  if (/^(?:true|True|TRUE)$/.test(v)) return true;
  if (/^(?:false|False|FALSE)$/.test(v)) return false;
  if (/^[-+]?[0-9]+$/.test(v)) return Number.parseInt(v, 10);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(v))
    return Number.parseFloat(v);
  if (/^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(v))
    throw new Unsupported();
  return v;
}

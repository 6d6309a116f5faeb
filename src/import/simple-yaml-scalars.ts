/** Scalars and block scalars for the fast source reader (simple-yaml.ts). */

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Thrown for anything the fast reader leaves to `yaml`. */
export class Unsupported extends Error {}

// Loops, not / +$/, which is quadratic on a long run of spaces.
export function trimStart(s: string): string {
  let i = 0;
  while (s.charCodeAt(i) === 32) i++;
  return s.slice(i);
}
export function trimEnd(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return s.slice(0, end);
}
export const blank = (s: string) => trimStart(s) === "";

export function indentOf(line: string): number {
  return line.length - trimStart(line).length;
}

/** `>`/`|` with clip or strip chomping, over lines of one indentation (blank lines allowed); else unsupported. */
export function blockScalar(
  body: string[],
  fold: boolean,
  strip: boolean,
  explicit?: number,
): string {
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

const INDICATOR = /^[[\]{}&*!|>%@`?:,]/;

export function scalar(text: string): Plain {
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

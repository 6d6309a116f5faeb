/**
 * A fast reader for the block YAML that big source lists are written in
 * (landscape.yml: nested block mappings and lists, one scalar per line).
 * It returns plain data plus the line of each mapping, or undefined for any
 * construct it does not handle (flow mappings, anchors, tags, tabs, quoted
 * scalars over several lines...): then the caller parses with `yaml`, which is ~20x
 * slower on a 1 MB file. test/import-simple-yaml.test.ts checks it against `yaml`.
 */

import {
  blank,
  blockScalar,
  indentOf,
  type Plain,
  scalar,
  trimEnd,
  trimStart,
  Unsupported,
} from "./simple-yaml-scalars.js";

export type { Plain } from "./simple-yaml-scalars.js";

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

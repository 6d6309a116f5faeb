/**
 * Reading a YAML source list (landscape.yml, best-of's projects.yaml) as plain
 * data with the line of every mapping: by the fast reader when the file keeps
 * to simple block YAML, else by `yaml` (which also reports syntax errors).
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { UserError } from "../core/errors.js";
import { type Plain, readSimpleYaml } from "./simple-yaml.js";

interface Lines {
  value: Plain;
  lines: { get(map: object): number | undefined };
}

export type PlainMap = { [key: string]: Plain };

export interface SourceTree {
  value: Plain;
  /** 1-based line of a mapping of `value`. */
  line: (map: PlainMap) => number;
}

/** Reads the file; only the top-level keys in `keys` are needed (the rest may be in any YAML). */
export function readSourceYaml(text: string, file: string, keys: readonly string[]): SourceTree {
  try {
    return readTree(text, file, keys);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new UserError(`${file}: the data is nested far too deeply for a list of projects`);
  }
}

function readTree(text: string, file: string, keys: readonly string[]): SourceTree {
  const fast = readSimpleYaml(text) ?? readSections(text, keys);
  if (fast !== undefined) return { value: fast.value, line: (m) => fast.lines.get(m) ?? 1 };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
    throw new UserError(
      `${file}:${line}:${col}: not valid YAML (${message}); fix the file or check --from`,
    );
  }
  const lines = new WeakMap<object, number>();
  const plain = (node: unknown): Plain => {
    if (isMap(node)) {
      const out: PlainMap = {};
      lines.set(out, lineCounter.linePos((node as Node).range?.[0] ?? 0).line);
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (key !== "__proto__") out[key] = plain(pair.value);
      }
      return out;
    }
    if (isSeq(node)) return node.items.map(plain);
    if (isScalar(node)) {
      const v = node.value;
      return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
    }
    return null;
  };
  return { value: plain(doc.contents), line: (m) => lines.get(m) ?? 1 };
}

/** The top-level sections named `keys`, each read by the fast reader, or undefined. */
function readSections(text: string, keys: readonly string[]): Lines | undefined {
  const lines = text.split("\n");
  const starts: Array<{ key: string; at: number }> = [];
  lines.forEach((l, i) => {
    const key = /^([A-Za-z_][\w-]*):(?: |$)/.exec(l)?.[1];
    if (key !== undefined) starts.push({ key, at: i });
  });
  const value: PlainMap = {};
  const found: Array<WeakMap<object, number>> = [];
  for (const key of keys) {
    const k = starts.findIndex((s) => s.key === key);
    if (k === -1 || starts.findIndex((s, i) => i > k && s.key === key) !== -1) return undefined;
    const start = starts[k]?.at ?? 0;
    const end = starts[k + 1]?.at ?? lines.length;
    const part = readSimpleYaml(lines.slice(start, end).join("\n"), start + 1);
    if (part === undefined || !isPlainMap(part.value)) return undefined;
    value[key] = part.value[key] ?? null;
    found.push(part.lines);
  }
  return { value, lines: { get: (m) => found.map((f) => f.get(m)).find((n) => n !== undefined) } };
}

export function isPlainMap(v: unknown): v is PlainMap {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The string value of `key` (numbers and booleans as text), else undefined. */
export function text(map: PlainMap, key: string): string | undefined {
  const v = map[key];
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean"
    ? String(v)
    : undefined;
}

/** The mappings of a list (other items are ignored). */
export function maps(value: Plain | undefined): PlainMap[] {
  return Array.isArray(value) ? value.filter(isPlainMap) : [];
}

/** The strings of a list value (e.g. `labels: [a, b]`), or of a single string. */
export function strings(value: Plain | undefined): string[] {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => (typeof v === "string" || typeof v === "number" ? [String(v)] : []));
}

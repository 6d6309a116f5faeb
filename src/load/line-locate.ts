/**
 * Locates data paths in a text the fast reader accepted (the layout `cooltech
 * fmt` writes: `- key: value` starts an entry, `  key: value` continues it),
 * without a syntax tree. Used when the file is too large for the full parser
 * (see limits.ts); gives the offsets the `yaml` tree would give
 * (test/catalog-line-locate.test.ts compares them).
 */
import { LineCounter } from "yaml";
import type { LineLocator } from "./source.js";

const PAIR = /^(?:- | {2})([A-Za-z][A-Za-z0-9_-]{0,63}):( *)/;

interface Pair {
  key: string;
  keyOffset: number;
  valueOffset: number;
}

export function lineCounterOf(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    counter.addNewLine(i + 1);
  }
  return counter;
}

export function lineLocator(text: string, lineStarts: readonly number[]): LineLocator {
  let entries: number[] | undefined;
  const entryLines = () => {
    entries ??= lineStarts.flatMap((start, line) => (text.startsWith("- ", start) ? [line] : []));
    return entries;
  };
  const pairs = (index: number): Pair[] | undefined => {
    const first = entryLines()[index];
    if (first === undefined) return undefined;
    const end = entryLines()[index + 1] ?? lineStarts.length;
    const out: Pair[] = [];
    for (let line = first; line < end; line++) {
      const start = lineStarts[line] as number;
      const m = PAIR.exec(text.slice(start, start + 80));
      if (m?.[1] === undefined) continue;
      const keyOffset = start + 2;
      out.push({
        key: m[1],
        keyOffset,
        valueOffset: keyOffset + m[1].length + 1 + (m[2] ?? "").length,
      });
    }
    return out;
  };
  const listStart = (): number => lineStarts[entryLines()[0] ?? 0] ?? 0;
  return {
    offset(path) {
      const [index, key, item] = path;
      if (typeof index !== "number") return listStart();
      const entry = pairs(index);
      if (entry === undefined) return listStart();
      const entryOffset = entry[0]?.keyOffset ?? listStart();
      const pair = entry.find((p) => p.key === key);
      if (pair === undefined) return entryOffset;
      return typeof item === "number" ? flowItem(text, pair.valueOffset, item) : pair.valueOffset;
    },
    keyOffset(path, key) {
      const [index] = path;
      const entry = typeof index === "number" ? pairs(index) : undefined;
      if (entry === undefined) return listStart();
      return (entry.find((p) => p.key === key) ?? entry[0])?.keyOffset ?? listStart();
    },
  };
}

/** Start of item `n` of the flow list `[a, b]` at `offset`, or of the list itself. */
function flowItem(text: string, offset: number, n: number): number {
  if (text[offset] !== "[") return offset;
  let i = offset + 1;
  for (let k = 0; ; k++) {
    while (text[i] === " ") i++;
    if (text[i] === "]" || text[i] === "\n" || i >= text.length) return offset;
    if (k === n) return i;
    const comma = text.indexOf(",", i);
    const close = text.indexOf("]", i);
    if (comma === -1 || (close !== -1 && close < comma)) return offset;
    i = comma + 1;
  }
}

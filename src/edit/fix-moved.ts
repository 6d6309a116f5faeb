import { isMap, isScalar, isSeq, parseDocument, Scalar } from "yaml";
import type { YamlSource } from "../load/yaml-source.js";

/** A `repo` rewritten to where the repository now lives. */
export interface MoveFix {
  name: string;
  from: string;
  to: string;
  /** Where the value was, in the original file. */
  line: number;
  column: number;
}

/** A move left alone, and why. */
export interface MoveSkip {
  name: string;
  from: string;
  to: string;
  reason: string;
}

export interface FixMovedResult {
  text: string;
  fixed: MoveFix[];
  skipped: MoveSkip[];
}

/** GitHub owners and names: letters, digits, `.`, `_`, `-` (always a plain YAML scalar). */
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9._-]+$/;

function scalarText(value: string, type: Scalar["type"]): string {
  if (type === Scalar.QUOTE_SINGLE && !value.includes("'")) return `'${value}'`;
  if (type === Scalar.QUOTE_DOUBLE || !PLAIN.test(value)) return JSON.stringify(value);
  return value;
}

/**
 * Rewrites the `repo` of moved entries in projects.yaml. `moves` maps the
 * curated repo (any case) to GitHub's current `nameWithOwner`. Only the value
 * itself is replaced in the text, so comments, quoting and layout everywhere
 * else stay byte-for-byte. A move onto a repo another entry already lists is
 * skipped (it would be a duplicate).
 */
export function fixMoved(source: YamlSource, moves: ReadonlyMap<string, string>): FixMovedResult {
  const fixed: MoveFix[] = [];
  const skipped: MoveSkip[] = [];
  const seq = source.doc.contents;
  if (!isSeq(seq) || moves.size === 0) return { text: source.text, fixed, skipped };
  const lower = new Map([...moves].map(([from, to]) => [from.toLowerCase(), to]));
  const listed = new Set<string>();
  for (const item of seq.items) {
    const repo: unknown = isMap(item) ? item.get("repo") : undefined;
    if (typeof repo === "string") listed.add(repo.toLowerCase());
  }
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const node: unknown = item.get("repo", true);
    if (!isScalar(node) || typeof node.value !== "string" || !node.range) continue;
    const from = node.value;
    const to = lower.get(from.toLowerCase());
    if (to === undefined || to.toLowerCase() === from.toLowerCase()) continue;
    const name = String(item.get("name") ?? "");
    if (listed.has(to.toLowerCase())) {
      skipped.push({ name, from, to, reason: `${to} is already listed by another entry` });
      continue;
    }
    listed.add(to.toLowerCase());
    const [start, end] = node.range;
    edits.push({ start, end, text: scalarText(to, node.type) });
    const pos = source.lineCounter.linePos(start);
    fixed.push({ name, from, to, line: pos.line, column: pos.col });
  }
  let text = source.text;
  for (const e of edits.sort((a, b) => b.start - a.start)) {
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
  }
  assertRewritten(text, fixed);
  return { text, fixed, skipped };
}

/** Belt and braces: the new text must parse and hold the new names. */
function assertRewritten(text: string, fixed: MoveFix[]): void {
  if (fixed.length === 0) return;
  const doc = parseDocument(text);
  const repos = new Set<string>();
  const seq = doc.contents;
  if (doc.errors.length === 0 && isSeq(seq)) {
    for (const item of seq.items) {
      const repo: unknown = isMap(item) ? item.get("repo") : undefined;
      if (typeof repo === "string") repos.add(repo);
    }
  }
  const lost = fixed.find((f) => !repos.has(f.to));
  if (lost) throw new Error(`--fix-moved produced YAML that does not read back ${lost.to}`);
}

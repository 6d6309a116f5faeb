/**
 * Recovery from syntax errors. One error (a tab, an unterminated quote) can
 * make the parser read the rest of the file as junk; so the entries of a list
 * are parsed again one by one, each from its `- ` line at column 0 to the
 * next. An entry whose own text has an error is broken (not validated); the
 * others are checked as usual, so one run reports every problem.
 */
import { type Document, isNode, isSeq, type Node, parseDocument, visit, YAMLSeq } from "yaml";
import type { Diagnostic } from "../core/diagnostic.js";
import type { YamlSource } from "./source.js";
import { syntaxDiagnostics } from "./syntax-diagnostics.js";

export interface Recovered {
  /** A document whose list holds one node per entry (null for a broken one), ranges in file offsets. */
  doc: Document.Parsed;
  value: unknown[];
  broken: ReadonlySet<number>;
  /** The syntax problems of the entries, each parsed alone. */
  diagnostics: Diagnostic[];
}

const OPTIONS = { prettyErrors: false, uniqueKeys: true, merge: true } as const;

/**
 * Offsets of the entries' `- ` lines, or undefined when the file does not
 * start as a block list at column 0 or has one entry (nothing to recover).
 */
export function entryStarts(text: string, lineStarts: readonly number[]): number[] | undefined {
  const starts = lineStarts.filter(
    (s) => text.startsWith("- ", s) || /^-\r?(?:\n|$)/.test(text.slice(s, s + 3)),
  );
  const first = starts[0];
  if (first === undefined || starts.length < 2) return undefined;
  return /[^\s#]/.test(stripComments(text.slice(0, first))) ? undefined : starts;
}

/**
 * Parses each entry on its own, from its start to the next entry's; the
 * syntax problems are those of the entries themselves, each located in it
 * (not the ones a broken entry causes further down the file).
 */
export function recoverEntries(
  file: Omit<YamlSource, "doc">,
  starts: readonly number[],
): Recovered {
  const { text } = file;
  const doc = parseDocument("[]", OPTIONS);
  const seq = new YAMLSeq();
  doc.contents = seq as never;
  const broken = new Set<number>();
  const value: unknown[] = [];
  const diagnostics: Diagnostic[] = [];
  starts.forEach((start, i) => {
    const part = parseDocument(text.slice(start, starts[i + 1] ?? text.length), OPTIONS);
    if (part.errors.length > 0 || part.warnings.length > 0) {
      shift(part, start);
      diagnostics.push(...syntaxDiagnostics({ ...file, doc: part }));
    }
    const items = isSeq(part.contents) ? part.contents.items : [];
    const item = items[0];
    if (part.errors.length > 0 || items.length !== 1 || !isNode(item)) {
      broken.add(i);
      value.push(undefined);
      seq.items.push(null as never);
      return;
    }
    if (part.warnings.length === 0) shift(item, start);
    try {
      value.push(item.toJS(part, { maxAliasCount: 100 }));
    } catch {
      broken.add(i);
      value.push(undefined);
    }
    seq.items.push(item as never);
  });
  return { doc: doc as Document.Parsed, value, broken, diagnostics };
}

function stripComments(header: string): string {
  return header.replace(/#.*$/gm, "");
}

/** Moves a parsed part's node ranges and problem positions to file offsets. */
function shift(node: Node | Document.Parsed, by: number): void {
  visit(node, {
    Node(_, n) {
      if (n.range) n.range = [n.range[0] + by, n.range[1] + by, n.range[2] + by];
    },
  });
  if (!isNode(node)) {
    for (const e of [...node.errors, ...node.warnings]) e.pos = [e.pos[0] + by, e.pos[1] + by];
  }
}

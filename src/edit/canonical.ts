import { type Document, isMap, isScalar, isSeq, type Node, visit, type YAMLMap } from "yaml";
import { code, quote } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import { compareProjects, misplaced } from "../core/order.js";
import { normalizeRepo } from "../core/repo-url.js";
import { MAX_YAML_TOKENS } from "../load/limits.js";
import { offsetPosition } from "../load/locate.js";
import type { YamlSource } from "../load/yaml-source.js";
import { MAINTENANCE_KEYS } from "../validate/maintenance-message.js";
import { ExpansionTooLarge, expandAliases, firstAlias } from "./expand.js";
import { changedLines } from "./line-diff.js";

export const PROJECT_KEYS = [
  "name",
  "repo",
  "homepage",
  "category",
  "tags",
  "description",
  "maintenance",
];
export const CATEGORY_KEYS = ["id", "name", "description"];

/** One thing `fmt` changes, located in the original file. */
export interface FormatChange {
  line: number;
  column: number;
  message: string;
}

export interface FormatResult {
  text: string;
  changes: FormatChange[];
}

/** Options for printing YAML the same way everywhere (no folding of long lines). */
export const PRINT_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * Rewrites a curated file in canonical form, keeping its comments: keys in
 * schema order, projects sorted, repo URLs turned into owner/name, tags and
 * several categories as a flow list (one category as a plain id), a
 * `maintenance` mark as a block mapping (status, then note), and plain
 * scalars wherever YAML allows them.
 */
export function canonicalize(
  source: YamlSource,
  kind: "projects" | "categories",
  /** Only the text is wanted, and `source` is the caller's own: its tree is rewritten in place. */
  textOnly = false,
): FormatResult {
  const doc = (textOnly ? source.doc : source.doc.clone()) as Document.Parsed;
  const changes: FormatChange[] = [];
  /** Lines (first, last) of the nodes a change was noted on. */
  const spans: Array<[number, number]> = [];
  /** A change located at `node`, explaining the lines of `extent` (default: the node's). */
  const note = (node: Node | null | undefined, message: string, extent = node) => {
    const pos = offsetPosition(source, node?.range?.[0] ?? 0);
    const end = offsetPosition(
      source,
      Math.max(extent?.range?.[1] ?? 0, (node?.range?.[0] ?? 0) + 1) - 1,
    );
    changes.push({ line: pos.line, column: pos.column, message });
    spans.push([pos.line, end.line]);
  };
  const seq = doc.contents;
  if (!isSeq(seq)) return { text: source.text, changes };
  const alias = firstAlias(source.doc);
  if (expand(doc, source) > 0) {
    note(alias, "YAML aliases and merge keys (`<<`) expanded into plain values");
  }
  const keys = kind === "projects" ? PROJECT_KEYS : CATEGORY_KEYS;
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    if (reorderKeys(item, keys)) note(item, "keys put in canonical order");
    if (kind === "projects") normalizeEntry(item, note);
  }
  visit(doc, {
    Scalar(_, node) {
      // Let the printer choose plain style unless quotes are needed to keep the value a
      // string; a tag on a string (`!!str yes`, or `!!bool yes`, which YAML 1.2 leaves a
      // string) goes too, so the printer cannot turn the string into another type.
      if (typeof node.value === "string") {
        delete node.type;
        delete node.tag;
      }
    },
  });
  if (textOnly) {
    // The same text, printed once: the unsorted print only serves to explain changes.
    if (kind === "projects") sortEntries(seq.items as Node[], source.text.startsWith("#"), note);
    return { text: doc.toString(PRINT_OPTIONS), changes: [] };
  }
  // Everything but the order of entries: what is left to explain is quoting and layout.
  const unsorted = doc.toString(PRINT_OPTIONS);
  if (unsorted !== source.text) changes.push(...layoutChanges(source.text, unsorted, spans));
  let text = unsorted;
  if (kind === "projects") {
    if (sortEntries(seq.items as Node[], source.text.startsWith("#"), note)) {
      text = doc.toString(PRINT_OPTIONS);
    }
  }
  changes.sort((a, b) => a.line - b.line || a.column - b.column);
  return { text, changes };
}

/** Expands aliases, or stops with a located message when that would write too much. */
function expand(doc: Document.Parsed, source: YamlSource): number {
  try {
    return expandAliases(doc, MAX_YAML_TOKENS);
  } catch (error) {
    if (!(error instanceof ExpansionTooLarge)) throw error;
    const { line, column } = offsetPosition(source, error.at.range?.[0] ?? 0);
    throw new UserError(
      `${source.file}:${line}:${column} ${error.message} (the most \`fmt\` writes); write the repeated values out by hand, or anchor smaller values`,
    );
  }
}

/** One change per run of changed lines that no specific change explains, at its first difference. */
function layoutChanges(
  before: string,
  after: string,
  spans: ReadonlyArray<[number, number]>,
): FormatChange[] {
  const lines = before.split("\n");
  const out: FormatChange[] = [];
  for (const h of changedLines(before, after)) {
    const last = Math.max(h.from, h.to - 1);
    // Lines only inserted sit after old line from-1: a change there explains them too
    // (e.g. a key moved to the end of the last entry).
    const first = h.to === h.from ? h.from - 1 : h.from;
    if (spans.some(([a, b]) => a <= last && b >= first)) continue;
    const line = Math.min(h.from, lines.length);
    const old = lines[line - 1] ?? "";
    const neu = h.replacement ?? "";
    let column = 0;
    while (column < old.length && column < neu.length && old[column] === neu[column]) column++;
    out.push({
      line,
      column: Math.min(column, old.length) + 1,
      message: "quoting or layout normalised",
    });
  }
  return out;
}

function reorderKeys(map: YAMLMap, order: string[]): boolean {
  const rank = (k: unknown) => {
    const i = order.indexOf(String(isScalar(k) ? k.value : k));
    return i === -1 ? order.length : i;
  };
  const before = map.items.map((p) => p.key);
  map.items.sort((a, b) => rank(a.key) - rank(b.key));
  return map.items.some((p, i) => p.key !== before[i]);
}

function normalizeEntry(map: YAMLMap, note: (n: Node, m: string, extent?: Node) => void): void {
  const repo = map.get("repo", true);
  if (isScalar(repo) && typeof repo.value === "string") {
    const fixed = normalizeRepo(repo.value);
    if (fixed !== undefined && fixed !== repo.value) {
      note(repo, `repo ${quote(repo.value)} written as ${code(fixed)}`);
      repo.value = fixed;
    }
  }
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === "tags");
  const tags = pair?.value;
  if (isSeq(tags) && !tags.flow) {
    note(pair?.key as Node, "tags written as a flow list `[a, b]`", tags);
    tags.flow = true;
  }
  // A maintenance mark is a block mapping, status then note: one short line each.
  const maintenance = map.get("maintenance", true);
  if (isMap(maintenance)) {
    const wasFlow = maintenance.flow === true;
    maintenance.flow = false;
    const reordered = reorderKeys(maintenance, MAINTENANCE_KEYS);
    if (wasFlow) note(maintenance, "maintenance written as a block mapping (status, then note)");
    else if (reordered)
      note(maintenance, "maintenance keys put in canonical order (status, then note)");
  }
  // One category id is a plain string, several a flow list: `category: [databases, streaming]`.
  const category = map.get("category", true);
  if (isSeq(category)) {
    const only = category.items[0];
    if (category.items.length === 1 && isScalar(only) && typeof only.value === "string") {
      note(category, `category ${code(`[${only.value}]`)} written as ${code(only.value)}`);
      map.set("category", only);
    } else if (!category.flow) {
      note(category, "category written as a flow list `[a, b]`");
      category.flow = true;
    }
  }
}

/**
 * The file's header comment (its first lines, e.g. the yaml-language-server
 * modeline) is attached by the parser to the first entry, together with that
 * entry's own comment after a blank line. Detaches and returns the header.
 */
export function takeHeader(first: Node | undefined, hasHeader: boolean): string | undefined {
  if (!hasHeader || !first?.commentBefore) return undefined;
  const split = first.commentBefore.lastIndexOf("\n\n");
  const header = split === -1 ? first.commentBefore : first.commentBefore.slice(0, split);
  first.commentBefore = split === -1 ? null : first.commentBefore.slice(split + 2);
  return header;
}

/** Puts a header taken by takeHeader() back above the (new) first entry. */
export function putHeader(top: Node | undefined, header: string | undefined): void {
  if (header === undefined || top === undefined) return;
  top.commentBefore = top.commentBefore ? `${header}\n\n${top.commentBefore}` : header;
}

/** Sorts the entries; false (and nothing touched) when they already are in order. */
function sortEntries(
  items: Node[],
  hasHeader: boolean,
  note: (n: Node, m: string) => void,
): boolean {
  const values = new Map<Node, Record<string, unknown>>(
    items.map((n) => [n, isMap(n) ? (n.toJSON() as Record<string, unknown>) : {}]),
  );
  const value = (n: Node) => values.get(n) ?? {};
  const cmp = (a: Node, b: Node) => compareProjects(value(a), value(b));
  const moved = misplaced(items, cmp);
  if (moved.length === 0) return false;
  for (const i of moved) {
    const n = items[i];
    if (n) note(n, `${quote(value(n).name ?? "")} moved to its sorted place`);
  }
  const header = takeHeader(items[0], hasHeader);
  items.sort(cmp);
  putHeader(items[0], header);
  return true;
}

import { type Document, isMap, isScalar, isSeq, type Node, visit, type YAMLMap } from "yaml";
import { code, quote } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import { compareProjects, misplaced } from "../core/order.js";
import { normalizeRepo } from "../core/repo-url.js";
import { MAX_YAML_TOKENS } from "../load/limits.js";
import { offsetPosition } from "../load/locate.js";
import type { YamlSource } from "../load/yaml-source.js";
import { ExpansionTooLarge, expandAliases, firstAlias } from "./expand.js";

export const PROJECT_KEYS = ["name", "repo", "homepage", "category", "tags", "description"];
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
 * schema order, projects sorted, repo URLs turned into owner/name, tags as a
 * flow list, and plain scalars wherever YAML allows them.
 */
export function canonicalize(source: YamlSource, kind: "projects" | "categories"): FormatResult {
  const doc = source.doc.clone() as Document.Parsed;
  const changes: FormatChange[] = [];
  const note = (node: Node | null | undefined, message: string) => {
    const pos = offsetPosition(source, node?.range?.[0] ?? 0);
    changes.push({ line: pos.line, column: pos.column, message });
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
  if (kind === "projects") sortEntries(seq.items as Node[], source.text.startsWith("#"), note);
  const text = doc.toString(PRINT_OPTIONS);
  if (text !== source.text && changes.length === 0) note(null, "quoting or layout normalised");
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

function reorderKeys(map: YAMLMap, order: string[]): boolean {
  const rank = (k: unknown) => {
    const i = order.indexOf(String(isScalar(k) ? k.value : k));
    return i === -1 ? order.length : i;
  };
  const before = map.items.map((p) => p.key);
  map.items.sort((a, b) => rank(a.key) - rank(b.key));
  return map.items.some((p, i) => p.key !== before[i]);
}

function normalizeEntry(map: YAMLMap, note: (n: Node, m: string) => void): void {
  const repo = map.get("repo", true);
  if (isScalar(repo) && typeof repo.value === "string") {
    const fixed = normalizeRepo(repo.value);
    if (fixed !== undefined && fixed !== repo.value) {
      note(repo, `repo ${quote(repo.value)} written as ${code(fixed)}`);
      repo.value = fixed;
    }
  }
  const tags = map.get("tags", true);
  if (isSeq(tags)) tags.flow = true;
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

function sortEntries(items: Node[], hasHeader: boolean, note: (n: Node, m: string) => void): void {
  const header = takeHeader(items[0], hasHeader);
  const values = new Map<Node, Record<string, unknown>>(
    items.map((n) => [n, isMap(n) ? (n.toJSON() as Record<string, unknown>) : {}]),
  );
  const value = (n: Node) => values.get(n) ?? {};
  const cmp = (a: Node, b: Node) => compareProjects(value(a), value(b));
  for (const i of misplaced(items, cmp)) {
    const n = items[i];
    if (n) note(n, `${quote(value(n).name ?? "")} moved to its sorted place`);
  }
  items.sort(cmp);
  putHeader(items[0], header);
}

/**
 * Writes the merged catalog as YAML: into the existing files' documents when
 * there are some (comments kept, changed keys replaced, new entries added),
 * else into new ones; then in canonical form (what `cooltech fmt` writes).
 */
import { Document, isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from "yaml";
import type { Category } from "../core/model.js";
import { compareProjects } from "../core/order.js";
import { canonicalize, PRINT_OPTIONS } from "../edit/canonical.js";
import { parseYaml, type YamlSource } from "../load/yaml-source.js";
import { emitList } from "./emit.js";
import type { Fields, MergeState } from "./merge.js";

/**
 * The merged projects as canonical text, built from the values alone (fast:
 * no syntax tree of the existing file). Equal to projectsText when there is
 * no existing file to keep comments from.
 */
export function plainProjectsText(state: MergeState): string {
  return plainText(sortedValues(state));
}

export function sortedValues(state: MergeState): Fields[] {
  return state.entries.map((e) => e.value).sort(compareProjects);
}

function plainText(values: Fields[]): string {
  return emitList(values);
}

export function projectsText(state: MergeState, source: YamlSource | null, file: string): string {
  if (!usable(source)) return plainProjectsText(state);
  const doc = usable(source) ? (source.doc.clone() as Document) : new Document([]);
  const seq = doc.contents as YAMLSeq<Node>;
  for (const e of state.entries) {
    if (e.existing === undefined) {
      seq.items.push(node(doc, e.value));
      continue;
    }
    const map = seq.items[e.existing];
    if (!isMap(map)) continue;
    for (const [key, value] of Object.entries(e.value)) {
      if (JSON.stringify(value) !== JSON.stringify(e.original?.[key])) setKey(doc, map, key, value);
    }
  }
  return canonical(doc, file, "projects");
}

export function categoriesText(
  state: MergeState,
  used: Set<string>,
  source: YamlSource | null,
  file: string,
): { text: string; added: Category[]; values: Category[] } {
  const added = state.categories.slice(state.existingCategories).filter((c) => used.has(c.id));
  const values = [...state.categories.slice(0, state.existingCategories), ...added];
  if (!usable(source)) return { text: plainText(values.map((c) => ({ ...c }))), added, values };
  const doc = source.doc.clone() as Document;
  const seq = doc.contents as YAMLSeq<Node>;
  for (const c of added) seq.items.push(node(doc, { ...c }));
  return { text: canonical(doc, file, "categories"), added, values };
}

function usable(source: YamlSource | null): source is YamlSource {
  return source !== null && isSeq(source.doc.contents);
}

function node(doc: Document, value: Fields): Node {
  const n = doc.createNode(value) as YAMLMap;
  for (const key of ["tags", "category"]) {
    const list = n.get(key, true);
    if (isSeq(list)) list.flow = true;
  }
  return n;
}

function setKey(doc: Document, map: YAMLMap, key: string, value: unknown): void {
  const n = doc.createNode(value) as Node;
  if (isSeq(n)) n.flow = true;
  map.set(key, n);
}

function canonical(doc: Document, file: string, kind: "projects" | "categories"): string {
  const seq = doc.contents;
  if (isSeq(seq)) seq.flow = false; // `[]` (an empty file) becomes a block list
  const text = doc.toString(PRINT_OPTIONS);
  const parsed = parseYaml(text, file);
  // The parsed text is ours alone: canonicalize may rewrite its tree, and prints only the text.
  return parsed.source === null ? text : canonicalize(parsed.source, kind, true).text;
}

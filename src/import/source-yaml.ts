/** Reading a YAML source list (landscape.yml, best-of's projects.yaml) with the line of every node. */
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import { UserError } from "../core/errors.js";

export interface SourceYaml {
  doc: Document.Parsed;
  line: (node: Node | null | undefined) => number;
}

export function readSourceYaml(text: string, file: string): SourceYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
    throw new UserError(`${file}:${line}:${col}: not valid YAML (${message}); fix the file or check --from`);
  }
  return { doc, line: (node) => lineCounter.linePos(node?.range?.[0] ?? 0).line };
}

/** The string value of `key` in a mapping (numbers and booleans as text), else undefined. */
export function text(map: YAMLMap, key: string): string | undefined {
  const node = map.get(key, true);
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === "object" ? undefined : String(node.value);
}

/** The mappings of a sequence (other items are ignored by the caller's count). */
export function maps(node: unknown): YAMLMap[] {
  return isSeq(node) ? node.items.filter((i): i is YAMLMap => isMap(i)) : [];
}

/** The strings of a sequence value (e.g. `labels: [a, b]`), or of a single string. */
export function strings(node: unknown): string[] {
  if (isScalar(node) && typeof node.value === "string") return [node.value];
  if (!isSeq(node)) return [];
  return node.items.flatMap((i) => (isScalar(i) && i.value !== null ? [String(i.value)] : []));
}

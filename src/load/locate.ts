import { isMap, isNode, isPair, isScalar, isSeq, type Node } from "yaml";
import type { DataPath, YamlSource } from "./source.js";

export type { DataPath } from "./source.js";

export interface Position {
  line: number;
  column: number;
}

/** Turns an Ajv `instancePath` (a JSON Pointer) into a data path. */
export function pointerToPath(pointer: string): Array<string | number> {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/**
 * Finds the node at `path`, or the closest existing ancestor when the path
 * leads past the end of the data (e.g. a required key that is missing).
 */
export function nodeAt(source: YamlSource, path: DataPath): Node | null {
  let node: unknown = source.doc.contents;
  let found: Node | null = isNode(node) ? node : null;
  for (const key of path) {
    if (isSeq(node) && typeof key === "number") node = node.items[key];
    else if (isMap(node)) node = node.get(key, true);
    else break;
    if (!isNode(node)) break;
    found = node;
  }
  return found;
}

/** The position of a map's key node (for "unknown property" style problems). */
export function keyPosition(source: YamlSource, mapPath: DataPath, key: string): Position {
  if (source.locator) return offsetPosition(source, source.locator.keyOffset(mapPath, key));
  if (source.lines && mapPath.length === 1 && typeof mapPath[0] === "number") {
    return offsetPosition(source, source.lines.keyOffset(mapPath, key));
  }
  const map = nodeAt(source, mapPath);
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
        return offsetPosition(source, pair.key.range[0]);
      }
    }
  }
  return positionOf(source, mapPath);
}

export function positionOf(source: YamlSource, path: DataPath): Position {
  if (source.locator) return offsetPosition(source, source.locator.offset(path));
  const fromLines = lineOffset(source, path);
  if (fromLines !== undefined) return offsetPosition(source, fromLines);
  const node = nodeAt(source, path);
  return offsetPosition(source, node?.range?.[0] ?? 0);
}

/**
 * The offset the lines give where it is the tree's for certain: an entry, one
 * of its keys' values on the key's line, an item of a flow list. Undefined
 * otherwise (a mapping one level down, whose value starts on the next line).
 */
function lineOffset(source: YamlSource, path: DataPath): number | undefined {
  const [index, key, item] = path;
  if (source.lines === undefined || path.length > 3) return undefined;
  if (path.length > 0 && typeof index !== "number") return undefined;
  if (path.length > 1 && typeof key !== "string") return undefined;
  if (path.length > 2 && typeof item !== "number") return undefined;
  const offset = source.lines.offset(path);
  const next = source.text[offset];
  return next === undefined || next === "\n" ? undefined : offset;
}

export function offsetPosition(source: YamlSource, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * The plain data of a parsed file, with its aliases and merge keys resolved.
 * When that fails (an alias bomb, an alias without its anchor, a merge key
 * `<<` on something that is not a mapping), only the entries concerned are
 * left out, each with a located message; the others are still checked.
 */
import { isAlias, isNode, isPair, isScalar, isSeq, type Node, visit } from "yaml";
import type { Diagnostic } from "../core/diagnostic.js";
import { at, type ParsedYaml, type YamlSource } from "./source.js";

/** maxAliasCount stops "billion laughs" alias bombs before they eat the memory. */
const OPTIONS = { maxAliasCount: 100 } as const;

type Resolved = Pick<ParsedYaml, "value" | "recovered"> & { diagnostics: Diagnostic[] };

export function resolveValue(source: YamlSource): Resolved {
  const doc = source.doc;
  try {
    return { value: doc.toJS(OPTIONS), diagnostics: [] };
  } catch (error) {
    const seq = doc.contents;
    if (!isSeq(seq))
      return { value: undefined, diagnostics: [problem(source, doc.contents, error)] };
    const value: unknown[] = [];
    const broken = new Set<number>();
    const diagnostics: Diagnostic[] = [];
    seq.items.forEach((item, i) => {
      try {
        value.push(isNode(item) ? item.toJS(doc, OPTIONS) : item);
      } catch (e) {
        broken.add(i);
        value.push(undefined);
        diagnostics.push(problem(source, isNode(item) ? item : null, e));
      }
    });
    return { value: undefined, diagnostics, recovered: { value, broken } };
  }
}

function problem(source: YamlSource, node: unknown, error: unknown): Diagnostic {
  const raw = error instanceof Error ? error.message : String(error);
  const { line, col } = source.lineCounter.linePos(firstAliasOrMerge(node));
  const message = /Merge sources/.test(raw)
    ? "`<<` is YAML's merge key: its value must be an alias of a mapping (`<<: *base`) or a list of them; rename the key if it is meant as a field"
    : /Excessive alias count/.test(raw)
      ? "too many nested YAML aliases (an alias bomb); write the values out instead of `*name`"
      : /Unresolved alias/.test(raw)
        ? "this alias has no anchor `&name` before it; define the anchor first, or write the value out"
        : `${raw.split("\n")[0]?.slice(0, 200)}; write the value out instead of using YAML aliases`;
  return at(source.file, line, col, "yaml-syntax", message);
}

/** Offset of the first alias or merge key in `node`, else of the node itself. */
function firstAliasOrMerge(node: unknown): number {
  if (!isNode(node)) return 0;
  let offset = (node as Node).range?.[0] ?? 0;
  visit(node, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? offset;
      return visit.BREAK;
    },
    Pair(_, pair) {
      const key = isPair(pair) ? pair.key : null;
      if (isScalar(key) && typeof key.value === "symbol" && !isAlias(pair.value)) {
        offset = key.range?.[0] ?? offset;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

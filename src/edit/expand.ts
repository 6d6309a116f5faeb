/**
 * Expands YAML anchors, aliases and merge keys into plain values, so `fmt`
 * can reorder entries (an alias may not come before its anchor) and the file
 * reads the same everywhere: `*name` becomes a copy of the anchored value,
 * `<<: *base` becomes the base's keys (the entry's own keys win), anchors are
 * dropped. Alias bombs never get here: loading refuses them (maxAliasCount).
 */
import {
  type Document,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  visit,
  type YAMLMap,
} from "yaml";

/** The first alias in a document (where `fmt` reports the expansion), or null. */
export function firstAlias(doc: Document): Node | null {
  let found: Node | null = null;
  visit(doc, {
    Alias(_, alias) {
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}

/** Expanding aliases would write more than `limit` values (many aliases of a large anchor). */
export class ExpansionTooLarge extends Error {
  override name = "ExpansionTooLarge";
  constructor(
    readonly at: Node,
    readonly limit: number,
  ) {
    super(`expanding the YAML aliases would write more than ${limit} values`);
  }
}

function size(node: Node): number {
  let n = 0;
  visit(node, {
    Node() {
      n++;
    },
  });
  return n;
}

/** The values in `node`, counted as `size` does, and how many of them are aliases. */
function measure(node: Node): { values: number; aliases: number } {
  let values = 0;
  let aliases = 0;
  visit(node, {
    Node() {
      values++;
    },
    Alias() {
      values++;
      aliases++;
    },
  });
  return { values, aliases };
}

/**
 * The alias at which the copying below would pass `limit`, found without
 * copying anything (a large expansion is refused at once), or null. Exact as
 * long as no value copied before it holds an alias itself (copies of those
 * are expanded in turn); past such a value it gives up with null, and the
 * copying finds the alias.
 */
function overLimitAt(doc: Document, limit: number): Node | null {
  let copied = 0;
  let at: Node | null = null;
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      if (!isNode(target)) return undefined;
      const { values, aliases } = measure(target);
      copied += values;
      if (copied > limit) at = alias;
      return at !== null || aliases > 0 ? visit.BREAK : undefined;
    },
  });
  return at;
}

/**
 * Expands in place; returns the number of aliases and merge keys expanded.
 * Throws ExpansionTooLarge past `limit` copied values.
 */
export function expandAliases(doc: Document, limit: number): number {
  const over = overLimitAt(doc, limit);
  if (over !== null) throw new ExpansionTooLarge(over, limit);
  let count = 0;
  let copied = 0;
  // Innermost first: an anchored node may itself hold aliases.
  for (let round = 0; round < 100; round++) {
    let replaced = 0;
    visit(doc, {
      Alias(_, alias) {
        const target = alias.resolve(doc);
        if (!isNode(target)) return undefined;
        copied += size(target);
        if (copied > limit) throw new ExpansionTooLarge(alias, limit);
        replaced++;
        return target.clone() as Node;
      },
    });
    if (replaced === 0) break;
    count += replaced;
  }
  if (isNode(doc.contents)) count += expandMerges(doc.contents);
  visit(doc, {
    Node(_, node) {
      if ("anchor" in node) delete node.anchor;
    },
  });
  return count;
}

function isMergeKey(pair: Pair): boolean {
  const key = pair.key;
  return isScalar(key) && (typeof key.value === "symbol" || key.value === "<<");
}

function keyText(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

function expandMerges(node: Node): number {
  let count = 0;
  if (isSeq(node)) {
    for (const item of node.items) if (isNode(item)) count += expandMerges(item);
    return count;
  }
  if (!isMap(node)) return 0;
  for (const pair of node.items) if (isNode(pair.value)) count += expandMerges(pair.value);
  const merges = node.items.filter(isMergeKey);
  if (merges.length === 0) return count;
  const own = node.items.filter((p) => !isMergeKey(p));
  const seen = new Set(own.map(keyText));
  const added: Pair[] = [];
  for (const merge of merges) {
    const sources = isSeq(merge.value) ? merge.value.items : [merge.value];
    for (const source of sources) {
      if (!isMap(source)) continue;
      for (const pair of (source as YAMLMap).items) {
        if (!isPair(pair) || seen.has(keyText(pair))) continue;
        seen.add(keyText(pair));
        added.push(pair);
      }
    }
  }
  node.items = [...added, ...own];
  return count + merges.length;
}

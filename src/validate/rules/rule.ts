import type { Diagnostic } from "../../core/diagnostic.js";
import { keyPosition, positionOf } from "../../load/locate.js";
import type { YamlSource } from "../../load/yaml-source.js";

/** An entry of a curated list that is at least a mapping (fields not yet trusted). */
export interface Item {
  index: number;
  value: Record<string, unknown>;
}

export interface RuleContext {
  projects: Item[];
  categories: Item[];
  projectsSource: YamlSource;
  categoriesSource: YamlSource;
  /**
   * The indexes of the projects a pull request added or changed (validate
   * --changed-since). When set, a problem between a touched and an untouched
   * entry (a duplicate, the sort order) is reported on the touched one.
   */
  touched?: ReadonlySet<number>;
}

/** A semantic rule over the parsed data, named as an assertion; it reports, never throws. */
export interface Rule {
  id: string;
  check(ctx: RuleContext, report: Reporter): void;
}

export type Reporter = (d: Omit<Diagnostic, "rule">) => void;

/** Position of an item's key (its value when present), or of the item itself. */
export function locate(
  source: YamlSource,
  item: Item,
  key?: string,
  severity: Diagnostic["severity"] = "error",
): Omit<Diagnostic, "rule" | "message"> {
  const pos =
    key === undefined
      ? positionOf(source, [item.index])
      : item.value[key] === undefined
        ? keyPosition(source, [item.index], key)
        : positionOf(source, [item.index, key]);
  return { file: source.file, line: pos.line, column: pos.column, severity };
}

/** Position of the `i`-th element of a list value (e.g. one id of `category: [a, b]`). */
export function locateElement(
  source: YamlSource,
  item: Item,
  key: string,
  i: number,
  severity: Diagnostic["severity"] = "error",
): Omit<Diagnostic, "rule" | "message"> {
  const pos = positionOf(source, [item.index, key, i]);
  return { file: source.file, line: pos.line, column: pos.column, severity };
}

export function str(item: Item, key: string): string | undefined {
  const v = item.value[key];
  return typeof v === "string" ? v : undefined;
}

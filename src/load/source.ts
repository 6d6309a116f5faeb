import type { Document, LineCounter } from "yaml";
import type { Diagnostic } from "../core/diagnostic.js";

export type DataPath = ReadonlyArray<string | number>;

/** Offsets in a text in the `cooltech fmt` layout, from a data path (see line-locate.ts). */
export interface LineLocator {
  /** Where the value at `path` starts, or its closest existing ancestor. */
  offset(path: DataPath): number;
  /** Where key `key` of the entry at `path` starts, or the entry. */
  keyOffset(path: DataPath, key: string): number;
}

/**
 * A parsed YAML file, with what is needed to locate any node in it. `doc` and
 * `lineCounter` may be built on first use (see parseYaml).
 */
export interface YamlSource {
  /** Path as shown in messages. */
  file: string;
  /** Absolute or cwd-relative path used for I/O. */
  path: string;
  /** The text as parsed: without a byte-order mark, lone CRs read as line breaks (same offsets). */
  text: string;
  /** The file's content as read, when it differs from `text`. */
  original?: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /**
   * Set when the file is in the `cooltech fmt` layout but too large for a
   * syntax tree: problems are then located from the lines, and `doc` throws.
   */
  readonly locator?: LineLocator;
  /**
   * Set when the file is in the `cooltech fmt` layout and read without a
   * syntax tree: the entries' own keys and list items are located from the
   * lines (the same positions as the tree), so that a problem does not build
   * the whole tree just to find its line (see locate.ts).
   */
  readonly lines?: LineLocator | undefined;
}

export interface ParsedYaml {
  source: YamlSource | null;
  /** The plain data, or undefined when the file could not be read or parsed. */
  value: unknown;
  diagnostics: Diagnostic[];
  /**
   * When the file has syntax errors but is still a list: the entries as far
   * as they parsed, and the indexes of those a syntax error touches (not to
   * be validated). Lets one run report the problems of every other entry.
   */
  recovered?: { value: unknown[]; broken: ReadonlySet<number> };
}

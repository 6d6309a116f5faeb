import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { type Document, isScalar, LineCounter, parseDocument, visit } from "yaml";
import { type Diagnostic, plain, quote } from "../core/diagnostic.js";
import { readCanonicalList } from "./fast-yaml.js";

/**
 * A parsed YAML file, with what is needed to locate any node in it. `doc` and
 * `lineCounter` may be built on first use (see parseYaml).
 */
export interface YamlSource {
  /** Path as shown in messages. */
  file: string;
  /** Absolute or cwd-relative path used for I/O. */
  path: string;
  text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
}

export interface ParsedYaml {
  source: YamlSource | null;
  /** The plain data, or undefined when the file could not be read or parsed. */
  value: unknown;
  diagnostics: Diagnostic[];
}

/** The path users see: relative to the working directory when it is below it. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") ? path : rel.split("\\").join("/");
}

export async function readYaml(path: string, cwd?: string): Promise<ParsedYaml> {
  const file = displayPath(path, cwd);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT"
        ? `file not found; create it or pass --data DIR pointing at the folder that holds it`
        : `cannot read the file (${code ?? String(error)})`;
    return { source: null, value: undefined, diagnostics: [at(file, 1, 1, "file", message)] };
  }
  return parseYaml(text, file, path);
}

/** Parses YAML text; every syntax problem becomes a located diagnostic, never an exception. */
export function parseYaml(rawText: string, file: string, path: string = file): ParsedYaml {
  // The yaml package rejects a leading byte-order mark; editors on Windows add one.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  // A canonical file (what `cooltech fmt` writes) is read without building its syntax
  // tree; the tree is built on first use, i.e. only when a problem must be located.
  const fast = readCanonicalList(text);
  if (fast !== undefined)
    return { source: lazySource(file, path, text), value: fast, diagnostics: [] };
  const { doc, lineCounter } = compose(text);
  const source: YamlSource = { file, path, text, doc, lineCounter };
  const diagnostics = syntaxDiagnostics(source);
  if (diagnostics.some((d) => d.severity === "error")) {
    return { source, value: undefined, diagnostics };
  }
  try {
    // maxAliasCount stops "billion laughs" alias bombs before they eat the memory.
    return { source, value: doc.toJS({ maxAliasCount: 100 }), diagnostics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, col } = lineCounter.linePos(firstAliasOffset(doc));
    diagnostics.push(
      at(
        file,
        line,
        col,
        "yaml-syntax",
        `${message}; remove the YAML aliases (*name) from this file`,
      ),
    );
    return { source, value: undefined, diagnostics };
  }
}

function compose(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { doc, lineCounter };
}

/** A source whose syntax tree is built on first use (only when a problem must be located). */
export function lazySource(file: string, path: string, text: string): YamlSource {
  let tree: ReturnType<typeof compose> | undefined;
  const built = () => {
    tree ??= compose(text);
    return tree;
  };
  return {
    file,
    path,
    text,
    get doc() {
      return built().doc;
    },
    get lineCounter() {
      return built().lineCounter;
    },
  };
}

function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function syntaxDiagnostics(source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seenLines = new Set<number>();
  for (const [severity, list] of [
    ["error", source.doc.errors],
    ["warning", source.doc.warnings],
  ] as const) {
    for (const e of list) {
      const { line, col } = source.lineCounter.linePos(e.pos[0]);
      // One broken line makes the parser report every token after it; the first says enough.
      if (severity === "error" && seenLines.has(line)) continue;
      // Once the list is broken, the parser reads the rest of the file as loose tokens
      // ("Unexpected … in YAML stream"): those follow from the first error, not new ones.
      if (severity === "error" && out.length > 0 && e.message.includes("in YAML stream")) continue;
      seenLines.add(line);
      if (e.code === "DUPLICATE_KEY") {
        const key = keyAt(source.doc, e.pos[0]);
        const what = key === undefined ? "a key" : `the key ${quote(key)}`;
        out.push(
          at(
            source.file,
            line,
            col,
            "duplicate-key",
            `${what} appears twice in this mapping; remove or rename the repeated key`,
          ),
        );
        continue;
      }
      // A tab in the indentation confuses the parser into many different messages.
      const tab = e.code === "TAB_AS_INDENT" ? col - 1 : tabInIndent(source, line);
      const message =
        tab === undefined
          ? e.code === "MULTIPLE_DOCS"
            ? "a second YAML document starts here; remove the `---` separator: the file holds one list"
            : `${parserMessage(e.message)}${syntaxHint(e.code, lineText(source, line), col)}`
          : "tabs are not allowed in the indentation; indent with spaces (two under `- `)";
      out.push(
        at(source.file, line, tab === undefined ? col : tab + 1, "yaml-syntax", message, severity),
      );
    }
  }
  return out;
}

/** The yaml package's message, without its own position and with any quoted source text made safe and short. */
function parserMessage(raw: string): string {
  const text = raw.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "";
  const m = /^(.*?): (".*")$/.exec(text);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    try {
      return `${m[1]}: ${quote(JSON.parse(m[2]))}`;
    } catch {
      // not a JSON string after all: fall through
    }
  }
  return plain(text);
}

/** 0-based column of a tab in the leading whitespace (or `- ` markers) of a line. */
function tabInIndent(source: YamlSource, line: number): number | undefined {
  const start = source.lineCounter.lineStarts[line - 1] ?? 0;
  const indent = /^[ \t-]*/.exec(source.text.slice(start, start + 200))?.[0] ?? "";
  const i = indent.indexOf("\t");
  return i === -1 ? undefined : i;
}

function keyAt(doc: Document.Parsed, offset: number): string | undefined {
  let key: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}

/**
 * What to do about a syntax error, in a contributor's words. `text` is the
 * line the parser stopped at and `col` (1-based) where: one parser code has
 * several causes, which the line tells apart.
 */
function syntaxHint(code: string, text: string, col: number): string {
  switch (code) {
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN": {
      const key = /^([A-Za-z][\w-]*):(?:\s|$)/.exec(text)?.[1];
      if (key !== undefined) {
        return `; \`${key}:\` starts at the beginning of the line: indent it by two spaces so it belongs to the entry above (keys line up two spaces under \`- \`)`;
      }
      return "; check the indentation (two spaces under `- `) and that every key is followed by `: `";
    }
    case "MULTILINE_IMPLICIT_KEY":
      return "; a key and its value must be on one line, or quote the value";
    case "BLOCK_AS_IMPLICIT_KEY":
      // `description: Falco: runtime security` reads as a key inside a value.
      if (/:\s/.test(text.slice(col - 1))) {
        return '; this value contains `: `, which YAML reads as another key: put the value in double quotes, e.g. `description: "Falco: runtime security"`';
      }
      return "; the next line is indented further than this entry's other keys: line up every key two spaces under `- `";
    case "RESOURCE_EXHAUSTION":
      return "; the data is nested far too deeply for a catalog entry";
    default:
      return "";
  }
}

function lineText(source: YamlSource, line: number): string {
  const starts = source.lineCounter.lineStarts;
  const start = starts[line - 1] ?? 0;
  const end = starts[line] ?? source.text.length;
  return source.text.slice(start, end).replace(/\r?\n$/, "");
}

export function at(
  file: string,
  line: number,
  column: number,
  rule: string,
  message: string,
  severity: Diagnostic["severity"] = "error",
): Diagnostic {
  return { file, line, column, severity, rule, message };
}

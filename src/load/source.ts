import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { type Document, LineCounter, parseDocument } from "yaml";
import type { Diagnostic } from "../validate/diagnostic.js";

/** A parsed YAML file, with what is needed to locate any node in it. */
export interface YamlSource {
  /** Path as shown in messages. */
  file: string;
  /** Absolute or cwd-relative path used for I/O. */
  path: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
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
    diagnostics.push(
      at(file, 1, 1, "yaml-syntax", `${message}; remove the YAML aliases (*name) from this file`),
    );
    return { source, value: undefined, diagnostics };
  }
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
      seenLines.add(line);
      const duplicate = e.code === "DUPLICATE_KEY";
      const text = e.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "";
      out.push(
        at(
          source.file,
          line,
          col,
          duplicate ? "duplicate-key" : "yaml-syntax",
          duplicate
            ? `${text}: remove or rename the repeated key`
            : `${text}${syntaxHint(e.code, lineText(source, line), col)}`,
        ),
      );
    }
  }
  return out;
}

/**
 * What to do about a syntax error, in a contributor's words. `line` is the
 * text of the line the parser stopped at, `col` (1-based) where it stopped:
 * the same parser code has different causes that the line tells apart.
 */
function syntaxHint(code: string, line: string, col: number): string {
  switch (code) {
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN": {
      if (/^[ ]*\t/.test(line)) return "; indent with spaces, not tabs (two spaces under `- `)";
      const key = /^([A-Za-z][\w-]*):(?:\s|$)/.exec(line)?.[1];
      if (key !== undefined) {
        return `; \`${key}:\` starts at the beginning of the line: indent it by two spaces so it belongs to the entry above (keys line up two spaces under \`- \`)`;
      }
      return "; check the indentation (two spaces under `- `) and that every key is followed by `: `";
    }
    case "MULTILINE_IMPLICIT_KEY":
      return "; a key and its value must be on one line, or quote the value";
    case "BLOCK_AS_IMPLICIT_KEY":
      // YAML reads `a: b: c` as a key inside a value: a value with ": " in it needs quotes.
      if (/:\s/.test(line.slice(col - 1))) {
        return '; this value contains `: `, which YAML reads as another key: put the value in double quotes, e.g. `description: "Falco: runtime security"`';
      }
      return "; the next line is indented further than this entry's other keys: line up every key two spaces under `- `";
    case "TAB_AS_INDENT":
      return "; indent with spaces, not tabs";
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

import { type Document, isScalar, visit } from "yaml";
import { type Diagnostic, plain, quote } from "../core/diagnostic.js";
import { at, type YamlSource } from "./source.js";

/** More syntax problems than this in one file are counted, not listed. */
export const MAX_LISTED = 100;

/** The parser's errors and warnings as located diagnostics, with a hint for each. */
export function syntaxDiagnostics(source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seenLines = new Set<number>();
  for (const [severity, list] of [
    ["error", source.doc.errors],
    ["warning", source.doc.warnings],
  ] as const) {
    for (const [i, e] of list.entries()) {
      const { line, col } = source.lineCounter.linePos(e.pos[0]);
      if (out.length >= MAX_LISTED) {
        const message = `${list.length - i} more YAML ${severity}s after this point are not listed; fix the ones above first`;
        out.push(at(source.file, line, col, "yaml-syntax", message, severity));
        break;
      }
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
      if (e.code === "MISSING_CHAR" && /closing .?quote/.test(e.message)) {
        // Reported where the parser gave up (the end of the entry or file): show the opening quote.
        const open = openingQuote(source.doc, e.pos[0]);
        if (open !== undefined) {
          const p = source.lineCounter.linePos(open);
          const message = `this quoted value is never closed; end it with the same quote on this line (a value over several lines is better unquoted, or quoted and indented under its key)`;
          out.push(at(source.file, p.line, p.col, "yaml-syntax", message));
          continue;
        }
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

/** Start of the quoted scalar that runs up to `end` (an unterminated quote). */
function openingQuote(doc: Document.Parsed, end: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_, node) {
      const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
      if (quoted && node.range && node.range[1] >= end && node.range[0] < end) {
        start = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
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

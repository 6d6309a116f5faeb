import { relative } from "node:path";
import { type Document, parseDocument } from "yaml";
import type { Diagnostic } from "../core/diagnostic.js";
import { diagnosticAt } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import { readCanonicalList } from "./fast-yaml.js";
import {
  fileTooLargeMessage,
  linePosition,
  readCapped,
  tokenLimitOffset,
  tooLargeToEditMessage,
  tooManyTokensMessage,
} from "./limits.js";
import { lineCounterOf, lineLocator } from "./line-locate.js";
import { entryStarts, recoverEntries } from "./recover.js";
import { resolveValue } from "./resolve.js";
import type { LineLocator, ParsedYaml, YamlSource } from "./source.js";
import { MAX_LISTED, syntaxDiagnostics } from "./syntax-diagnostics.js";

export type { DataPath, ParsedYaml, YamlSource } from "./source.js";

/** The path users see: relative to the working directory when it is below it. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") ? path : rel.split("\\").join("/");
}

export async function readYaml(path: string, cwd?: string): Promise<ParsedYaml> {
  const file = displayPath(path, cwd);
  let read: Awaited<ReturnType<typeof readCapped>>;
  try {
    read = await readCapped(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT"
        ? `file not found; create it or pass --data DIR pointing at the folder that holds it`
        : `cannot read the file (${code ?? String(error)})`;
    return {
      source: null,
      value: undefined,
      diagnostics: [diagnosticAt(file, 1, 1, "file", message)],
    };
  }
  if ("tooLarge" in read) {
    const message = fileTooLargeMessage(read.tooLarge);
    return {
      source: null,
      value: undefined,
      diagnostics: [diagnosticAt(file, 1, 1, "file", message)],
    };
  }
  return parseYaml(read.text, file, path);
}

/**
 * The text the parser reads: without a byte-order mark (the yaml package
 * rejects it; Windows editors add one), and with every lone CR (old Mac line
 * ends, or a CR/LF-CR mix) turned into LF, which YAML counts as a line break
 * but the yaml package does not. Offsets stay the same.
 */
function parserText(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

/** Parses YAML text; every syntax problem becomes a located diagnostic, never an exception. */
export function parseYaml(rawText: string, file: string, path: string = file): ParsedYaml {
  const text = parserText(rawText);
  const original = text === rawText ? undefined : rawText;
  const limit = tokenLimitOffset(text);
  // A canonical file (what `cooltech fmt` writes) is read without building its syntax
  // tree; the tree is built on first use, i.e. only when a problem must be located.
  const fast = readCanonicalList(text);
  if (fast !== undefined) {
    const source = lazySource(file, path, text, limit, true);
    if (original !== undefined) source.original = original;
    return { source, value: fast, diagnostics: [] };
  }
  if (limit !== -1) {
    const { line, col } = linePosition(text, limit);
    const diagnostic = diagnosticAt(file, line, col, "file", tooManyTokensMessage());
    return { source: null, value: undefined, diagnostics: [diagnostic] };
  }
  const source: Mutable<YamlSource> = {
    file,
    path,
    text,
    doc: compose(text),
    lineCounter: lineCounterOf(text),
  };
  if (original !== undefined) source.original = original;
  const diagnostics = syntaxDiagnostics(source);
  if (diagnostics.some((d) => d.severity === "error")) {
    const starts = entryStarts(text, source.lineCounter.lineStarts);
    if (starts === undefined) return { source, value: undefined, diagnostics };
    // Problems in the entries that parsed are located in their own syntax trees
    // (the broken tree is dropped first: each can be a few hundred MB).
    source.doc = EMPTY;
    const recovered = recoverEntries(source, starts);
    const { value, broken } = recovered;
    source.doc = recovered.doc;
    // Each broken entry's own problems; the file's when the entries parse alone.
    const own = recovered.diagnostics.some((d) => d.severity === "error");
    const found = own ? capped(recovered.diagnostics) : diagnostics;
    return { source, value: undefined, diagnostics: found, recovered: { value, broken } };
  }
  const resolved = resolveValue(source);
  return { ...resolved, source, diagnostics: [...diagnostics, ...resolved.diagnostics] };
}

/** At most MAX_LISTED syntax problems a file, then one that counts the rest. */
function capped(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_LISTED) return diagnostics;
  const last = diagnostics[MAX_LISTED - 1] as Diagnostic;
  const rest = diagnostics.length - MAX_LISTED + 1;
  const message = `${rest} more YAML problems after this point are not listed; fix the ones above first`;
  return [
    ...diagnostics.slice(0, MAX_LISTED - 1),
    diagnosticAt(last.file, last.line, last.column, "yaml-syntax", message, last.severity),
  ];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const EMPTY = parseDocument("") as Document.Parsed;

/** YAML 1.2 with merge keys (`<<: *base`), which YAML 1.1 files use. */
function compose(text: string): Document.Parsed {
  return parseDocument(text, { prettyErrors: false, uniqueKeys: true, merge: true });
}

/**
 * A source whose syntax tree is built on first use (limit -1: no size limit on
 * the tree). `canonical`: the fast reader accepted the text; otherwise that is
 * checked the first time a problem is located (see source.ts `lines`).
 */
export function lazySource(
  file: string,
  path: string,
  text: string,
  limit: number,
  canonical = false,
): YamlSource {
  let doc: Document.Parsed | undefined;
  const lineCounter = lineCounterOf(text);
  if (limit !== -1) {
    return {
      file,
      path,
      text,
      get doc(): Document.Parsed {
        const { line, col } = linePosition(text, limit);
        throw new UserError(`${file}:${line}:${col} ${tooLargeToEditMessage()}`);
      },
      lineCounter,
      locator: lineLocator(text, lineCounter.lineStarts),
    };
  }
  let lines: LineLocator | null | undefined;
  return {
    file,
    path,
    text,
    get doc() {
      doc ??= compose(text);
      return doc;
    },
    lineCounter,
    get lines() {
      lines ??=
        canonical || readCanonicalList(text) !== undefined
          ? lineLocator(text, lineCounter.lineStarts)
          : null;
      return lines ?? undefined;
    },
  };
}

/** A problem found in the data, located in its file. */
export interface Diagnostic {
  /** Path as shown to the user (relative to the working directory when possible). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: "error" | "warning";
  /** Stable rule id, e.g. `duplicate-repo`; documented in the README. */
  rule: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** A Diagnostic at file:line:col (an error unless told otherwise). */
export function diagnosticAt(
  file: string,
  line: number,
  column: number,
  rule: string,
  message: string,
  severity: Diagnostic["severity"] = "error",
): Diagnostic {
  return { file, line, column, severity, rule, message };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Stable order: by file, then position, then rule. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.rule.localeCompare(b.rule),
  );
}

/**
 * Characters JSON.stringify leaves as they are but that hide or reorder text
 * on screen: C1 controls, soft hyphen, zero-width and bidirectional controls,
 * line/paragraph separators, word joiners, byte-order mark.
 */
const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Shortens untrusted text quoted in a message, and makes control and invisible characters visible. */
export function quote(value: unknown, max = 60): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const shown = text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
  // JSON.stringify escapes C0 controls and quotes, so a hostile string cannot forge
  // extra lines or terminal escapes in our output; \uXXXX shows the invisible rest.
  return JSON.stringify(shown).replace(INVISIBLE, unicodeEscape);
}

/** An untrusted id as `code` when it is a plain identifier, else quoted like quote(). */
export function code(value: unknown): string {
  return typeof value === "string" && /^[\w./-]{1,60}$/.test(value) ? `\`${value}\`` : quote(value);
}

/** Untrusted text shown without quotes: shortened, with control and invisible characters escaped. */
export function plain(text: string, max = 200): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to unicodeEscape
  return shown.replace(/[\u0000-\u001f]/g, unicodeEscape).replace(INVISIBLE, unicodeEscape);
}

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

/** Shortens untrusted text quoted in a message, and makes control characters visible. */
export function quote(value: unknown, max = 60): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const shown = text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
  // JSON.stringify escapes control characters and quotes, so a hostile string cannot
  // forge extra lines or terminal escapes in our output.
  return JSON.stringify(shown);
}

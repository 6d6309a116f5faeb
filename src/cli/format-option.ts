import type { Diagnostic } from "../core/diagnostic.js";
import {
  type DiagnosticFormat,
  formatGithubParts,
  formatJson,
  formatText,
} from "../validate/format/index.js";
import { UsageError } from "./errors.js";
import { commandsOut, type Io, type Paint } from "./io.js";

const FORMATS: readonly DiagnosticFormat[] = ["text", "github", "json"];

/** The --format of commands that report diagnostics: github by default inside GitHub Actions. */
export function chooseFormat(value: string | undefined, io: Io): DiagnosticFormat {
  if (value === undefined) return io.env.GITHUB_ACTIONS === "true" ? "github" : "text";
  if (!FORMATS.includes(value as DiagnosticFormat)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not '${value}'`);
  }
  return value as DiagnosticFormat;
}

/** Writes the diagnostics to stdout in the chosen format. */
export function writeDiagnostics(
  io: Io,
  format: DiagnosticFormat,
  diagnostics: readonly Diagnostic[],
  p: Paint,
): void {
  if (format === "json") io.stdout.write(formatJson(diagnostics));
  else if (format === "github") {
    const { commands, text } = formatGithubParts(diagnostics);
    commandsOut(io).write(commands);
    io.stdout.write(text);
  } else io.stdout.write(formatText(diagnostics, p));
}

import { loadCatalog } from "../../load/catalog.js";
import { hasErrors } from "../../validate/diagnostic.js";
import {
  type DiagnosticFormat,
  formatGithub,
  formatJson,
  formatText,
  summaryLine,
} from "../../validate/format/index.js";
import { validateCatalog } from "../../validate/index.js";
import { type Command, commonOptions, stringOpt } from "../command.js";
import { ExitCode, UsageError } from "../errors.js";
import { type Io, paint, useColor } from "../io.js";
import { resolveData } from "../paths.js";

const FORMATS: readonly DiagnosticFormat[] = ["text", "github", "json"];

export const validateCommand: Command = {
  name: "validate",
  summary: "Check the curated YAML and report every problem at file:line:col",
  options: { ...commonOptions, format: { type: "string" } },
  help: `Usage: cooltech validate [--data DIR] [--format text|github|json]

Checks DIR/projects.yaml and DIR/categories.yaml: YAML syntax, duplicate keys,
the JSON Schemas in schemas/, then the rules (unknown category, duplicate
name/repo/homepage, sort order, unused category). Every problem is reported in
one run, located at file:line:col, with how to fix it.

Options:
  --data DIR       folder with the curated YAML (default: data)
  --format FORMAT  text: file:line:col severity message (rule)   (default)
                   github: workflow annotations shown on the pull request
                           (default when GITHUB_ACTIONS=true)
                   json: an array of {file, line, column, severity, rule, message}
  -h, --help       show this help

Exit codes: 0 valid (warnings allowed), 1 invalid data, 2 usage error.

Examples:
  cooltech validate
  cooltech validate --format json | jq '.[] | select(.severity == "error")'
`,
  async run(args, io) {
    const format = chooseFormat(stringOpt(args, "format"), io);
    const loaded = await loadCatalog(resolveData(args, io), io.cwd);
    const { diagnostics, catalog } = validateCatalog(loaded);
    const p = paint(useColor(io));
    if (format === "json") io.stdout.write(formatJson(diagnostics));
    else if (format === "github") io.stdout.write(formatGithub(diagnostics));
    else io.stdout.write(formatText(diagnostics, p));
    if (format !== "json") {
      const ok = !hasErrors(diagnostics);
      const what = catalog
        ? `${catalog.projects.length} projects in ${catalog.categories.length} categories`
        : summaryLine(diagnostics);
      io.stderr.write(
        ok
          ? `${p.green("✔")} valid: ${what}${diagnostics.length > 0 ? ` (${summaryLine(diagnostics)})` : ""}\n`
          : `${p.red("✖")} ${what}\n`,
      );
    }
    return hasErrors(diagnostics) ? ExitCode.invalid : ExitCode.ok;
  },
};

function chooseFormat(value: string | undefined, io: Io): DiagnosticFormat {
  if (value === undefined) return io.env.GITHUB_ACTIONS === "true" ? "github" : "text";
  if (!FORMATS.includes(value as DiagnosticFormat)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not '${value}'`);
  }
  return value as DiagnosticFormat;
}

import { formatCatalog } from "../../edit/format-files.js";
import { formatText } from "../../validate/format/index.js";
import { boolOpt, type Command, commonOptions } from "../command.js";
import { ExitCode } from "../errors.js";
import { paint, useColor } from "../io.js";
import { resolveData } from "../paths.js";

export const fmtCommand: Command = {
  name: "fmt",
  summary: "Rewrite the curated YAML in canonical form (--check to only report)",
  options: { ...commonOptions, check: { type: "boolean", default: false } },
  help: `Usage: cooltech fmt [--data DIR] [--check]

Rewrites DIR/projects.yaml and DIR/categories.yaml in canonical form, keeping
comments: keys in schema order, projects sorted by category then name, repo
URLs turned into owner/name, tags as [a, b], quotes only where needed.

Options:
  --data DIR   folder with the curated YAML (default: data)
  --check      change nothing; list what would change and exit 1 if anything would
  -h, --help   show this help

Exit codes: 0 formatted (or already canonical), 1 --check found changes, the
YAML has syntax errors or a file is missing, 2 usage error.

Examples:
  cooltech fmt
  cooltech fmt --check
`,
  async run(args, io) {
    const check = boolOpt(args, "check");
    const p = paint(useColor(io));
    const out = paint(useColor(io, "stdout"));
    const outcome = await formatCatalog(resolveData(args, io), check, io.cwd);
    if (outcome.diagnostics.length > 0) {
      io.stdout.write(formatText(outcome.diagnostics, out));
      const unreadable = outcome.diagnostics.every((d) => d.rule === "file");
      io.stderr.write(
        `${p.red("✖")} ${unreadable ? "nothing to format: the files above could not be read" : "fix the syntax errors above first; nothing was formatted"}\n`,
      );
      return ExitCode.invalid;
    }
    const changed = outcome.files.filter((f) => f.changed);
    for (const f of changed) {
      for (const c of f.changes) {
        io.stdout.write(
          `${f.file}:${c.line}:${c.column} ${check ? "would change" : "changed"}: ${c.message}\n`,
        );
      }
    }
    if (changed.length === 0) {
      io.stderr.write(`${p.green("✔")} already canonical\n`);
      return ExitCode.ok;
    }
    const names = changed.map((f) => f.file).join(", ");
    if (check) {
      io.stderr.write(`${p.red("✖")} not canonical: ${names}; run \`cooltech fmt\` to fix\n`);
      return ExitCode.invalid;
    }
    io.stderr.write(`${p.green("✔")} formatted ${names}\n`);
    return ExitCode.ok;
  },
};

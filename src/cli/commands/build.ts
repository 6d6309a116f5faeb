import { hasErrors } from "../../core/diagnostic.js";
import { plural } from "../../core/format.js";
import { buildDirectory } from "../../generate/build.js";
import { CHANGES_FILE } from "../../generate/changes.js";
import { EDITOR_SCHEMA_FILE } from "../../generate/editor-schema.js";
import { displayPath } from "../../load/yaml-source.js";
import { summaryLine } from "../../validate/format/index.js";
import { type Command, commonOptions } from "../command.js";
import { clockFromEnv } from "../env-options.js";
import { ExitCode } from "../errors.js";
import { chooseFormat, writeDiagnostics } from "../format-option.js";
import { paint, useColor } from "../io.js";
import { resolveData } from "../paths.js";
import { setAsideText } from "../set-aside.js";

export const buildCommand: Command = {
  name: "build",
  summary: "Write data/directory.json from the YAML and the last-known GitHub data (offline)",
  options: { ...commonOptions },
  help: `Usage: cooltech build [--data DIR]

Validates the curated YAML, then writes DIR/directory.json: every entry with
the last-known GitHub metadata already in the existing DIR/directory.json.
Also writes DIR/DIRECTORY.md and DIR/projects.editor.schema.json (the schema
editors use for projects.yaml, with the category ids), and appends what changed
since the previous directory.json (projects added, removed, moved, archived,
released, star milestones) to DIR/changes.json, dated now (or COOLTECH_NOW).
Needs no token and no network. The output is deterministic (same input, same
bytes), checked against schemas/directory.schema.json, and written atomically.

One invalid entry does not stop the build: it keeps its last-known record
from DIR/directory.json, or is left out (and listed) when it has none; of two
entries with the same name or repo, the earlier one is kept. Only a file that
cannot be used at all (missing, a YAML syntax error, not a list) stops it.
Problems are printed as file:line:col (annotations under GitHub Actions).

Options:
  --data DIR   folder with the curated YAML and the directory (default: data)
  -h, --help   show this help

Exit codes: 0 written; 5 written, but some entries are invalid (set aside as
above); 1 a file cannot be used (nothing written); 2 usage error; 6 a refresh
holds the data folder's lock (nothing written).

Example:
  cooltech build && git diff --stat data/
`,
  async run(args, io) {
    const p = paint(useColor(io));
    const out = paint(useColor(io, "stdout"));
    // A corrupt directory.json is a DirectoryError (a UserError): runMain prints it, exit 1;
    // a LockBusyError (a refresh holds the folder) is exit 6, also mapped in runMain.
    const now = clockFromEnv(io.env)();
    const result = await buildDirectory(resolveData(args, io), io.cwd, now);
    writeDiagnostics(io, chooseFormat(undefined, io), result.diagnostics, out);
    if (result.directory === null) {
      io.stderr.write(`${p.red("✖")} ${summaryLine(result.diagnostics)}; nothing written\n`);
      return ExitCode.invalid;
    }
    const { projects, categories } = result.directory;
    for (const w of result.written) {
      const file = displayPath(w.path, io.cwd);
      const what = w.path.endsWith(EDITOR_SCHEMA_FILE)
        ? `${plural(categories.length, "category id", "category ids")} for editors`
        : w.path.endsWith(CHANGES_FILE)
          ? plural(result.changes.length, "new change")
          : plural(projects.length, "project");
      io.stderr.write(`${p.green("✔")} ${file} ${w.changed ? "written" : "unchanged"} (${what})\n`);
    }
    io.stderr.write(setAsideText(result.setAside, p));
    if (hasErrors(result.diagnostics)) {
      io.stderr.write(
        `${p.red("✖")} ${summaryLine(result.diagnostics)}; written without the invalid entries' new data (exit 5)\n`,
      );
      return ExitCode.partial;
    }
    return ExitCode.ok;
  },
};

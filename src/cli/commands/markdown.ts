import { join, resolve } from "node:path";
import { loadConfig } from "../../load/config.js";
import { type Command, commonOptions, stringOpt } from "../command.js";
import { ExitCode } from "../errors.js";
import { chooseFormat, writeDiagnostics } from "../format-option.js";
import { paint, useColor } from "../io.js";

export const markdownCommand: Command = {
  name: "markdown",
  summary: "Write DIRECTORY.md, the directory as an awesome-list style Markdown list",
  help: `Usage: cooltech markdown [--data DIR] [--out FILE]

Writes the directory as Markdown, grouped by category, one line per project:
  - [name](homepage or repository) - tagline ★1.2k
Star counts are rounded down ("1.2k" = at least 1,200); archived, moved and
missing repositories are marked. Reads DIR/directory.json (run 'cooltech build'
first) and the title and tagline from DIR/cooltech.yaml. The output is
deterministic, so it can be committed. Past 500 KiB (GitHub renders at most
512 KB of a Markdown file) FILE becomes an index and each category gets its
own file in a directory/ folder next to it (directory/CATEGORY.md, continued
in CATEGORY-2.md ... when one is too big); files of an earlier split that are
no longer needed are removed.

Options:
  --data DIR   folder of directory.json (default: data)
  --out FILE   output file (default: DIR/DIRECTORY.md)
  -h, --help   show this help

Exit codes: 0 written, 1 directory.json missing or invalid, 2 usage error,
4 the output could not be written. Errors in DIR/cooltech.yaml are reported
at their lines and do not stop the output: those keys take their defaults
(\`cooltech validate\` and \`cooltech build\` fail on them).

Examples:
  cooltech markdown
  cooltech markdown --out README-list.md
`,
  options: { ...commonOptions, out: { type: "string" } },
  async run(args, io) {
    const { requireDirectory } = await import("../../load/directory.js");
    const { writeMarkdown } = await import("../../generate/output.js");
    const dataDir = resolve(io.cwd, stringOpt(args, "data") ?? "data");
    const out = resolve(io.cwd, stringOpt(args, "out") ?? join(dataDir, "DIRECTORY.md"));
    const directory = await requireDirectory(dataDir, io.cwd);
    const config = await loadConfig(dataDir, io.cwd);
    writeDiagnostics(io, chooseFormat(undefined, io), config.diagnostics, paint(useColor(io)));
    const files = (await writeMarkdown(out, directory, config.branding)).filter((f) => !f.removed);
    const parts =
      files.length > 1
        ? ` (an index and ${files.length - 1} files in its directory/ folder: GitHub shows at most 512 KB of one)`
        : "";
    io.stderr.write(`Wrote ${out}${parts}: ${directory.projects.length} projects.\n`);
    return ExitCode.ok;
  },
};

import { resolve } from "node:path";
import { loadConfig } from "../../load/config.js";
import { type Command, commonOptions, stringOpt } from "../command.js";
import { ExitCode } from "../errors.js";
import { chooseFormat, writeDiagnostics } from "../format-option.js";
import { paint, useColor } from "../io.js";

export const siteCommand: Command = {
  name: "site",
  summary: "Generate the static site (search, filters, sorting) from directory.json",
  help: `Usage: cooltech site [--data DIR] [--out DIR]

Writes a single-page static site to browse the directory: OUT/index.html (page,
style, data and script in one file, so it also works from file://) and
OUT/directory.json next to it, and the JSON Schemas in OUT/schemas/ (so that
directory.json's $schema resolves once DIR/cooltech.yaml sets the public url).
Reads DIR/directory.json (run 'cooltech build' first) and the title and
tagline from DIR/cooltech.yaml. Host OUT on any static host, e.g. GitHub Pages.

Options:
  --data DIR   folder of directory.json (default: data)
  --out DIR    output folder (default: dist/site)
  -h, --help   show this help

Exit codes: 0 written, 1 directory.json missing or invalid, 2 usage error,
4 the output could not be written. Errors in DIR/cooltech.yaml are reported
at their lines and do not stop the output: those keys take their defaults
(\`cooltech validate\` and \`cooltech build\` fail on them).

Examples:
  cooltech site
  cooltech site --out public
`,
  options: { ...commonOptions, out: { type: "string", default: "dist/site" } },
  async run(args, io) {
    // Loaded here, not at the top, so parsing --help never reads the page script.
    const { requireDirectory } = await import("../../load/directory.js");
    const { renderSite, writeSite } = await import("../../site/build/index.js");
    const dataDir = resolve(io.cwd, stringOpt(args, "data") ?? "data");
    const outDir = resolve(io.cwd, stringOpt(args, "out") ?? "dist/site");
    const directory = await requireDirectory(dataDir, io.cwd);
    const config = await loadConfig(dataDir, io.cwd);
    writeDiagnostics(io, chooseFormat(undefined, io), config.diagnostics, paint(useColor(io)));
    const files = renderSite(directory, config.branding);
    await writeSite(outDir, files);
    const page = Buffer.byteLength(files.get("index.html") ?? "", "utf8");
    io.stderr.write(
      `Wrote ${outDir}/index.html (${(page / 1024).toFixed(1)} KiB) and directory.json: ${directory.projects.length} projects.\n`,
    );
    return ExitCode.ok;
  },
};

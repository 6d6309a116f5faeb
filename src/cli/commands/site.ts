import { resolve } from "node:path";
import { loadConfig } from "../../load/config.js";
import { type Command, commonOptions, stringOpt } from "../command.js";
import { ExitCode, UsageError } from "../errors.js";
import { chooseFormat, writeDiagnostics } from "../format-option.js";
import { paint, useColor } from "../io.js";

export const siteCommand: Command = {
  name: "site",
  summary: "Generate the static site (search, filters, sorting) from directory.json",
  help: `Usage: cooltech site [--data DIR] [--out DIR] [--url URL]

Writes a single-page static site to browse the directory: OUT/index.html (page,
style, data and script in one file, so it also works from file://),
OUT/directory.json next to it, the JSON Schemas in OUT/schemas/ (so that
directory.json's $schema resolves once DIR/cooltech.yaml sets the public url),
and the change feeds OUT/feed.xml (Atom 1.0) and OUT/feed.json (JSON Feed 1.1)
built from DIR/changes.json (empty feeds when there is none). Reads
DIR/directory.json (run 'cooltech build' first) and the title, tagline and
public url from DIR/cooltech.yaml. Host OUT on any static host, e.g. GitHub Pages.

Options:
  --data DIR   folder of directory.json and changes.json (default: data)
  --out DIR    output folder (default: dist/site)
  --url URL    the site's public URL, for absolute links in the feeds
               (default: COOLTECH_SITE_URL, else url in DIR/cooltech.yaml;
               without any, links to the site are left out of the feeds)
  -h, --help   show this help

Exit codes: 0 written, 1 directory.json or changes.json missing or invalid,
2 usage error (a --url that is not http(s)), 4 the output could not be
written. Errors in DIR/cooltech.yaml are reported at their lines and do not
stop the output: those keys take their defaults (\`cooltech validate\` and
\`cooltech build\` fail on them).

Examples:
  cooltech site
  cooltech site --out public --url https://example.org/cooltech/
`,
  options: {
    ...commonOptions,
    out: { type: "string", default: "dist/site" },
    url: { type: "string" },
  },
  async run(args, io) {
    // Loaded here, not at the top, so parsing --help never reads the page script.
    const { requireDirectory } = await import("../../load/directory.js");
    const { renderSite, writeSite } = await import("../../site/build/index.js");
    const dataDir = resolve(io.cwd, stringOpt(args, "data") ?? "data");
    const outDir = resolve(io.cwd, stringOpt(args, "out") ?? "dist/site");
    const { siteUrlOf } = await import("../../site/build/feeds.js");
    const siteUrl = siteUrlOf(stringOpt(args, "url") ?? io.env.COOLTECH_SITE_URL);
    if (siteUrl !== null && typeof siteUrl === "object") {
      throw new UsageError(`--url (or COOLTECH_SITE_URL) ${siteUrl.error}`);
    }
    const { readChanges } = await import("../../generate/changes.js");
    const directory = await requireDirectory(dataDir, io.cwd);
    const config = await loadConfig(dataDir, io.cwd);
    writeDiagnostics(io, chooseFormat(undefined, io), config.diagnostics, paint(useColor(io)));
    const url = siteUrl ?? config.branding.url;
    const changes = await readChanges(dataDir, io.cwd);
    const files = renderSite(directory, { ...config.branding, url }, changes);
    await writeSite(outDir, files);
    const page = Buffer.byteLength(files.get("index.html") ?? "", "utf8");
    io.stderr.write(
      `Wrote ${outDir}/index.html (${(page / 1024).toFixed(1)} KiB), directory.json, schemas/, feed.xml and feed.json: ${directory.projects.length} projects, ${changes.length} changes.\n`,
    );
    return ExitCode.ok;
  },
};

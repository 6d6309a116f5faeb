import { readFileSync } from "node:fs";
import { appendStepSummary } from "../../actions/summary.js";
import { noteLines, summaryMarkdown, summaryText } from "../../import/report.js";
import { FORMATS, type SourceFormat } from "../../import/types.js";
import { initDirectory } from "../../init/init.js";
import { type Command, stringOpt } from "../command.js";
import { UsageError } from "../errors.js";
import { paint, useColor } from "../io.js";

export const initCommand: Command = {
  name: "init",
  summary: "Create a new directory: data/ with samples or an imported list, workflows, README",
  allowPositionals: true,
  options: {
    from: { type: "string" },
    type: { type: "string" },
    title: { type: "string" },
    tagline: { type: "string" },
    url: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
  help: `Usage: cooltech init [DIR] [--from FILE [--type TYPE]] [--title TEXT]
                     [--tagline TEXT] [--url URL]

Creates a directory that works at once, in DIR (default: the current folder):
  data/cooltech.yaml       the title, tagline and public URL (schemas/config.schema.json)
  data/categories.yaml     sample categories, or those of the list given with --from
  data/projects.yaml       sample entries, or the list given with --from
  .github/workflows/       CI (validate, fmt --check), nightly refresh, Pages, link check
  .github/ISSUE_TEMPLATE/  a form to suggest a project (its categories filled in)
  README.md, package.json (depends on cooltech), .gitignore

--from imports a list you already keep, as \`cooltech import\` does (a CNCF
landscape.yml, a Markdown awesome list or a best-of projects.yaml): every fix
and skip is listed with the source line, then a summary. The result passes
\`cooltech validate\`. Nothing is ever overwritten: when any of these files
exists, init writes nothing and names them.

Options:
  --from FILE       import this list instead of writing the samples
  --type TYPE       the list's format: landscape, awesome or best-of (default: detected)
  --title TEXT      the directory's title (default: DIR's name)
  --tagline TEXT    one sentence under the title
  --url URL         where the site will be published, e.g. https://OWNER.github.io/REPO/
  -h, --help        show this help

Exit codes: 0 created, 1 a file is in the way or the list cannot be read,
2 usage error.

Examples:
  cooltech init mylist --from awesome-go-README.md
  cd mylist && npx cooltech build && npx cooltech site
`,
  async run(args, io) {
    const [dir, ...extra] = args.positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const format = stringOpt(args, "type");
    if (format !== undefined && !FORMATS.includes(format as SourceFormat)) {
      throw new UsageError(`--type must be one of ${FORMATS.join(", ")}, not '${format}'`);
    }
    const from = stringOpt(args, "from");
    if (format !== undefined && from === undefined) {
      throw new UsageError("--type names the format of the --from list; add --from FILE");
    }
    const p = paint(useColor(io));
    const text = (name: string) => stringOpt(args, name);
    const result = await initDirectory({
      dir: dir ?? ".",
      cwd: io.cwd,
      version: packageVersion(),
      ...(from !== undefined && { from }),
      ...(format !== undefined && { format: format as SourceFormat }),
      ...(text("title") !== undefined && { title: text("title") as string }),
      ...(text("tagline") !== undefined && { tagline: text("tagline") as string }),
      ...(text("url") !== undefined && { url: text("url") as string }),
    });
    if (result.imported !== null) {
      io.stdout.write(noteLines(result.imported));
      io.stderr.write(`${p.green("✔")} ${summaryText(result.imported)}\n`);
      await appendStepSummary(io.env, summaryMarkdown(result.imported));
    }
    for (const file of result.written) io.stderr.write(`  ${file}\n`);
    const where = dir === undefined ? "" : `cd ${dir} && `;
    io.stderr.write(
      `${p.green("✔")} created ${result.written.length} files. Next: ${where}npm install, then npx cooltech build && npx cooltech site\n`,
    );
    return 0;
  },
};

/** This package's version (package.json at the package root: dist/src/cli/commands/ → ../../../../). */
function packageVersion(): string {
  const url = new URL("../../../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
}

import { resolve } from "node:path";
import { appendStepSummary } from "../../actions/summary.js";
import { noteLines, summaryJson, summaryMarkdown, summaryText } from "../../import/report.js";
import { ImportBlocked, importList } from "../../import/run.js";
import { FORMATS, type SourceFormat } from "../../import/types.js";
import { formatText } from "../../validate/format/index.js";
import { boolOpt, type Command, commonOptions, stringOpt } from "../command.js";
import { ExitCode, UsageError } from "../errors.js";
import { paint, useColor } from "../io.js";
import { resolveData } from "../paths.js";

export const importCommand: Command = {
  name: "import",
  summary: "Import a landscape.yml, an awesome list or a best-of projects.yaml into the catalog",
  allowPositionals: true,
  options: {
    ...commonOptions,
    from: { type: "string" },
    json: { type: "boolean", default: false },
  },
  help: `Usage: cooltech import <file> [--from landscape|awesome|best-of] [--data DIR] [--json]

Reads a list kept in another tool's format and writes it into DIR/projects.yaml
and DIR/categories.yaml (created when missing, merged into when present, comments
kept, canonical form). An entry already in the catalog (same repository, else
same name ignoring case) is never added twice: it only gains what it lacks
(further categories, homepage, tags, description). Importing the same file
again changes nothing. The result always passes \`cooltech validate\`.

Formats (detected when --from is omitted):
  landscape  a CNCF landscape.yml: each subcategory becomes a category;
             repo_url, homepage_url, description; second_path adds categories
  awesome    a Markdown awesome list: ##/### headings become categories, each
             \`- [Name](url) - description\` item an entry
  best-of    a best-of-generator projects.yaml: categories, and projects with
             name, github_id, category, labels (tags), homepage, description

What does not fit is fixed where that is safe (a description cut at a word
boundary, http:// homepages made https://, tags slugged) or skipped; every fix
and skip is listed with the source file's line and the reason, then a summary
counts them. Under GitHub Actions the summary goes to the job summary.

Options:
  --from FORMAT   landscape, awesome or best-of (default: detected)
  --data DIR      folder with the curated YAML (default: data)
  --json          print the result as JSON on stdout
  -h, --help      show this help

Exit codes: 0 imported (skips are reported, not failures), 1 the file cannot be
read or the catalog already has errors, 2 usage error.

Examples:
  cooltech import ../shared/data-real/cncf-landscape.yml
  cooltech import README.md --from awesome --data mylist
`,
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (file === undefined) throw new UsageError("give the file to import: cooltech import <file>");
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    const from = stringOpt(args, "from");
    if (from !== undefined && !FORMATS.includes(from as SourceFormat)) {
      throw new UsageError(`--from must be one of ${FORMATS.join(", ")}, not '${from}'`);
    }
    const p = paint(useColor(io));
    let result: Awaited<ReturnType<typeof importList>>;
    try {
      result = await importList({
        file: resolve(io.cwd, file),
        dataDir: resolveData(args, io),
        cwd: io.cwd,
        ...(from !== undefined && { from: from as SourceFormat }),
      });
    } catch (error) {
      if (!(error instanceof ImportBlocked)) throw error;
      io.stdout.write(formatText(error.diagnostics, p));
      io.stderr.write(`${p.red("✖")} ${error.message}\n`);
      return ExitCode.invalid;
    }
    if (boolOpt(args, "json")) {
      io.stdout.write(`${JSON.stringify(summaryJson(result), null, 2)}\n`);
    } else {
      io.stdout.write(noteLines(result));
      io.stderr.write(`${p.green("✔")} ${summaryText(result)}\n`);
    }
    await appendStepSummary(io.env, summaryMarkdown(result));
    return ExitCode.ok;
  },
};

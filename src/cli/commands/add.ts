import { addProject } from "../../edit/add.js";
import { formatText } from "../../validate/format/index.js";
import { type Command, commonOptions, stringOpt } from "../command.js";
import { ExitCode, UsageError } from "../errors.js";
import { paint, useColor } from "../io.js";
import { resolveData } from "../paths.js";

export const addCommand: Command = {
  name: "add",
  summary: "Add a project at its sorted place",
  allowPositionals: true,
  options: {
    ...commonOptions,
    category: { type: "string" },
    name: { type: "string" },
    homepage: { type: "string" },
    tags: { type: "string" },
    description: { type: "string" },
  },
  help: `Usage: cooltech add <owner/name | GitHub URL> --category ID [options]

Inserts a project into DIR/projects.yaml at its sorted place, keeping
comments, then validates the whole catalog with it. Nothing is written when
the result would be invalid or the project is already listed. Offline.

Options:
  --category ID[,ID]   category id from DIR/categories.yaml (required); several
                       comma-separated ids list the project in each, the
                       first being the primary one
  --name NAME          display name (default: the repository name)
  --homepage URL       the project's website (https)
  --tags a,b           comma-separated lowercase kebab-case tags
  --description TEXT   curated tagline (at most 200 characters)
  --data DIR           folder with the curated YAML (default: data)
  -h, --help           show this help

Exit codes: 0 added, 1 duplicate or invalid entry, 2 usage error.

Examples:
  cooltech add falcosecurity/falco --category security --tags runtime-security,cncf
  cooltech add https://github.com/rook/rook --category storage --name Rook --homepage https://rook.io/
  cooltech add apache/flink --category streaming,databases --name Flink
`,
  async run(args, io) {
    const [repo, ...extra] = args.positionals;
    if (repo === undefined)
      throw new UsageError("give the repository: cooltech add owner/name --category ID");
    if (extra.length > 0)
      throw new UsageError(`unexpected argument '${extra[0]}' (quote values with spaces)`);
    const category = stringOpt(args, "category")
      ?.split(",")
      .map((c) => c.trim())
      .filter((c) => c !== "");
    if (category === undefined || category.length === 0)
      throw new UsageError("--category is required (an id from categories.yaml)");
    const tags = stringOpt(args, "tags")
      ?.split(",")
      .map((t) => t.trim())
      .filter((t) => t !== "");
    const opt = (k: string) => {
      const v = stringOpt(args, k);
      return v === undefined ? {} : { [k]: v };
    };
    const p = paint(useColor(io));
    const out = paint(useColor(io, "stdout"));
    const outcome = await addProject(
      resolveData(args, io),
      {
        repo,
        category: category.length === 1 ? (category[0] as string) : category,
        ...opt("name"),
        ...opt("homepage"),
        ...opt("description"),
        ...(tags && { tags }),
      },
      io.cwd,
    );
    if (!outcome.ok) {
      io.stdout.write(formatText(outcome.diagnostics, out));
      io.stderr.write(`${p.red("✖")} ${outcome.reason}\n`);
      return ExitCode.invalid;
    }
    io.stdout.write(formatText(outcome.warnings, out));
    io.stderr.write(
      `${p.green("✔")} added ${outcome.project.name} (${outcome.project.repo}) at ${outcome.file}:${outcome.line}\nCommit ${outcome.file} and open a pull request: directory.json, DIRECTORY.md and the site are regenerated after the merge.\n`,
    );
    return ExitCode.ok;
  },
};

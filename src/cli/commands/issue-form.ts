import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { UserError } from "../../core/errors.js";
import { writeFileAtomic } from "../../core/write.js";
import { loadCatalog } from "../../load/catalog.js";
import { displayPath } from "../../load/yaml-source.js";
import { formatText } from "../../validate/format/index.js";
import { validateCatalog } from "../../validate/index.js";
import { boolOpt, type Command, commonOptions, stringOpt } from "../command.js";
import { ExitCode } from "../errors.js";
import { paint, useColor } from "../io.js";
import { resolveData } from "../paths.js";

export const DEFAULT_FORM = ".github/ISSUE_TEMPLATE/suggest-project.yml";

export const issueFormCommand: Command = {
  name: "issue-form",
  summary: "Write the category list of the 'Suggest a project' issue form from categories.yaml",
  options: {
    ...commonOptions,
    form: { type: "string" },
    check: { type: "boolean", default: false },
  },
  help: `Usage: cooltech issue-form [--data DIR] [--form FILE] [--check]

Sets the options of the \`category\` dropdown of the issue form to the ids of
DIR/categories.yaml, in order, then "Something else". Everything else in the
form (text, comments, other fields) is kept. The workflow on main runs it
after a change to the categories; contributors never need to.

Options:
  --data DIR    folder with categories.yaml (default: data)
  --form FILE   the issue form (default: ${DEFAULT_FORM})
  --check       change nothing; exit 1 if the form's list is out of date
  -h, --help    show this help

Exit codes: 0 written (or already up to date), 1 categories.yaml invalid, the
form has no category dropdown, or --check found it out of date, 2 usage error,
4 the form could not be written.

Examples:
  cooltech issue-form
  cooltech issue-form --check
`,
  async run(args, io) {
    const p = paint(useColor(io));
    const form = resolve(io.cwd, stringOpt(args, "form") ?? DEFAULT_FORM);
    const shown = displayPath(form, io.cwd);
    const loaded = await loadCatalog(resolveData(args, io), io.cwd);
    const file = loaded.categories.source?.file;
    // Only categories.yaml matters here: a problem in projects.yaml does not block the form.
    const problems = validateCatalog(loaded).diagnostics.filter(
      (d) => d.severity === "error" && (file === undefined || d.file === file),
    );
    if (problems.length > 0 || !Array.isArray(loaded.categories.value)) {
      io.stdout.write(formatText(problems, p));
      io.stderr.write(`${p.red("✖")} categories.yaml has errors; the issue form was not changed\n`);
      return ExitCode.invalid;
    }
    const ids = (loaded.categories.value as Array<{ id: string }>).map((c) => c.id);
    const text = await readFile(form, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UserError(
        `cannot read the issue form ${shown} (${error.code ?? error.message}); give its path with --form`,
        error.code === "ENOENT" ? "invalid" : "io",
      );
    });
    const { updateIssueForm } = await import("../../generate/issue-form.js");
    const update = updateIssueForm(text, shown, ids);
    if (!update.changed) {
      io.stderr.write(`${p.green("✔")} ${shown} already lists the ${ids.length} categories\n`);
      return ExitCode.ok;
    }
    if (boolOpt(args, "check")) {
      io.stderr.write(
        `${p.red("✖")} ${shown} does not list the categories of categories.yaml; run \`cooltech issue-form\`\n`,
      );
      return ExitCode.invalid;
    }
    await writeFileAtomic(form, update.text);
    io.stderr.write(`${p.green("✔")} ${shown} written (${ids.length} categories)\n`);
    return ExitCode.ok;
  },
};

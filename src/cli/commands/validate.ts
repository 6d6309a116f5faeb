import { annotation } from "../../actions/commands.js";
import { appendStepSummary } from "../../actions/summary.js";
import { type Diagnostic, hasErrors, sortDiagnostics } from "../../core/diagnostic.js";
import { plural } from "../../core/format.js";
import type { LookupOptions } from "../../github/lookup.js";
import { type LoadedCatalog, loadCatalog } from "../../load/catalog.js";
import { loadConfig } from "../../load/config.js";
import type { Git } from "../../pr-check/changed.js";
import type { LookupFn, OnlineCheck } from "../../pr-check/online.js";
import type { ChangeScope } from "../../pr-check/scope.js";
import {
  type DiagnosticFormat,
  formatText,
  outsideChangesMarkdown,
  outsideChangesNotice,
  summaryLine,
} from "../../validate/format/index.js";
import { validateSummaryMarkdown } from "../../validate/format/summary.js";
import { validateCatalog } from "../../validate/index.js";
import { type Args, boolOpt, type Command, commonOptions, stringOpt } from "../command.js";
import { ExitCode, UsageError } from "../errors.js";
import { chooseFormat, writeDiagnostics } from "../format-option.js";
import { commandsOut, type Io, type Paint, paint, useColor } from "../io.js";
import { resolveData } from "../paths.js";

const HELP = `Usage: cooltech validate [--data DIR] [--format text|github|json]
                         [--online [--changed-since REF]]

Checks DIR/projects.yaml and DIR/categories.yaml: YAML syntax, duplicate keys,
the JSON Schemas in schemas/, then the rules (unknown category, duplicate
name/repo/homepage, sort order, unused category), and DIR/cooltech.yaml (the
title, tagline and public URL; optional). Every problem is reported in one run,
located at file:line:col, with how to fix it.

With --online, also looks the entries up on GitHub (GITHUB_TOKEN or GH_TOKEN;
anonymous otherwise, 60 requests an hour; GITHUB_API_URL for GitHub Enterprise):
  error    repo-not-found   GitHub has no such repository
  error    repo-archived    the repository is archived
  error    duplicate-repo   it moved to a repository the catalog already lists
  warning  repo-moved       renamed or transferred: the owner/name to write
  warning  github-lookup    GitHub could not be reached: the entry is unverified
With --changed-since, not-found and archived are errors only for the entries
whose repo the change introduces, warnings for the others; a duplicate or an
entry out of order is reported on the entry the change added or edited, and
with --format github only problems on lines the change added or edited are
annotated (the others are listed in the log and the job summary). A network
failure or a missing token never fails the check.

When GITHUB_STEP_SUMMARY is set (GitHub Actions), every problem is appended
there as a table with a link to its line (GitHub annotates only 10 per
severity); with --online, first a table of the entries looked up (stars,
license, last push, description).

Options:
  --data DIR            folder with the curated YAML (default: data)
  --format FORMAT       text: file:line:col severity message (rule)   (default)
                        github: workflow annotations shown on the pull request
                                (default when GITHUB_ACTIONS=true)
                        json: an array of {file, line, column, severity, rule, message}
  --online              look the entries up on GitHub (all, unless --changed-since)
  --changed-since REF   only the entries added or changed since git REF, e.g. the
                        pull request's base: origin/main (HEAD^1 on its merge commit)
  -h, --help            show this help

Exit codes: 0 valid (warnings allowed), 1 invalid data or an online error,
2 usage error (including a REF that git does not know).

Examples:
  cooltech validate
  cooltech validate --format json | jq '.[] | select(.severity == "error")'
  GITHUB_TOKEN=$(gh auth token) cooltech validate --online --changed-since origin/main
`;

/** Test seams: a git runner, a GitHub lookup, lookup options (e.g. short retry delays). */
export interface ValidateDeps {
  git?: Git;
  lookup?: LookupFn;
  lookupOptions?: Partial<LookupOptions>;
}

export function validateCommandWith(deps: ValidateDeps = {}): Command {
  return {
    name: "validate",
    summary: "Check the curated YAML and report every problem at file:line:col",
    options: {
      ...commonOptions,
      format: { type: "string" },
      online: { type: "boolean", default: false },
      "changed-since": { type: "string" },
    },
    help: HELP,
    run: (args, io) => validateRun(args, io, deps),
  };
}

/** `cooltech validate`: offline checks, then --online; every problem printed and in the job summary. */
async function validateRun(args: Args, io: Io, deps: ValidateDeps): Promise<number> {
  const format = chooseFormat(stringOpt(args, "format"), io);
  const online = boolOpt(args, "online");
  const since = stringOpt(args, "changed-since");
  if (since !== undefined && !online) {
    throw new UsageError(
      "--changed-since REF selects the entries --online looks up on GitHub; add --online",
    );
  }
  const dataDir = resolveData(args, io);
  const loaded = await loadCatalog(dataDir, io.cwd);
  // What the pull request touched: its entries get the messages, its lines the annotations.
  const scope =
    since === undefined
      ? null
      : await (await import("../../pr-check/scope.js")).changeScope(
          loaded,
          since,
          io.cwd,
          deps.git,
        );
  const validation = validateCatalog(loaded, scope === null ? {} : { touched: scope.touched });
  const config = await loadConfig(dataDir, io.cwd);
  const offline = sortDiagnostics([...config.diagnostics, ...validation.diagnostics]);
  const report = online ? await checkOnline(loaded, dataDir, since, io, deps) : null;
  const diagnostics: Diagnostic[] = report
    ? sortDiagnostics([...offline, ...report.diagnostics])
    : offline;
  const out = paint(useColor(io, "stdout"));
  if (scope !== null && since !== undefined && format === "github") {
    await writeScoped(io, diagnostics, offline, scope, since, out);
  } else writeDiagnostics(io, format, diagnostics, out);
  const what = scopeOf(loaded);
  if (report) await reportOnline(report, since, format, io);
  else if (online) {
    await appendStepSummary(
      io.env,
      "### New-entry check\n\nNothing looked up: projects.yaml does not parse. Fix the errors annotated on the diff first.\n",
    );
  }
  // Every problem, not only the 10 per severity GitHub annotates (after --online's
  // triage table, which already reports a clean run).
  if (!online || diagnostics.length > 0) {
    await appendStepSummary(io.env, validateSummaryMarkdown(diagnostics, what, io.env));
  }
  if (format !== "json") io.stderr.write(verdictLine(diagnostics, what, paint(useColor(io))));
  return hasErrors(diagnostics) ? ExitCode.invalid : ExitCode.ok;
}

/** `--online`: the entries looked up on GitHub (only those a pull request changed with --changed-since). */
async function checkOnline(
  loaded: LoadedCatalog,
  dataDir: string,
  since: string | undefined,
  io: Io,
  deps: ValidateDeps,
): Promise<OnlineCheck | null> {
  // Loaded only when asked, so plain `validate` never pays for the GitHub client.
  const { runOnlineCheck } = await import("../../pr-check/online-run.js");
  const { testKnobs } = await import("../env-options.js");
  return runOnlineCheck(loaded, {
    dataDir,
    env: io.env,
    cwd: io.cwd,
    ...(since !== undefined && { since }),
    ...deps,
    // The same test-only knobs as `refresh` (COOLTECH_RETRY_BASE_MS, COOLTECH_TIMEOUT_MS).
    lookupOptions: { ...testKnobs(io.env), ...deps.lookupOptions },
  });
}

/**
 * --changed-since under GitHub Actions: only the problems on what the pull
 * request touched are annotated; the others are listed after a notice and in
 * the job summary. Online findings concern touched entries only: always annotated.
 */
async function writeScoped(
  io: Io,
  diagnostics: readonly Diagnostic[],
  offline: readonly Diagnostic[],
  scope: ChangeScope,
  since: string,
  out: Paint,
): Promise<void> {
  const { inScope } = await import("../../pr-check/scope.js");
  const outside = new Set(offline.filter((d) => !inScope(scope, d)));
  writeDiagnostics(
    io,
    "github",
    diagnostics.filter((d) => !outside.has(d)),
    out,
  );
  if (outside.size > 0) {
    // The notice is a workflow command: it goes through the command channel, not the guard.
    commandsOut(io).write(outsideChangesNotice(outside.size));
    io.stdout.write(formatText([...outside]));
    await appendStepSummary(io.env, outsideChangesMarkdown([...outside], since));
  }
}

/** The last line on stderr: valid (how many projects, and any warnings), or how many problems. */
function verdictLine(
  diagnostics: readonly Diagnostic[],
  what: string,
  p: ReturnType<typeof paint>,
): string {
  if (hasErrors(diagnostics)) return `${p.red("✖")} ${summaryLine(diagnostics)}\n`;
  return `${p.green("✔")} valid: ${what}${diagnostics.length > 0 ? ` (${summaryLine(diagnostics)})` : ""}\n`;
}

export const validateCommand: Command = validateCommandWith();

/** The triage table in the job summary; per-entry lines on a terminal; a notice without a token. */
async function reportOnline(
  report: OnlineCheck,
  since: string | undefined,
  format: DiagnosticFormat,
  io: Io,
): Promise<void> {
  const { onlineSummaryMarkdown, onlineSummaryText } = await import(
    "../../pr-check/online-summary.js"
  );
  await appendStepSummary(
    io.env,
    onlineSummaryMarkdown(report, since === undefined ? {} : { base: since }),
  );
  const anonymous = !report.authenticated && report.checks.some((c) => c.repo !== undefined);
  if (format === "text") {
    io.stderr.write(
      report.checks.length === 0
        ? `online: no entry added or changed since ${since ?? "the ref"}, nothing to look up\n`
        : `online:\n${onlineSummaryText(report)}`,
    );
    if (anonymous) {
      io.stderr.write("note: no GITHUB_TOKEN or GH_TOKEN: looked up anonymously (60 an hour)\n");
    }
  } else if (format === "github" && anonymous) {
    // A notice, not a warning: the check did run, and notices have their own annotation budget.
    commandsOut(io).write(
      `${annotation({ level: "notice", title: "No GitHub token", message: "GITHUB_TOKEN is not set: the entries were looked up anonymously (60 requests an hour); give the step env GITHUB_TOKEN" })}\n`,
    );
  }
}

/** "16 projects in 9 categories", counted in what was read (also when it is invalid). */
function scopeOf(loaded: LoadedCatalog): string {
  const { projects, categories } = loaded;
  if (!Array.isArray(projects.value) || !Array.isArray(categories.value)) return "";
  return `${plural(projects.value.length, "project")} in ${plural(categories.value.length, "category", "categories")}`;
}

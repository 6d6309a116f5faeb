import { appendStepSummary } from "../../actions/summary.js";
import { hasErrors } from "../../core/diagnostic.js";
import { ExitCode, UsageError, UserError } from "../../core/errors.js";
import { describeHolder, LockBusyError } from "../../core/lock.js";
import { ConfigError, githubConfigFromEnv, redact } from "../../github/config.js";
import { LookupAuthError, LookupEndpointError, MAX_CONCURRENCY } from "../../github/lookup.js";
import { MAX_BATCH_SIZE } from "../../github/query.js";
import { DirectoryError } from "../../load/directory.js";
import { HistoryError } from "../../refresh/history.js";
import { type RefreshResult, refresh } from "../../refresh/refresh.js";
import { UnknownEntryError } from "../../refresh/select.js";
import { complete, summarize } from "../../refresh/summary.js";
import { summaryMarkdown, summaryText } from "../../refresh/summary-format.js";
import { formatGithubParts, formatText, summaryLine } from "../../validate/format/index.js";
import { type Args, boolOpt, type Command, commonOptions, listOpt, stringOpt } from "../command.js";
import { errCommandsOut, type Io, paint, progress, useColor } from "../io.js";
import { resolveData } from "../paths.js";
import { setAsideText } from "../set-aside.js";
import { stopOnSignals } from "../stop.js";
import { REFRESH_HELP } from "./refresh-help.js";
import { budgetLine, progressLine } from "./refresh-lines.js";
import { clockFromEnv, intOpt, testKnobs } from "./refresh-options.js";

/** Io whose every write goes through redact(): the token can never reach the output. */
function redacting(io: Io, token: string | undefined): Io {
  return {
    ...io,
    stdout: { write: (c: string) => io.stdout.write(redact(c, token)) },
    stderr: {
      write: (c: string) => io.stderr.write(redact(c, token)),
      ...(io.stderr.isTTY !== undefined && { isTTY: io.stderr.isTTY }),
    },
    ...(io.commands && {
      commands: { write: (c: string) => io.commands?.write(redact(c, token)) },
    }),
  };
}

export const refreshCommand: Command = {
  name: "refresh",
  summary: "Fetch live GitHub metadata into data/directory.json (stars, releases, moves, trends)",
  options: {
    ...commonOptions,
    only: { type: "string", multiple: true },
    "batch-size": { type: "string" },
    concurrency: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    "fix-moved": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    "max-time": { type: "string" },
    wait: { type: "string" },
  },
  allowPositionals: true,
  help: REFRESH_HELP,
  async run(args, rawIo) {
    let config: ReturnType<typeof githubConfigFromEnv>;
    try {
      config = githubConfigFromEnv(rawIo.env);
    } catch (error) {
      if (error instanceof ConfigError) throw new UserError(error.message, ExitCode.usage);
      throw error;
    }
    const io = redacting(rawIo, config.token);
    try {
      return await runRefresh(args, io, config);
    } catch (error) {
      if (error instanceof Error) error.message = redact(error.message, config.token);
      throw error;
    }
  },
};

/** What the command line asks of a run. */
interface RunFlags {
  only: string[];
  batchSize: number | undefined;
  concurrency: number | undefined;
  dryRun: boolean;
  json: boolean;
  maxTime: number | undefined;
  wait: number | undefined;
}

/** Longest --max-time and --wait: a day. */
const MAX_SECONDS = 86_400;

function runFlags(args: Args): RunFlags {
  const only = listOpt(args, "only");
  if (args.positionals.length > 0 && only.length === 0) {
    throw new UsageError(
      `unexpected argument '${args.positionals[0]}'; to refresh some entries, use --only NAME ...`,
    );
  }
  only.push(...args.positionals);
  return {
    only,
    batchSize: intOpt(stringOpt(args, "batch-size"), "--batch-size", 1, MAX_BATCH_SIZE),
    concurrency: intOpt(stringOpt(args, "concurrency"), "--concurrency", 1, MAX_CONCURRENCY),
    dryRun: boolOpt(args, "dry-run"),
    json: boolOpt(args, "json"),
    maxTime: intOpt(stringOpt(args, "max-time"), "--max-time", 1, MAX_SECONDS),
    wait: intOpt(stringOpt(args, "wait"), "--wait", 0, MAX_SECONDS),
  };
}

async function runRefresh(
  args: Args,
  io: Io,
  config: ReturnType<typeof githubConfigFromEnv>,
): Promise<number> {
  const flags = runFlags(args);
  if (!config.token) {
    const p = paint(useColor(io));
    io.stderr.write(
      `${p.yellow("!")} No GITHUB_TOKEN or GH_TOKEN: using the REST API without a token (60 requests/hour). Unchanged repositories cost nothing (ETags in .etags.json); a changed one costs 2 requests.\n`,
    );
  }
  // SIGTERM / SIGINT: write what was fetched, the rest stale, exit 3.
  const stop = stopOnSignals(io, "writing what was fetched");
  let code: number = ExitCode.internal;
  try {
    code = await runStoppable(args, io, config, flags, stop.signal);
    return code;
  } finally {
    stop.dispose(code === ExitCode.incomplete);
  }
}

async function runStoppable(
  args: Args,
  io: Io,
  config: ReturnType<typeof githubConfigFromEnv>,
  flags: RunFlags,
  signal: AbortSignal,
): Promise<number> {
  const { batchSize, concurrency, dryRun, maxTime, wait } = flags;
  const p = paint(useColor(io));
  const out = paint(useColor(io, "stdout"));
  const bar = progress(io);
  const started = performance.now();
  const api = config.token ? "graphql" : "rest";
  let result: RefreshResult;
  try {
    result = await refresh({
      dataDir: resolveData(args, io),
      cwd: io.cwd,
      config,
      only: flags.only,
      dryRun,
      fixMoved: boolOpt(args, "fix-moved"),
      now: clockFromEnv(io.env),
      signal,
      ...(maxTime !== undefined && { maxTimeMs: maxTime * 1000 }),
      lockWaitMs: (wait ?? 0) * 1000,
      onLockWait: (holder) =>
        io.stderr.write(
          `${p.yellow("!")} waiting up to ${wait} s for ${describeHolder(holder)} to finish\n`,
        ),
      lookup: {
        ...(batchSize !== undefined && { batchSize }),
        ...(concurrency !== undefined && { concurrency }),
        ...testKnobs(io.env),
        onProgress: (done, total, stats) => bar.update(progressLine(done, total, stats, api)),
        onBudget: (stats, total) => io.stderr.write(budgetLine(stats, total)),
      },
    });
  } catch (error) {
    throw userFacing(error);
  } finally {
    bar.done();
  }
  if (result.directory === null) {
    io.stdout.write(formatText(result.diagnostics, out));
    io.stderr.write(
      `${p.red("✖")} ${summaryLine(result.diagnostics)}; nothing fetched or written\n`,
    );
    return ExitCode.invalid;
  }
  // On stderr: stdout may be --json. Annotations under GitHub Actions.
  const github = io.env.GITHUB_ACTIONS === "true";
  if (github) {
    const { commands, text } = formatGithubParts(result.diagnostics);
    errCommandsOut(io).write(commands);
    io.stderr.write(text);
  } else io.stderr.write(formatText(result.diagnostics, p));
  io.stderr.write(setAsideText(result.setAside, p));
  const summary = summarize(result, dryRun, Math.round(performance.now() - started), io.cwd);
  if (flags.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else io.stdout.write(summaryText(summary, out, result.projectsFile));
  // appendStepSummary keeps the step under GitHub's 1 MiB summary limit.
  await appendStepSummary(io.env, redact(summaryMarkdown(summary), config.token)).catch(
    (error: NodeJS.ErrnoException) =>
      io.stderr.write(
        `${p.yellow("!")} could not append to GITHUB_STEP_SUMMARY (${error.code ?? error.message})\n`,
      ),
  );
  if (hasErrors(result.diagnostics)) {
    io.stderr.write(
      `${p.red("✖")} ${summaryLine(result.diagnostics)} in the curated data; every valid entry was refreshed (exit 5)\n`,
    );
    return ExitCode.partial;
  }
  return complete(summary) ? ExitCode.ok : ExitCode.incomplete;
}

/** The refresh stage's errors as the CLI reports them. */
function userFacing(error: unknown): unknown {
  if (error instanceof UnknownEntryError) return new UsageError(error.message);
  if (error instanceof LockBusyError) return new UserError(error.message, ExitCode.busy);
  if (error instanceof DirectoryError || error instanceof HistoryError) {
    return new UserError(error.message);
  }
  if (error instanceof LookupEndpointError) {
    // A configuration error, like a malformed URL: exit 2 (usage), nothing written.
    return new UserError(`${error.message}. Nothing was written.`, ExitCode.usage);
  }
  if (error instanceof LookupAuthError) {
    return new UserError(
      `${error.message}: check GITHUB_TOKEN / GH_TOKEN (expired or revoked?), or unset both to use the REST API without a token. Nothing was written.`,
    );
  }
  return error;
}

import { appendStepSummary } from "../../actions/summary.js";
import { hasErrors } from "../../core/diagnostic.js";
import { UserError } from "../../core/errors.js";
import { describeHolder } from "../../core/lock.js";
import {
  ConfigError,
  type GitHubConfig,
  githubConfigFromEnv,
  redact,
} from "../../github/config.js";
import { MAX_CONCURRENCY } from "../../github/lookup.js";
import { MAX_BATCH_SIZE } from "../../github/query.js";
import { type RefreshResult, refresh } from "../../refresh/refresh.js";
import { complete, type Summary, summarize } from "../../refresh/summary.js";
import { summaryMarkdown, summaryText } from "../../refresh/summary-format.js";
import { formatGithubParts, formatText, summaryLine } from "../../validate/format/index.js";
import { type Args, boolOpt, type Command, commonOptions, intOpt, listOpt } from "../command.js";
import { clockFromEnv, testKnobs } from "../env-options.js";
import { ExitCode, UsageError } from "../errors.js";
import { errCommandsOut, type Io, paint, progress, useColor } from "../io.js";
import { resolveData } from "../paths.js";
import { setAsideText } from "../set-aside.js";
import { stopOnSignals } from "../stop.js";
import { withUserErrors } from "./refresh-errors.js";
import { REFRESH_HELP } from "./refresh-help.js";
import { budgetLine, progressLine } from "./refresh-lines.js";

/** Longest --max-time: a day. */
const _MAX_TIME_S = 86_400;

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
    let config: GitHubConfig;
    try {
      config = githubConfigFromEnv(rawIo.env);
    } catch (error) {
      if (error instanceof ConfigError) throw new UserError(error.message, "usage");
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
  return {
    only: onlyOpt(args),
    batchSize: intOpt(args, "batch-size", 1, MAX_BATCH_SIZE),
    concurrency: intOpt(args, "concurrency", 1, MAX_CONCURRENCY),
    dryRun: boolOpt(args, "dry-run"),
    json: boolOpt(args, "json"),
    maxTime: intOpt(args, "max-time", 1, MAX_SECONDS),
    wait: intOpt(args, "wait", 0, MAX_SECONDS),
  };
}

/** --only NAME ..., or the names given as arguments with --only. */
function onlyOpt(args: Args): string[] {
  const only = listOpt(args, "only");
  if (args.positionals.length > 0 && only.length === 0) {
    throw new UsageError(
      `unexpected argument '${args.positionals[0]}'; to refresh some entries, use --only NAME ...`,
    );
  }
  return [...only, ...args.positionals];
}

async function runRefresh(args: Args, io: Io, config: GitHubConfig): Promise<number> {
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
  config: GitHubConfig,
  flags: RunFlags,
  signal: AbortSignal,
): Promise<number> {
  const started = performance.now();
  const result = await fetchAndWrite(args, io, config, flags, signal);
  const p = paint(useColor(io));
  if (result.directory === null) {
    io.stdout.write(formatText(result.diagnostics, paint(useColor(io, "stdout"))));
    io.stderr.write(
      `${p.red("✖")} ${summaryLine(result.diagnostics)}; nothing fetched or written\n`,
    );
    return ExitCode.invalid;
  }
  // On stderr: stdout may be --json. Annotations under GitHub Actions.
  if (io.env.GITHUB_ACTIONS === "true") {
    const { commands, text } = formatGithubParts(result.diagnostics);
    errCommandsOut(io).write(commands);
    io.stderr.write(text);
  } else io.stderr.write(formatText(result.diagnostics, p));
  io.stderr.write(setAsideText(result.setAside, p));
  const elapsed = Math.round(performance.now() - started);
  const summary = summarize(result, flags.dryRun, elapsed, io.cwd);
  await report(summary, result.projectsFile, flags.json, io, config.token);
  if (hasErrors(result.diagnostics)) {
    io.stderr.write(
      `${p.red("✖")} ${summaryLine(result.diagnostics)} in the curated data; every valid entry was refreshed (exit 5)\n`,
    );
    return ExitCode.partial;
  }
  return complete(summary) ? ExitCode.ok : ExitCode.incomplete;
}

/** The refresh stage itself, with progress on a terminal. */
async function fetchAndWrite(
  args: Args,
  io: Io,
  config: GitHubConfig,
  flags: RunFlags,
  signal: AbortSignal,
): Promise<RefreshResult> {
  const { batchSize, concurrency, maxTime, wait } = flags;
  const p = paint(useColor(io));
  const bar = progress(io);
  const api = config.token ? "graphql" : "rest";
  return withUserErrors(() =>
    refresh({
      dataDir: resolveData(args, io),
      cwd: io.cwd,
      config,
      only: flags.only,
      dryRun: flags.dryRun,
      fixMoved: boolOpt(args, "fix-moved"),
      // Benchmarks only: the one-pass lookup, for comparison (bench/refresh-nightly.ts).
      ...(io.env.COOLTECH_ONE_PASS === "1" && { onePass: true }),
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
    }),
  ).finally(() => bar.done());
}

/** The summary on stdout (text or --json), and in the job summary on GitHub Actions. */
async function report(
  summary: Summary,
  projectsFile: string,
  json: boolean,
  io: Io,
  token: string | undefined,
): Promise<void> {
  if (json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else io.stdout.write(summaryText(summary, paint(useColor(io, "stdout")), projectsFile));
  // appendStepSummary keeps the step under GitHub's 1 MiB summary limit.
  await appendStepSummary(io.env, redact(summaryMarkdown(summary), token)).catch(
    (error: NodeJS.ErrnoException) =>
      io.stderr.write(
        `${paint(useColor(io)).yellow("!")} could not append to GITHUB_STEP_SUMMARY (${error.code ?? error.message})\n`,
      ),
  );
}

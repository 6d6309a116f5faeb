import { appendStepSummary } from "../../actions/summary.js";
import { hasErrors } from "../../core/diagnostic.js";
import { ExitCode, UsageError, UserError } from "../../core/errors.js";
import { ConfigError, githubConfigFromEnv, redact } from "../../github/config.js";
import {
  LookupAuthError,
  LookupEndpointError,
  type LookupStats,
  MAX_CONCURRENCY,
} from "../../github/lookup.js";
import { MAX_BATCH_SIZE } from "../../github/query.js";
import { DirectoryError } from "../../load/directory.js";
import { HistoryError } from "../../refresh/history.js";
import { type RefreshResult, refresh } from "../../refresh/refresh.js";
import { UnknownEntryError } from "../../refresh/select.js";
import { complete, summarize } from "../../refresh/summary.js";
import { summaryMarkdown, summaryText } from "../../refresh/summary-format.js";
import { formatGithub, formatText, summaryLine } from "../../validate/format/index.js";
import { boolOpt, type Command, commonOptions, listOpt, stringOpt } from "../command.js";
import { type Io, paint, progress, useColor } from "../io.js";
import { resolveData } from "../paths.js";
import { setAsideText } from "../set-aside.js";
import { REFRESH_HELP } from "./refresh-help.js";
import { clockFromEnv, intOpt, testKnobs } from "./refresh-options.js";

/** Longest --max-time: a day. */
const MAX_TIME_S = 86_400;

/** Io whose every write goes through redact(): the token can never reach the output. */
function redacting(io: Io, token: string | undefined): Io {
  return {
    ...io,
    stdout: { write: (c: string) => io.stdout.write(redact(c, token)) },
    stderr: {
      write: (c: string) => io.stderr.write(redact(c, token)),
      ...(io.stderr.isTTY !== undefined && { isTTY: io.stderr.isTTY }),
    },
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
    "max-time": { type: "string" },
    "dry-run": { type: "boolean", default: false },
    "fix-moved": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
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

async function runRefresh(
  args: Parameters<Command["run"]>[0],
  io: Io,
  config: ReturnType<typeof githubConfigFromEnv>,
): Promise<number> {
  const only = listOpt(args, "only");
  if (args.positionals.length > 0 && only.length === 0) {
    throw new UsageError(
      `unexpected argument '${args.positionals[0]}'; to refresh some entries, use --only NAME ...`,
    );
  }
  only.push(...args.positionals);
  const batchSize = intOpt(stringOpt(args, "batch-size"), "--batch-size", 1, MAX_BATCH_SIZE);
  const concurrency = intOpt(stringOpt(args, "concurrency"), "--concurrency", 1, MAX_CONCURRENCY);
  const maxTime = intOpt(stringOpt(args, "max-time"), "--max-time", 1, MAX_TIME_S);
  const dryRun = boolOpt(args, "dry-run");
  const json = boolOpt(args, "json");
  const p = paint(useColor(io));
  const bar = progress(io);
  const started = performance.now();
  const api = config.token ? "graphql" : "rest";
  if (api === "rest") {
    io.stderr.write(
      `${p.yellow("!")} No GITHUB_TOKEN or GH_TOKEN: using the REST API without a token (60 requests/hour). Unchanged repositories cost nothing (ETags in .etags.json); a changed one costs 2 requests.\n`,
    );
  }
  let result: RefreshResult;
  try {
    result = await refresh({
      dataDir: resolveData(args, io),
      cwd: io.cwd,
      config,
      only,
      dryRun,
      fixMoved: boolOpt(args, "fix-moved"),
      ...(maxTime !== undefined && { maxTimeSeconds: maxTime }),
      // Benchmarks only: the one-pass lookup, for comparison (bench/refresh-nightly.ts).
      ...(io.env.COOLTECH_ONE_PASS === "1" && { onePass: true }),
      now: clockFromEnv(io.env),
      lookup: {
        ...(batchSize !== undefined && { batchSize }),
        ...(concurrency !== undefined && { concurrency }),
        ...testKnobs(io.env),
        onProgress: (done, total, stats) => bar.update(progressLine(done, total, stats, api)),
        onBudget: (stats, total) => io.stderr.write(budgetLine(stats, total)),
      },
    });
  } catch (error) {
    if (error instanceof UnknownEntryError) throw new UsageError(error.message);
    if (error instanceof DirectoryError || error instanceof HistoryError) {
      throw new UserError(error.message);
    }
    if (error instanceof LookupEndpointError) {
      // A configuration error, like a malformed URL: exit 2 (usage), nothing written.
      throw new UserError(`${error.message}. Nothing was written.`, ExitCode.usage);
    }
    if (error instanceof LookupAuthError) {
      throw new UserError(
        `${error.message}: check GITHUB_TOKEN / GH_TOKEN (expired or revoked?), or unset both to use the REST API without a token. Nothing was written.`,
      );
    }
    throw error;
  } finally {
    bar.done();
  }
  if (result.directory === null) {
    io.stdout.write(formatText(result.diagnostics, p));
    io.stderr.write(
      `${p.red("✖")} ${summaryLine(result.diagnostics)}; nothing fetched or written\n`,
    );
    return ExitCode.invalid;
  }
  // On stderr: stdout may be --json. Annotations under GitHub Actions.
  const github = io.env.GITHUB_ACTIONS === "true";
  io.stderr.write(github ? formatGithub(result.diagnostics) : formatText(result.diagnostics, p));
  io.stderr.write(setAsideText(result.setAside, p));
  const summary = summarize(result, dryRun, Math.round(performance.now() - started), io.cwd);
  if (json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else io.stdout.write(summaryText(summary, p, result.projectsFile));
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

function progressLine(done: number, total: number, s: LookupStats, api: string): string {
  const unit = api === "graphql" ? "points" : "charged";
  const left = s.remaining === null ? "" : `, ${s.remaining.toLocaleString("en-US")} left`;
  return `refresh: ${done}/${total} repositories · ${s.requests} requests · ${s.points} ${unit}${left}`;
}

function budgetLine(s: LookupStats, total: number): string {
  if (s.remaining === null) return "";
  const reset = s.resetAt ? `, resets at ${s.resetAt}` : "";
  const line = `REST budget: ${s.remaining} requests left${reset}; ${total} repositories to check.`;
  const short =
    s.remaining < total
      ? ` It may not cover them all: the oldest data is refreshed first, the rest stays stale until the next run.`
      : "";
  return `${line}${short}\n`;
}

import { resolve } from "node:path";
import { escapeSummaryText } from "../../actions/markdown.js";
import { appendStepSummary } from "../../actions/summary.js";
import { hasErrors } from "../../core/diagnostic.js";
import { plural } from "../../core/format.js";
import {
  type CheckOptions,
  githubBase,
  LINK_DEFAULTS,
  linkJson,
  linkSummary,
  runLinkCheck,
  skippedLines,
} from "../../links/index.js";
import { linkSummaryMarkdown } from "../../links/summary.js";
import { type Args, type Command, commonOptions, intOpt, stringOpt } from "../command.js";
import { ExitCode } from "../errors.js";
import { chooseFormat, writeDiagnostics } from "../format-option.js";
import { type Io, paint, progress, useColor } from "../io.js";
import { resolveData } from "../paths.js";
import { stopOnSignals } from "../stop.js";

const HELP = `Usage: cooltech check-links [--data DIR] [--concurrency N] [--per-host N]
                           [--timeout MS] [--url-deadline S] [--host-budget S]
                           [--max-time SECONDS]
                           [--format text|github|json] [--config FILE]

Checks every homepage and every repository page (GITHUB_SERVER_URL/<repo>,
default https://github.com/<repo>) of DIR/projects.yaml over the network:
HEAD first, then GET of the first byte when HEAD is refused; one retry on
network errors, 429 and 5xx; redirects followed (at most ${LINK_DEFAULTS.maxRedirects}).

  error    dead-link        404/410, unknown host, connection refused, TLS error,
                            or no answer within the timeout (twice)
  warning  moved-link       a permanent redirect (301/308): update the URL
  warning  unverified-link  403 to HEAD and GET, 429, 5xx, a redirect loop, or
                            another status: check it in a browser
  warning  unchecked-link   a homepage that is not https, a repo not owner/name
                            (\`cooltech validate\` explains), or a URL not
                            reached before a deadline (below)
  (info)   skipped          hosts listed in DIR/link-check.yaml, with the reason

Deadlines: one URL gets at most --url-deadline seconds from its first request
(attempts, waits, redirects); one host at most --host-budget seconds from its
first request (a host answering slowly or 429 to many URLs); the whole check
--max-time. SIGTERM or SIGINT stops it the same way: what was checked is
reported, the rest is unchecked. A permanent redirect from https to http is
never suggested.

Temporary redirects (302/303/307) are fine. Each problem is located at the
entry's value in projects.yaml. Meant for a weekly job, not for pull requests:
sites go down and come back.

Options:
  --data DIR         folder with projects.yaml (default: data)
  --config FILE      hosts not to check (default: DIR/link-check.yaml if present)
  --concurrency N    requests in flight overall (default: ${LINK_DEFAULTS.concurrency})
  --per-host N       requests in flight per host (default: ${LINK_DEFAULTS.perHost})
  --timeout MS       per request (default: ${LINK_DEFAULTS.timeoutMs})
  --url-deadline S   per URL, in seconds (default: ${LINK_DEFAULTS.urlDeadlineMs / 1000})
  --host-budget S    per host, in seconds (default: ${LINK_DEFAULTS.hostBudgetMs / 1000})
  --max-time SECONDS for the whole check (default: none)
  --format FORMAT    text (default), github (annotations; default when
                     GITHUB_ACTIONS=true) or json (an array of diagnostics)
  -h, --help         show this help

Progress is drawn on stderr when it is a terminal; the summary goes to stderr,
and, inside GitHub Actions, a table of every problem to GITHUB_STEP_SUMMARY.

Exit codes: 0 no dead link (warnings allowed), 1 dead links found (or
projects.yaml / the config cannot be used), 2 usage error, 4 no host
answered at all (the network is down; nothing is reported dead).

Examples:
  cooltech check-links
  cooltech check-links --concurrency 8 --per-host 1 --timeout 20000
  cooltech check-links --max-time 900
  cooltech check-links --format json | jq '.diagnostics[] | select(.rule == "dead-link")'
`;

/** The command, with test-only overrides (a dispatcher, http:// URLs, a short retry delay). */
export function checkLinksCommandWith(overrides: Omit<CheckOptions, "skip"> = {}): Command {
  return {
    name: "check-links",
    summary: "Check every homepage and repository URL; report dead links and permanent redirects",
    options: {
      ...commonOptions,
      format: { type: "string" },
      config: { type: "string" },
      concurrency: { type: "string" },
      "per-host": { type: "string" },
      timeout: { type: "string" },
      "max-time": { type: "string" },
      "url-deadline": { type: "string" },
      "host-budget": { type: "string" },
    },
    help: HELP,
    async run(args, io) {
      // SIGTERM / SIGINT: report what was checked, the rest unchecked.
      const stop = stopOnSignals(io, "reporting what was checked");
      try {
        return await checkLinksRun(args, io, stop.signal, overrides);
      } finally {
        stop.dispose(stop.signal.aborted);
      }
    },
  };
}

export const checkLinksCommand: Command = checkLinksCommandWith();

async function checkLinksRun(
  args: Args,
  io: Io,
  signal: AbortSignal,
  overrides: Omit<CheckOptions, "skip">,
): Promise<number> {
  const format = chooseFormat(stringOpt(args, "format"), io);
  const configOpt = stringOpt(args, "config");
  const bar = progress(io);
  const check: Omit<CheckOptions, "skip"> = {
    ...checkOptions(args, signal),
    onProgress: (done, total) => bar.update(`checking links ${done}/${total}`),
    ...overrides,
  };
  let outcome: Awaited<ReturnType<typeof runLinkCheck>>;
  try {
    outcome = await runLinkCheck({
      dataDir: resolveData(args, io),
      cwd: io.cwd,
      githubUrl: githubBase(io.env),
      ...(configOpt !== undefined ? { configPath: resolve(io.cwd, configOpt) } : {}),
      check,
    });
  } finally {
    bar.done();
  }
  const { diagnostics, report, offline } = outcome;
  const p = paint(useColor(io));
  const out = paint(useColor(io, "stdout"));
  const offlineText = offline
    ? `no host answered: all ${plural(offline.urls, "URL")} on ${plural(offline.hosts, "host")} failed below HTTP (e.g. ${offline.example}). Is this machine offline, or behind a proxy? No link was reported dead.`
    : "";
  // JSON is the result whatever happened: checked, offline or not checked.
  if (format === "json") io.stdout.write(linkJson(outcome, offlineText));
  if (offline) {
    io.stderr.write(`${p.red("error:")} ${offlineText}\n`);
    for (const line of skippedLines(outcome.skipped)) {
      io.stderr.write(`${p.dim("info:")} ${line}\n`);
    }
    await appendStepSummary(io.env, `## Link check\n\n${escapeSummaryText(offlineText)}\n`);
    return ExitCode.io;
  }
  if (format !== "json") writeDiagnostics(io, format, diagnostics, out);
  if (report === null) {
    io.stderr.write(
      `${p.red("✖")} links not checked: fix the problems above (\`cooltech validate\` helps)\n`,
    );
    return ExitCode.invalid;
  }
  for (const line of skippedLines(report.skipped)) io.stderr.write(`${p.dim("info:")} ${line}\n`);
  await appendStepSummary(io.env, linkSummaryMarkdown(report, diagnostics, io.env));
  const dead = hasErrors(diagnostics);
  io.stderr.write(`${dead ? p.red("✖") : p.green("✔")} ${linkSummary(report)}\n`);
  return dead ? ExitCode.invalid : ExitCode.ok;
}

/** The limits and deadlines the command line sets (seconds become ms). */
function checkOptions(args: Args, signal: AbortSignal): Omit<CheckOptions, "skip"> {
  const seconds = (name: string) => {
    const v = intOpt(args, name, 1, 86_400);
    return v === undefined ? undefined : v * 1000;
  };
  return {
    maxTimeMs: seconds("max-time"),
    urlDeadlineMs: seconds("url-deadline"),
    hostBudgetMs: seconds("host-budget"),
    signal,
    concurrency: intOpt(args, "concurrency", 1, 256),
    perHost: intOpt(args, "per-host", 1, 64),
    timeoutMs: intOpt(args, "timeout", 100, 600_000),
  };
}

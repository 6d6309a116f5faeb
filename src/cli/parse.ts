import { parseArgs } from "node:util";
import { closest } from "../core/suggest.js";
import type { Args, Command, OptionSpec } from "./command.js";
import { UsageError } from "./errors.js";

/** " (did you mean 'x'?)" when `value` looks like a typo of a candidate, else "". */
export function suggestion(value: string, candidates: Iterable<string>): string {
  const hit = closest(value, candidates);
  return hit === undefined ? "" : `; did you mean '${hit}'?`;
}

/** The options a command knows, as typed on a command line (`--format`, `-h`). */
function spellings(options: OptionSpec): string[] {
  return Object.entries(options).flatMap(([name, o]) =>
    o.short === undefined ? [`--${name}`] : [`--${name}`, `-${o.short}`],
  );
}

/**
 * Parses a command's arguments. Every mistake is one clean usage error (never
 * Node's parseArgs wording): an unknown option with the closest known one, a
 * missing value, a value given to a flag, an unexpected argument.
 */
export function parseCommandArgs(command: Command, argv: string[]): Args {
  const { tokens } = parseArgs({
    args: argv,
    options: command.options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind === "option" && !Object.hasOwn(command.options, t.name)) {
      const long = t.rawName.startsWith("--");
      throw new UsageError(
        `unknown option '${t.rawName}'${
          long
            ? suggestion(
                t.rawName,
                spellings(command.options).filter((s) => s.startsWith("--")),
              )
            : ""
        }`,
      );
    }
  }
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return { values: values as Args["values"], positionals };
  } catch (error) {
    throw new UsageError(cleanMessage(error, command));
  }
}

function cleanMessage(error: unknown, command: Command): string {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  const option = /'(--?[^' ]+)/.exec(message)?.[1] ?? "";
  switch (e.code) {
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/does not take an argument/.test(message)) return `option '${option}' takes no value`;
      return /ambiguous/.test(message)
        ? `option '${option}' needs a value (for one that starts with '-', write ${option}=-VALUE)`
        : `option '${option}' needs a value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL": {
      const arg = /Unexpected argument '([^']*)'/.exec(message)?.[1] ?? "";
      return `unexpected argument '${arg}': 'cooltech ${command.name}' takes only options`;
    }
    default:
      return message.split(". ")[0] ?? message;
  }
}

import { parseArgs } from "node:util";
import { ExitCode, UsageError, UserError } from "../core/errors.js";
import type { Args, Command } from "./command.js";
import { commands } from "./commands/index.js";
import { type Io, paint, processIo, useColor } from "./io.js";

const VERSION = "0.1.0";

export function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(
    ([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`,
  );
  return `cooltech: a curated directory of cool open-source tech

Usage: cooltech <command> [options]

Commands:
${lines.join("\n")}

Every command takes --data DIR (default: data) and --help.
Run 'cooltech <command> --help' for a command's options and examples.
`;
}

function parse(command: Command, argv: string[]): Args {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
    return { values: values as Args["values"], positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message);
  }
}

/**
 * Runs the CLI with `rawArgs` (without node and script) and returns the exit
 * code. Every error becomes a message and an exit code here, in one place.
 */
export async function runMain(rawArgs: string[], io: Io = processIo()): Promise<number> {
  const p = paint(useColor(io));
  const [name, ...rest] = rawArgs;
  let commandName = name;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.stdout.write(mainHelp());
      return name === undefined ? ExitCode.usage : ExitCode.ok;
    }
    if (name === "--version" || name === "-v") {
      io.stdout.write(`${VERSION}\n`);
      return ExitCode.ok;
    }
    const entry = commands[name];
    if (entry === undefined) {
      commandName = undefined;
      throw new UsageError(`unknown command '${name}'`);
    }
    const command = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout.write(command.help);
      return ExitCode.ok;
    }
    return await command.run(parse(command, rest), io);
  } catch (error) {
    return report(error, io, p, commandName);
  }
}

/**
 * File-system failures the user can fix (permissions, read-only or full disk,
 * quota, file size limit, a file or folder in the way), should one escape
 * without a WriteError.
 */
const IO_CODES = new Set([
  "EACCES",
  "EPERM",
  "ENOSPC",
  "EROFS",
  "EDQUOT",
  "EFBIG",
  "EISDIR",
  "ENOTDIR",
  "ENAMETOOLONG",
  "ELOOP",
]);

function report(
  error: unknown,
  io: Io,
  p: ReturnType<typeof paint>,
  commandName: string | undefined,
): number {
  if (error instanceof UsageError) {
    const help = commandName ? `cooltech ${commandName} --help` : "cooltech --help";
    io.stderr.write(`${p.red("error:")} ${error.message}\nSee '${help}'.\n`);
    return ExitCode.usage;
  }
  if (error instanceof UserError) {
    io.stderr.write(`${p.red("error:")} ${error.message}\n`);
    return error.exitCode;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (err as NodeJS.ErrnoException).code;
  if (code !== undefined && IO_CODES.has(code)) {
    io.stderr.write(
      `${p.red("error:")} ${err.message}\nCheck the path's permissions and free space.\n`,
    );
    return ExitCode.io;
  }
  io.stderr.write(
    `${p.red("internal error:")} ${err.message}\nThis is a bug in cooltech; please report it with the command you ran.\n`,
  );
  if (io.env.COOLTECH_DEBUG) io.stderr.write(`${err.stack ?? ""}\n`);
  return ExitCode.internal;
}

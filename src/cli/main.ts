import { readFileSync } from "node:fs";
import { UserError } from "../core/errors.js";
import { LockBusyError } from "../core/lock.js";
import { commands } from "./commands/index.js";
import { ExitCode, exitCodeOf, UsageError } from "./errors.js";
import { guardedIo, type Io, paint, processIo, useColor } from "./io.js";
import { parseCommandArgs, suggestion } from "./parse.js";

/** The version in package.json (dist/src/cli/ → the package root). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8"));
  return String(pkg.version);
}

export function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(
    ([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`,
  );
  return `cooltech: a curated directory of cool open-source tech

Usage: cooltech <command> [options]

Commands:
${lines.join("\n")}

Every command takes --data DIR (default: data), -h/--help and -V/--version.
Run 'cooltech help <command>' (or 'cooltech <command> --help') for a
command's options and examples.
`;
}

/** The arguments before a `--` terminator (after it, everything is a value). */
function flags(args: string[]): string[] {
  const end = args.indexOf("--");
  return end === -1 ? args : args.slice(0, end);
}

const isVersion = (a: string) => a === "--version" || a === "-V";
const isHelp = (a: string) => a === "--help" || a === "-h";

function unknownCommand(name: string): UsageError {
  return new UsageError(`unknown command '${name}'${suggestion(name, Object.keys(commands))}`);
}

/**
 * Runs the CLI with `rawArgs` (without node and script) and returns the exit
 * code. Every error becomes a message and an exit code here, in one place.
 */
export async function runMain(rawArgs: string[], rawIo: Io = processIo()): Promise<number> {
  const io = guardedIo(rawIo);
  const p = paint(useColor(io));
  const [name, ...rest] = rawArgs;
  let commandName = name;
  try {
    if (name === "help" && rest[0] !== undefined) {
      // `cooltech help validate` is `cooltech validate --help`.
      const entry = commands[rest[0]];
      if (entry === undefined) {
        commandName = undefined;
        throw unknownCommand(rest[0]);
      }
      io.stdout.write((await entry.load()).help);
      return ExitCode.ok;
    }
    if (name === undefined || isHelp(name) || name === "help") {
      io.stdout.write(mainHelp());
      return name === undefined ? ExitCode.usage : ExitCode.ok;
    }
    if (isVersion(name) || name === "-v" || flags(rawArgs).some(isVersion)) {
      io.stdout.write(`${version()}\n`);
      return ExitCode.ok;
    }
    const entry = commands[name];
    if (entry === undefined) {
      commandName = undefined;
      if (name.startsWith("-"))
        throw new UsageError(`unknown option '${name}'; give a command first`);
      throw unknownCommand(name);
    }
    const command = await entry.load();
    if (flags(rest).some(isHelp)) {
      io.stdout.write(command.help);
      return ExitCode.ok;
    }
    return await command.run(parseCommandArgs(command, rest), io);
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
    return exitCodeOf(error.kind);
  }
  if (error instanceof LockBusyError) {
    io.stderr.write(`${p.red("error:")} ${error.message}\n`);
    return ExitCode.busy;
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

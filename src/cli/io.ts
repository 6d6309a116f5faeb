import { CommandGuard } from "../actions/neutralise.js";

export { type Paint, paint } from "../core/paint.js";

/** Where a command writes, and what it may know of its surroundings. Injected so tests need no process. */
export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /**
   * stdout for the workflow commands `annotation()` makes, and nothing else:
   * the only writer whose lines may start with `::` (see guardedIo).
   */
  commands?: { write(chunk: string): unknown };
  /** The same for stderr (annotations of a command whose stdout is --json). */
  errCommands?: { write(chunk: string): unknown };
  /**
   * The real process, when the CLI runs as one (not in tests that call
   * runMain): commands that stop on SIGTERM/SIGINT listen to it.
   */
  process?: NodeJS.Process;
}

/** Where annotations go: the commands channel when there is one, else stdout. */
export function commandsOut(io: Io): { write(chunk: string): unknown } {
  return io.commands ?? io.stdout;
}

/** Where annotations written to stderr go. */
export function errCommandsOut(io: Io): { write(chunk: string): unknown } {
  return io.errCommands ?? io.stderr;
}

/**
 * The Io every command gets from runMain: whatever untrusted text (names,
 * descriptions, GitHub's messages) is written to stdout or stderr, no line can
 * act as a GitHub Actions workflow command (src/actions/neutralise.ts). Only
 * `commands` may start a line with `::`; it shares stdout's stream.
 */
export function guardedIo(io: Io): Io {
  const out = new CommandGuard();
  const err = new CommandGuard();
  const cmd = new CommandGuard(true);
  const errCmd = new CommandGuard(true);
  const raw = io.commands ?? io.stdout;
  const rawErr = io.errCommands ?? io.stderr;
  return {
    ...io,
    stdout: { write: (c: string) => io.stdout.write(out.filter(c)) },
    stderr: {
      write: (c: string) => io.stderr.write(err.filter(c)),
      ...(io.stderr.isTTY !== undefined && { isTTY: io.stderr.isTTY }),
    },
    commands: { write: (c: string) => raw.write(cmd.filter(c)) },
    errCommands: { write: (c: string) => rawErr.write(errCmd.filter(c)) },
  };
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    process,
  };
}

/**
 * Colour only when the stream written to is a terminal (so `> file` gets plain
 * text), and never when NO_COLOR is set (https://no-color.org).
 */
export function useColor(io: Io, stream: "stdout" | "stderr" = "stderr"): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return io[stream].isTTY === true;
}

/**
 * A one-line progress indicator on stderr, shown only when stderr is a
 * terminal (so logs and pipes stay clean).
 */
export interface Progress {
  update(text: string): void;
  done(): void;
}

export function progress(io: Io): Progress {
  if (io.stderr.isTTY !== true) return { update() {}, done() {} };
  let shown = false;
  let last = 0;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < 80) return; // at most ~12 redraws a second
      last = now;
      shown = true;
      io.stderr.write(`\r\u001b[2K${text}`);
    },
    done() {
      if (shown) io.stderr.write("\r\u001b[2K");
      shown = false;
    },
  };
}

import type { Io } from "./io.js";

/** Exit status of a process ended by a second signal: 128 + the signal's number. */
const FORCED: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export interface Stopper {
  /** Aborts on the first SIGTERM or SIGINT, with the reason "not fetched: stopped by SIGTERM". */
  signal: AbortSignal;
  /** Which signal stopped the run, if any. */
  readonly by: string | null;
  /**
   * Stops listening. After a stop (a signal, or `stopped`: --max-time), makes
   * sure the process ends soon (with process.exitCode, which the launcher sets
   * from the command's result) even if abandoned requests left timers behind.
   */
  dispose(stopped?: boolean): void;
}

/**
 * SIGTERM and SIGINT stop a long command gracefully: the first one aborts
 * `signal` (the command writes what it has and exits 3); a second one ends
 * the process at once. Only with the real process (io.process).
 */
export function stopOnSignals(io: Io, what: string): Stopper {
  const controller = new AbortController();
  const proc = io.process;
  let by: string | null = null;
  const handler = (name: NodeJS.Signals) => {
    if (by !== null) {
      io.stderr.write(`\n${name} again: exiting at once; nothing more is written.\n`);
      proc?.exit(FORCED[name] ?? 1);
      return;
    }
    by = name;
    io.stderr.write(`\n${name}: stopping; ${what} (${name} again to exit at once)\n`);
    controller.abort(`not fetched: stopped by ${name}`);
  };
  proc?.on("SIGTERM", handler);
  proc?.on("SIGINT", handler);
  return {
    signal: controller.signal,
    get by() {
      return by;
    },
    dispose(stopped = false) {
      proc?.off("SIGTERM", handler);
      proc?.off("SIGINT", handler);
      // Requests abandoned by the stop may hold timers (retry waits): do not wait for them.
      if ((by !== null || stopped) && proc) setTimeout(() => proc.exit(), 1000).unref();
    },
  };
}

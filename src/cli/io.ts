export { type Paint, paint } from "../core/paint.js";

/** Where a command writes, and what it may know of its surroundings. Injected so tests need no process. */
export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
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

/**
 * One writer at a time per data folder: `refresh` (and `build`) hold
 * LOCK_FILE, created with O_EXCL and holding the owner's pid, host name,
 * start time and command. A lock whose process is dead (same host, pid gone)
 * is stale and taken over; so is an empty or unreadable one older than a
 * few seconds (its writer died between creating and filling it).
 */
import { link, open, readFile, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { writeTemp } from "./write.js";

export const LOCK_FILE = ".cooltech.lock";

export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
}

/** Another live process holds the folder's lock. */
export class LockBusyError extends Error {
  override name = "LockBusyError";
  constructor(
    message: string,
    readonly path: string,
    readonly holder: LockInfo | null,
  ) {
    super(message);
  }
}

export interface LockOptions {
  /** What the lock file says is running (e.g. "refresh"). */
  command: string;
  /** How long to wait for a busy lock, in ms (default 0: fail at once). */
  waitMs?: number;
  /** Stops the wait. */
  signal?: AbortSignal;
  /** Called once when the lock is busy and the wait starts. */
  onWait?: (holder: LockInfo | null) => void;
  /** The clock of the stale check for unreadable locks (tests). */
  now?: () => number;
}

export interface Lock {
  path: string;
  release(): Promise<void>;
}

/** Lock files without readable content this old are a dead writer's (ms). */
const UNREADABLE_STALE_MS = 5_000;
const POLL_MS = 200;
const UNLOCKABLE = new Set(["ENOENT", "ENOTDIR", "EROFS", "EACCES", "EPERM"]);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseHolder(text: string | undefined): LockInfo | null {
  try {
    const info = JSON.parse(text ?? "") as LockInfo;
    return Number.isSafeInteger(info.pid) && typeof info.hostname === "string" ? info : null;
  } catch {
    return null;
  }
}

/** Whether the lock at `path` belongs to no live process. */
async function isStale(path: string, holder: LockInfo | null, now: number): Promise<boolean> {
  if (holder === null) {
    const s = await stat(path).catch(() => null);
    return s === null || now - s.mtimeMs > UNREADABLE_STALE_MS;
  }
  return holder.hostname === hostname() && holder.pid !== process.pid && !alive(holder.pid);
}

export function describeHolder(h: LockInfo | null): string {
  return h === null
    ? "another process"
    : `\`cooltech ${h.command}\` (pid ${h.pid} on ${h.hostname}, since ${h.startedAt})`;
}

/** Takes the lock of `dir`, waiting up to `waitMs`; throws LockBusyError when it stays busy. */
export async function acquireLock(dir: string, options: LockOptions): Promise<Lock> {
  const path = join(dir, LOCK_FILE);
  const now = options.now ?? Date.now;
  const until = now() + (options.waitMs ?? 0);
  const mine: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    command: options.command,
  };
  const text = `${JSON.stringify(mine)}\n`;
  let waiting = false;
  for (;;) {
    try {
      await createLock(path, text);
      return { path, release: () => releaseLock(path, text) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No folder, or one nobody can write in: nothing can be written there, so nothing to
      // guard; the caller reports the missing file or the failed write as it would have.
      if (code !== undefined && UNLOCKABLE.has(code)) return { path, release: async () => {} };
      if (code !== "EEXIST") throw error;
    }
    const seen = await readFile(path, "utf8").catch(() => undefined);
    const holder = parseHolder(seen);
    if (await isStale(path, holder, now())) {
      // Only the stale lock just read: a process that took it over meanwhile keeps its own.
      const again = await readFile(path, "utf8").catch(() => undefined);
      if (again === seen) await rm(path, { force: true });
      continue;
    }
    if (now() >= until || options.signal?.aborted) {
      throw new LockBusyError(
        `${dir} is in use by ${describeHolder(holder)}. Wait for it to finish (or use --wait SECONDS); if no such process runs, remove ${path}.`,
        path,
        holder,
      );
    }
    if (!waiting) options.onWait?.(holder);
    waiting = true;
    await sleep(Math.min(POLL_MS, Math.max(1, until - now())));
  }
}

/**
 * Creates the lock file with its content in one step: the content goes to a
 * temporary file, which is then hard-linked as the lock (link fails with
 * EEXIST when the lock exists), so a process killed at any moment never leaves
 * an empty lock. Where hard links are not supported, O_EXCL then write.
 */
async function createLock(path: string, text: string): Promise<void> {
  const tmp = await writeTemp(path, text);
  try {
    await link(tmp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    const handle = await open(path, "wx", 0o644);
    try {
      await handle.writeFile(text, "utf8");
    } finally {
      await handle.close();
    }
  } finally {
    await rm(tmp, { force: true });
  }
}

/** Removes the lock if it is still ours (a stale-lock takeover may have replaced it). */
async function releaseLock(path: string, text: string): Promise<void> {
  const current = await readFile(path, "utf8").catch(() => undefined);
  if (current === text) await rm(path, { force: true });
}

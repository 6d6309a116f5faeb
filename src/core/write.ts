import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** The temporary file names writeTemp makes: `.NAME.PID.HEX.tmp` beside the target. */
export const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Writes `content` to a new temporary file beside `path` and flushes it to
 * disk; returns the temporary file's path (the caller renames it over `path`).
 */
export async function writeTemp(path: string, content: string): Promise<string> {
  const tmp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const handle = await open(tmp, "w", 0o644);
  try {
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  return tmp;
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same
 * folder, is flushed to disk, then renamed over the target. A crash at any
 * point leaves either the old file or the new one, never a half-written one
 * (a leftover temporary file at worst: see cleanTemps in commit.ts).
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tmp = await writeTemp(path, content);
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Flushes a folder's entries (renames) to disk; a no-op where folders cannot be opened. */
export async function syncDir(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // Windows cannot open a folder; EISDIR/EPERM there: renames are durable enough.
  } finally {
    await handle?.close();
  }
}

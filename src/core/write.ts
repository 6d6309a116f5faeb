import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { UserError } from "./errors.js";

/** The file-system calls the writers use; tests pass failing ones (e.g. a full disk). */
export interface WriteFs {
  open: typeof open;
  rename: typeof rename;
  rm: typeof rm;
  mkdir: typeof mkdir;
  stat: typeof stat;
}

const realFs: WriteFs = { open, rename, rm, mkdir, stat };

/** What a failed write means, in the user's words, by error code. */
const CAUSES: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "the file system is read-only",
  EFBIG: "file too large (a file size limit is set)",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder",
  ENOENT: "a folder on the way does not exist or cannot hold new files",
  ENAMETOOLONG: "the path is too long",
  ELOOP: "too many symbolic links in the path",
  EEXIST: "a file is in the way",
};

/** A file or folder that could not be written: exit 4 with the path and the cause. */
export class WriteError extends UserError {
  override name = "WriteError";
  readonly path: string;
  readonly code: string | undefined;
  constructor(path: string, cause: unknown, what = "write") {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const why =
      code !== undefined && CAUSES[code] !== undefined
        ? `${CAUSES[code]} (${code})`
        : cause instanceof Error
          ? cause.message
          : String(cause);
    super(
      `cannot ${what} ${path}: ${why}; check the path, its permissions and the free space`,
      "io",
      { cause },
    );
    this.path = path;
    this.code = code;
  }
}

/**
 * Creates a folder and its missing parents. Unlike `mkdir(…, {recursive})`,
 * which loops for minutes under /proc, it stops at the first failure; a
 * failure is a WriteError naming `dir`.
 */
export async function makeDirectory(dir: string, fs: WriteFs = realFs): Promise<void> {
  const missing: string[] = [];
  let current = resolve(dir);
  try {
    for (;;) {
      const found = await fs.stat(current).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return undefined;
        throw error;
      });
      if (found?.isDirectory()) break;
      if (found !== undefined) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
      const parent = dirname(current);
      if (parent === current) break;
      missing.unshift(current);
      current = parent;
    }
    for (const d of missing) {
      await fs.mkdir(d).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw error;
      });
    }
  } catch (error) {
    throw new WriteError(dir, error, "create the folder");
  }
}

/** The temporary file names writeTemp makes: `.NAME.PID.HEX.tmp` beside the target. */
export const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Writes `content` to a new temporary file beside `path` and flushes it to
 * disk; returns the temporary file's path (the caller renames it over `path`).
 * A failure is a WriteError naming `path` (exit 4).
 */
export async function writeTemp(
  path: string,
  content: string,
  fs: WriteFs = realFs,
): Promise<string> {
  const tmp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const handle = await fs.open(tmp, "w", 0o644).catch((error) => {
    throw new WriteError(path, error);
  });
  try {
    // writeFile continues at the current position and retries short writes.
    for (const piece of pieces(content)) await handle.writeFile(piece, "utf8");
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new WriteError(path, error);
  }
  try {
    await handle.close();
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new WriteError(path, error);
  }
  return tmp;
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same
 * folder, is flushed to disk, then renamed over the target. A crash at any
 * point leaves either the old file or the new one, never a half-written one
 * (a leftover temporary file at worst: see cleanTemps in commit.ts).
 * A failure is a WriteError naming `path` (exit 4).
 */
export async function writeFileAtomic(
  path: string,
  content: string,
  fs: WriteFs = realFs,
): Promise<void> {
  const tmp = await writeTemp(path, content, fs);
  try {
    await fs.rename(tmp, path);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new WriteError(path, error);
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
/** Characters per piece when a big text is encoded, hashed or written: 1 Mi. */
const PIECE = 1 << 20;

/**
 * The text in pieces of about PIECE characters, never splitting a surrogate
 * pair, so a text of hundreds of MB is never copied whole into one buffer.
 */
export function* pieces(text: string): Generator<string> {
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + PIECE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(i, end);
    i = end;
  }
}

/**
 * Whether the file at `path` holds exactly `content` (UTF-8), compared by size
 * and SHA-256 while streaming the file: the old text is never held whole.
 */
export async function sameContent(path: string, content: string): Promise<boolean> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return false;
  }
  if (size !== Buffer.byteLength(content, "utf8")) return false;
  const want = createHash("sha256");
  for (const piece of pieces(content)) want.update(piece, "utf8");
  const got = createHash("sha256");
  for await (const chunk of createReadStream(path)) got.update(chunk as Buffer);
  return want.digest().equals(got.digest());
}

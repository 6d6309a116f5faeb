import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes a file atomically: the content goes to a temporary file in the same
 * folder, is flushed to disk, then renamed over the target. A crash at any
 * point leaves either the old file or the new one, never a half-written one.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tmp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const handle = await open(tmp, "w", 0o644);
  try {
    // writeFile continues at the current position and retries short writes.
    for (const piece of pieces(content)) await handle.writeFile(piece, "utf8");
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
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

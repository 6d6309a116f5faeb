/**
 * The content of a file being written: one string, or a function that makes
 * the strings it is made of, in order, as they are written. A file of
 * hundreds of MB (directory.json of 100,000 projects) is then never one
 * string: such a string is held twice while V8 flattens it, and at two bytes
 * a character if one character anywhere needs it.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";

export type Text = string | (() => Iterable<string>);

/** Characters per piece when a big text is encoded, hashed or written: 1 Mi. */
const PIECE = 1 << 20;
/** Parts of a made text shorter than this are joined before they are written: 64 Ki. */
const SMALL_PART = 1 << 16;

/**
 * The text in pieces of about PIECE characters, never splitting a surrogate
 * pair, so a text of hundreds of MB is never copied whole into one buffer.
 * A made text's parts (which must not split a surrogate pair either) go as
 * they are, small ones gathered so that it is still written in few calls.
 */
export function* pieces(content: Text): Generator<string> {
  if (typeof content === "string") {
    yield* stringPieces(content);
    return;
  }
  let batch: string[] = [];
  let size = 0;
  for (const part of content()) {
    const big = part.length >= SMALL_PART;
    if (!big) {
      batch.push(part);
      size += part.length;
    }
    if (size > 0 && (big || size >= SMALL_PART)) {
      yield batch.join("");
      batch = [];
      size = 0;
    }
    if (big) yield* stringPieces(part);
  }
  if (size > 0) yield batch.join("");
}

function* stringPieces(text: string): Generator<string> {
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
export async function sameContent(path: string, content: Text): Promise<boolean> {
  if (typeof content === "string") {
    // The sizes first: a changed file is usually told without hashing.
    const size = await stat(path).then(
      (s) => s.size,
      () => -1,
    );
    if (size !== Buffer.byteLength(content, "utf8")) return false;
  }
  const want = createHash("sha256");
  let size = 0;
  for (const piece of pieces(content)) {
    want.update(piece, "utf8");
    size += Buffer.byteLength(piece, "utf8");
  }
  return fileMatches(path, size, want.digest());
}

/** Whether the file at `path` has `size` bytes whose SHA-256 is `digest` (false when missing). */
export async function fileMatches(path: string, size: number, digest: Buffer): Promise<boolean> {
  try {
    if ((await stat(path)).size !== size) return false;
  } catch {
    return false;
  }
  const got = createHash("sha256");
  for await (const chunk of createReadStream(path)) got.update(chunk as Buffer);
  return got.digest().equals(digest);
}

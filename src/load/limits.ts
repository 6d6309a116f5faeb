/**
 * Size limits on the curated YAML, so that any input gets an answer in
 * seconds within a few hundred MB (documented in the README, measured by
 * `npm run bench:hostile`).
 *
 * - A file larger than MAX_FILE_BYTES is not read at all.
 * - The full YAML parser (`yaml`, which builds a syntax tree) costs about
 *   1-1.5 KB and 20-50 µs per token, whatever the tokens are: a 3 MB flow list
 *   `[a,a,…]` took 2.5 GB. It only runs on a file with at most MAX_YAML_TOKENS
 *   tokens (about 10,000 catalog entries in any layout). A larger file must be
 *   in the layout `cooltech fmt` writes, which is read without a syntax tree.
 */
import { open } from "node:fs/promises";

/** 20 MB: a canonical catalog of about 65,000 entries. */
export const MAX_FILE_BYTES = 20_000_000;

/** Tokens the full YAML parser may see in one file (a catalog entry has about 20). */
export const MAX_YAML_TOKENS = 250_000;

export type CappedRead = { text: string } | { tooLarge: number };

/**
 * Reads a UTF-8 file, but never more than `max` bytes: a larger file (or an
 * endless one such as /dev/zero) gives its size (at least `max + 1`) instead.
 */
export async function readCapped(path: string, max: number = MAX_FILE_BYTES): Promise<CappedRead> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size > max) return { tooLarge: size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) return { tooLarge: total };
    }
    return { text: Buffer.concat(chunks, total).toString("utf8") };
  } finally {
    await handle.close();
  }
}

/**
 * A token: a line break, flow punctuation or an indicator; `-` and `:` only
 * before white space or at the end. One regular expression (the engine skips
 * plain text far faster than a loop over the characters).
 */
const TOKEN = /[\n,[\]{}?&*!|>"'#%@`]|[-:](?![^ \n\r\t])/g;

/**
 * An upper estimate of the tokens the YAML parser will make of `text`: line
 * breaks, flow punctuation, indicators. Returns the offset where the count
 * passes `limit`, or -1 when it stays within it. Linear.
 */
export function tokenLimitOffset(text: string, limit: number = MAX_YAML_TOKENS): number {
  let count = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    if (++count > limit) return m.index;
  }
  return -1;
}

/** 1-based line and column of an offset, without a syntax tree. */
export function linePosition(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export function fileTooLargeMessage(size: number): string {
  return `the file is ${mb(size)}, over cooltech's limit of ${mb(MAX_FILE_BYTES)} for a curated file; split the data or remove what does not belong in it`;
}

export function tooManyTokensMessage(): string {
  return `too much YAML structure: past this point the file holds more than ${MAX_YAML_TOKENS.toLocaleString("en-US")} YAML tokens (commas, brackets, keys, lines), the most cooltech reads in a file that is not in the layout \`cooltech fmt\` writes; a catalog entry has about 20, so look for a runaway list or repeated punctuation here`;
}

export function tooLargeToEditMessage(): string {
  return `the file holds more than ${MAX_YAML_TOKENS.toLocaleString("en-US")} YAML tokens by this point, too many to rewrite it keeping its comments (\`fmt\`, \`add\`, \`refresh --fix-moved\`); \`validate\` and \`build\` still read it: edit it by hand, or split the catalog`;
}

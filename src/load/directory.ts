import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { plain } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import type { Directory } from "../core/model.js";
import { validateAgainst } from "../core/schema.js";
import { readDirectoryParts } from "./directory-parts.js";
import { displayPath } from "./yaml-source.js";

/** directory.json cannot be used: the message says where and how to fix it (exit 1). */
export class DirectoryError extends UserError {
  override name = "DirectoryError";
}

/** The directory a generator (site, markdown) reads: it must exist. */
export async function requireDirectory(dataDir: string, cwd?: string): Promise<Directory> {
  const path = join(dataDir, "directory.json");
  const directory = await readDirectory(path, cwd);
  if (directory === null) {
    throw new DirectoryError(
      `${displayPath(path, cwd)} does not exist; run \`cooltech build\` first`,
    );
  }
  return directory;
}

/**
 * Reads the existing directory (the last-known GitHub data). Missing is fine
 * (first build); unreadable or invalid is an error, because building on top
 * of it would silently lose that data.
 */
export async function readDirectory(path: string, cwd?: string): Promise<Directory | null> {
  const file = displayPath(path, cwd);
  // In the layout cooltech writes, project by project (never the whole text at once);
  // anything else (and any error, to be located) is read whole below.
  let value: unknown = await readDirectoryParts(path).catch(() => undefined);
  if (value === undefined) {
    const read = await readWhole(path, file);
    if (read === null) return null;
    value = read.value;
  }
  const errors = validateAgainst("directory", value);
  if (errors.length > 0) {
    const first = errors[0];
    throw new DirectoryError(
      `${file}:1:1 does not match schemas/directory.schema.json (${plain(`${first?.instancePath || "/"} ${first?.message ?? ""}`, 120)}); restore it with \`git checkout -- ${file}\`, or delete it to start without last-known GitHub data`,
    );
  }
  const directory = value as Directory;
  // Written before projects could be in several categories: `categories` is `[category]`.
  for (const p of directory.projects) p.categories ??= [p.category];
  return directory;
}

/** The file read and parsed whole; null when it does not exist. */
async function readWhole(path: string, file: string): Promise<{ value: unknown } | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new DirectoryError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const { line, column } = jsonPosition(text, message);
    throw new DirectoryError(
      `${file}:${line}:${column} is not valid JSON (${plain(message, 120)}); restore it with \`git checkout -- ${file}\`, or delete it to start without last-known GitHub data`,
    );
  }
}

/** Line and column of a JSON.parse error ("… in JSON at position N"), else the end or the start. */
function jsonPosition(text: string, message: string): { line: number; column: number } {
  const m = /at position (\d+)/.exec(message);
  const offset = m ? Number(m[1]) : /end of JSON input/.test(message) ? text.length : 0;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

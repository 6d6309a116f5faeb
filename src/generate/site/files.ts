/**
 * Reading directory.json and writing generated files, shared by the `site`
 * and `markdown` commands.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UserError } from "../../cli/errors.js";
import type { Directory } from "../../model.js";

/**
 * Reads `DIR/directory.json`. A missing or malformed file is the user's to fix
 * (by building it), so it is a UserError rather than a crash. The full check
 * of the format belongs to the validator; this only guards the shape the
 * generators walk.
 */
export async function readDirectory(dataDir: string): Promise<Directory> {
  const file = join(dataDir, "directory.json");
  const hint = "Run `cooltech build` first to generate it.";
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new UserError(`${file} does not exist. ${hint}`);
    if (code === "EISDIR") throw new UserError(`${file} is a folder, not a file. ${hint}`);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${file} is not valid JSON (${reason}). ${hint}`);
  }
  const d = parsed as Partial<Directory> | null;
  if (
    typeof d !== "object" ||
    d === null ||
    !Array.isArray(d.projects) ||
    !Array.isArray(d.categories)
  ) {
    throw new UserError(`${file} is not a cooltech directory (no projects/categories). ${hint}`);
  }
  return parsed as Directory;
}

/**
 * Writes through a temporary file in the same folder and a rename, so readers
 * (and a web server) never see a half-written file.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.cooltech-tmp-${basename(file)}-${randomBytes(6).toString("hex")}`);
  try {
    await writeFile(temp, content, "utf8");
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

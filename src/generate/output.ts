import { mkdir, readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Directory } from "../core/model.js";
import { validateAgainst } from "../core/schema.js";
import { sameContent, writeFileAtomic } from "../core/write.js";
import { DIRECTORY_FILE } from "../load/catalog.js";
import { serializeDirectory } from "./directory.js";
import { PARTS_DIR, renderMarkdownFiles } from "./markdown-split.js";

/** The Markdown list committed next to the JSON, so the directory reads well on GitHub itself. */
export const MARKDOWN_FILE = "DIRECTORY.md";

/** Files a build writes into the data folder. */
export interface Written {
  path: string;
  changed: boolean;
  /** The file was removed (a per-category Markdown file no longer needed). */
  removed?: true;
}

/**
 * Checks the directory against its schema, then writes it and its Markdown
 * list atomically. An
 * unchanged file is left untouched, so a run that changed nothing changes nothing.
 */
export async function writeDirectory(dataDir: string, directory: Directory): Promise<Written[]> {
  const errors = validateAgainst("directory", directory);
  if (errors.length > 0) {
    const detail = errors
      .slice(0, 5)
      .map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`)
      .join("; ");
    throw new Error(
      `the generated directory does not match schemas/directory.schema.json: ${detail}`,
    );
  }
  return [
    await writeIfChanged(join(dataDir, DIRECTORY_FILE), serializeDirectory(directory)),
    ...(await writeMarkdown(join(dataDir, MARKDOWN_FILE), directory)),
  ];
}

/**
 * Writes the Markdown list at `path` (markdown-split.ts: one file, or an index
 * and per-category files in `directory/` next to it), and removes per-category
 * files left from an earlier run that are no longer part of it.
 */
export async function writeMarkdown(path: string, directory: Directory): Promise<Written[]> {
  const folder = dirname(path);
  const files = renderMarkdownFiles(directory, basename(path));
  const written: Written[] = [];
  if (files.length > 1) await mkdir(join(folder, PARTS_DIR), { recursive: true });
  for (const f of files) written.push(await writeIfChanged(join(folder, f.path), f.text));
  const keep = new Set(files.map((f) => join(folder, f.path)));
  const parts = join(folder, PARTS_DIR);
  const old = await readdir(parts).catch(() => [] as string[]);
  for (const name of old) {
    const file = join(parts, name);
    if (!name.endsWith(".md") || keep.has(file)) continue;
    await rm(file, { force: true });
    written.push({ path: file, changed: true, removed: true });
  }
  if (old.length > 0 && (await readdir(parts).catch(() => [])).length === 0) {
    await rm(parts, { recursive: true, force: true });
  }
  return written;
}

export async function writeIfChanged(path: string, content: string): Promise<Written> {
  if (await sameContent(path, content)) return { path, changed: false };
  await writeFileAtomic(path, content);
  return { path, changed: true };
}

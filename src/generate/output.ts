import { readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { type Branding, DEFAULT_BRANDING } from "../core/branding.js";
import { commitFiles, type FileWrite, type Written } from "../core/commit.js";
import type { Directory } from "../core/model.js";
import { validateAgainst } from "../core/schema.js";
import { makeDirectory, sameContent, type Text, writeFileAtomic } from "../core/write.js";
import { DIRECTORY_FILE } from "../load/catalog.js";
import {
  appendChanges,
  CHANGES_FILE,
  type ChangeBase,
  type ChangeEvent,
  diffDirectories,
  readChanges,
  serializeChanges,
} from "./changes.js";
import { serializeDirectoryParts } from "./directory.js";
import { EDITOR_SCHEMA_FILE, serializeEditorSchema } from "./editor-schema.js";
import { PARTS_DIR, renderMarkdownFiles } from "./markdown-split.js";

/** The Markdown list committed next to the JSON, so the directory reads well on GitHub itself. */
export const MARKDOWN_FILE = "DIRECTORY.md";

export type { FileWrite, Written } from "../core/commit.js";

/**
 * The files of one generation of the directory: `files` are committed
 * together (src/core/commit.ts); `parts` are DIRECTORY.md's per-category
 * files (markdown-split.ts; none while it fits in one), in its directory/
 * folder, written before the generation and kept by it.
 */
export interface DirectoryGeneration {
  files: FileWrite[];
  parts: FileWrite[];
  /** The folder of the parts: files in it that are not parts are removed after the commit. */
  partsDir: string;
}

/**
 * Checks the directory against its schema, then writes it, its Markdown list
 * and the editor schema of projects.yaml (with the category ids) as one
 * generation. An unchanged file is left untouched, so a run that changed
 * nothing changes nothing.
 */
export async function writeDirectory(
  dataDir: string,
  directory: Directory,
  branding: Pick<Branding, "title" | "tagline"> = DEFAULT_BRANDING,
): Promise<Written[]> {
  return commitGeneration(dataDir, directoryFiles(dataDir, directory, branding));
}

/**
 * directory.json, DIRECTORY.md (and its parts) and the editor schema, checked against the
 * schema first (`checked`: the caller has just validated this very object, unchanged since).
 */
export function directoryFiles(
  dataDir: string,
  directory: Directory,
  branding: Pick<Branding, "title" | "tagline"> = DEFAULT_BRANDING,
  checked = false,
): DirectoryGeneration {
  const errors = checked ? [] : validateAgainst("directory", directory);
  if (errors.length > 0) {
    const detail = errors
      .slice(0, 5)
      .map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`)
      .join("; ");
    throw new Error(
      `the generated directory does not match schemas/directory.schema.json: ${detail}`,
    );
  }
  const [index, ...parts] = markdownFiles(join(dataDir, MARKDOWN_FILE), directory, branding);
  return {
    files: [
      { path: join(dataDir, DIRECTORY_FILE), content: () => serializeDirectoryParts(directory) },
      index as FileWrite,
      {
        path: join(dataDir, EDITOR_SCHEMA_FILE),
        content: serializeEditorSchema(directory.categories),
      },
    ],
    parts,
    partsDir: join(dataDir, PARTS_DIR),
  };
}

/** The Markdown list for `path`: the file itself, then its per-category parts (if split). */
function markdownFiles(
  path: string,
  directory: Directory,
  branding: Pick<Branding, "title" | "tagline">,
): FileWrite[] {
  const folder = dirname(path);
  return renderMarkdownFiles(directory, basename(path), undefined, branding).map((f) => ({
    path: join(folder, f.path),
    content: f.text,
  }));
}

/**
 * Writes a generation: the parts first (each atomically), then the files as
 * one commit, then removes parts of an earlier split that the new index no
 * longer links (a crash before that leaves only unlinked files, removed next run).
 */
export async function commitGeneration(
  dataDir: string,
  g: DirectoryGeneration,
  extra: readonly FileWrite[] = [],
): Promise<Written[]> {
  const written: Written[] = [];
  if (g.parts.length > 0) await makeDirectory(g.partsDir);
  for (const p of g.parts) written.push(await writeIfChanged(p.path, p.content));
  written.push(...(await commitFiles(dataDir, [...g.files, ...extra])));
  written.push(...(await removeStaleParts(g.partsDir, g.parts)));
  return written;
}

/** Removes the .md files of `partsDir` that are not in `keep` (and the folder once empty). */
async function removeStaleParts(partsDir: string, keep: readonly FileWrite[]): Promise<Written[]> {
  const names = await readdir(partsDir).catch(() => [] as string[]);
  const kept = new Set(keep.map((f) => f.path));
  const removed: Written[] = [];
  for (const name of names) {
    const file = join(partsDir, name);
    if (!name.endsWith(".md") || kept.has(file)) continue;
    await rm(file, { force: true });
    removed.push({ path: file, changed: true, removed: true });
  }
  if (names.length > 0 && (await readdir(partsDir).catch(() => ["?"])).length === 0) {
    await rm(partsDir, { recursive: true, force: true });
  }
  return removed;
}

/**
 * `cooltech markdown --out FILE`: the Markdown list at `path` (one file, or an
 * index and per-category files in directory/ next to it), parts of an earlier
 * split removed.
 */
export async function writeMarkdown(
  path: string,
  directory: Directory,
  branding: Pick<Branding, "title" | "tagline"> = DEFAULT_BRANDING,
): Promise<Written[]> {
  const [index, ...parts] = markdownFiles(path, directory, branding);
  const partsDir = join(dirname(path), PARTS_DIR);
  if (parts.length > 0) await makeDirectory(partsDir);
  const written: Written[] = [];
  for (const p of parts) written.push(await writeIfChanged(p.path, p.content));
  const i = index as FileWrite;
  written.push(await writeIfChanged(i.path, i.content));
  written.push(...(await removeStaleParts(partsDir, parts)));
  return written;
}

export async function writeIfChanged(path: string, content: Text): Promise<Written> {
  if (await sameContent(path, content)) return { path, changed: false };
  await writeFileAtomic(path, content);
  return { path, changed: true };
}

/** What the directory is compared with to append to the change feed (changes.ts). */
export interface ChangeContext {
  /** The directory as it was before this run (changes.ts changeBase); null on the first build (no events then). */
  previous: ChangeBase | null;
  /** The run's time (refresh: its refreshedAt; build: now, or COOLTECH_NOW). */
  at: string;
  cwd?: string | undefined;
}

/**
 * changes.json with what changed since `previous` appended, to commit in the
 * same generation as the directory (so a failed write records nothing); no
 * file when there is nothing new, so a run that changed nothing adds nothing.
 */
export async function changesFile(
  dataDir: string,
  directory: Directory,
  { previous, at, cwd }: ChangeContext,
): Promise<{ files: FileWrite[]; events: ChangeEvent[] }> {
  if (previous === null) return { files: [], events: [] };
  const events = diffDirectories(previous, directory, at);
  if (events.length === 0) return { files: [], events: [] };
  const feed = appendChanges(await readChanges(dataDir, cwd), events);
  if (feed.added.length === 0) return { files: [], events: [] };
  const path = join(dataDir, CHANGES_FILE);
  return { files: [{ path, content: serializeChanges(feed.events) }], events: feed.added };
}

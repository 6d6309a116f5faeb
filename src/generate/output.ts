import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Branding, DEFAULT_BRANDING } from "../core/branding.js";
import { commitFiles, type FileWrite, type Written } from "../core/commit.js";
import type { Directory } from "../core/model.js";
import { validateAgainst } from "../core/schema.js";
import { writeFileAtomic } from "../core/write.js";
import { DIRECTORY_FILE } from "../load/catalog.js";
import {
  appendChanges,
  CHANGES_FILE,
  type ChangeEvent,
  diffDirectories,
  readChanges,
  serializeChanges,
} from "./changes.js";
import { serializeDirectory } from "./directory.js";
import { EDITOR_SCHEMA_FILE, serializeEditorSchema } from "./editor-schema.js";
import { renderMarkdown } from "./markdown.js";

/** The Markdown list committed next to the JSON, so the directory reads well on GitHub itself. */
export const MARKDOWN_FILE = "DIRECTORY.md";

export type { FileWrite, Written } from "../core/commit.js";

/**
 * Checks the directory against its schema, then writes it, its Markdown list
 * and the editor schema of projects.yaml (with the category ids) as one
 * generation (src/core/commit.ts). An unchanged file is left untouched, so a
 * run that changed nothing changes nothing.
 */
export async function writeDirectory(
  dataDir: string,
  directory: Directory,
  branding: Pick<Branding, "title" | "tagline"> = DEFAULT_BRANDING,
): Promise<Written[]> {
  return commitFiles(dataDir, directoryFiles(dataDir, directory, branding));
}

/** directory.json and DIRECTORY.md for `directory`, checked against the schema first. */
export function directoryFiles(
  dataDir: string,
  directory: Directory,
  branding: Pick<Branding, "title" | "tagline"> = DEFAULT_BRANDING,
): FileWrite[] {
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
    { path: join(dataDir, DIRECTORY_FILE), content: serializeDirectory(directory) },
    { path: join(dataDir, MARKDOWN_FILE), content: renderMarkdown(directory, branding) },
    {
      path: join(dataDir, EDITOR_SCHEMA_FILE),
      content: serializeEditorSchema(directory.categories),
    },
  ];
}

export async function writeIfChanged(path: string, content: string): Promise<Written> {
  const before = await readFile(path, "utf8").catch(() => undefined);
  if (before === content) return { path, changed: false };
  await writeFileAtomic(path, content);
  return { path, changed: true };
}

/** What the directory is compared with to append to the change feed (changes.ts). */
export interface ChangeContext {
  /** The directory as it was before this run; null on the first build (no events then). */
  previous: Directory | null;
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

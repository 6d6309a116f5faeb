import { readFile } from "node:fs/promises";
import { join } from "node:path";
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

/** Files a build writes into the data folder. */
export interface Written {
  path: string;
  changed: boolean;
  /** changes.json only: the events this run appended. */
  events?: ChangeEvent[];
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
 * Checks the directory against its schema, then writes it, its Markdown list
 * and the editor schema of projects.yaml (with the category ids) atomically. An
 * unchanged file is left untouched, so a run that changed nothing changes nothing.
 * Given the previous directory, appends what changed to changes.json first.
 */
export async function writeDirectory(
  dataDir: string,
  directory: Directory,
  changes?: ChangeContext,
): Promise<Written[]> {
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
  const feed = changes ? await recordChanges(dataDir, directory, changes) : [];
  return [
    ...feed,
    await writeIfChanged(join(dataDir, DIRECTORY_FILE), serializeDirectory(directory)),
    await writeIfChanged(join(dataDir, MARKDOWN_FILE), renderMarkdown(directory)),
    await writeIfChanged(
      join(dataDir, EDITOR_SCHEMA_FILE),
      serializeEditorSchema(directory.categories),
    ),
  ];
}

export async function writeIfChanged(path: string, content: string): Promise<Written> {
  const before = await readFile(path, "utf8").catch(() => undefined);
  if (before === content) return { path, changed: false };
  await writeFileAtomic(path, content);
  return { path, changed: true };
}

/** Appends the run's events to changes.json; writes nothing when there are none. */
async function recordChanges(
  dataDir: string,
  directory: Directory,
  { previous, at, cwd }: ChangeContext,
): Promise<Written[]> {
  if (previous === null) return [];
  const events = diffDirectories(previous, directory, at);
  if (events.length === 0) return [];
  const feed = appendChanges(await readChanges(dataDir, cwd), events);
  if (feed.added.length === 0) return [];
  const w = await writeIfChanged(join(dataDir, CHANGES_FILE), serializeChanges(feed.events));
  return [{ ...w, events: feed.added }];
}

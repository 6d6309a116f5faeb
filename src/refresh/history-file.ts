import { readFile } from "node:fs/promises";
import { type GithubBlock, isFetched } from "../core/model.js";
import type { Known } from "../generate/directory.js";
import { displayPath } from "../load/yaml-source.js";
import { type History, parseHistory, recordStars, renameSeries } from "./history.js";
import type { RepoProject } from "./select.js";
import type { EntryReport } from "./types.js";

/** Reads the star history; a missing file is an empty history (first run). */
export async function loadHistory(path: string, cwd?: string): Promise<History> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  return parseHistory(text, displayPath(path, cwd));
}

/**
 * Adds today's star count of every entry fetched now. A renamed repository's
 * points move to its new name first, so its trend carries on.
 */
export function updateHistory(
  history: History,
  selected: readonly RepoProject[],
  merged: ReadonlyMap<string, { github: GithubBlock | null; report: EntryReport }>,
  known: ReadonlyMap<string, Known>,
  today: string,
): void {
  for (const p of selected) {
    const m = merged.get(p.name);
    if (!isFetched(m?.github) || (m.report.status !== "ok" && m.report.status !== "moved")) {
      continue;
    }
    const key = m.github.nameWithOwner.toLowerCase();
    const before = known.get(p.repo.toLowerCase())?.github?.nameWithOwner?.toLowerCase();
    if (before !== undefined) renameSeries(history, before, key);
    renameSeries(history, p.repo.toLowerCase(), key);
    recordStars(history, key, today, m.github.stars);
  }
}

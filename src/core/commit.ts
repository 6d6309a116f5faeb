/**
 * Several files of one folder replaced as one generation: a run's
 * directory.json, DIRECTORY.md, history.json (and .etags.json, projects.yaml)
 * are either all the old ones or all the new ones, even after SIGKILL or a
 * power cut.
 *
 * commitFiles writes every new content to a temporary file first, then the
 * journal (COMMIT_FILE, atomically: the commit point) naming each temporary
 * file and its target, then renames them all and removes the journal.
 * recoverFiles, run before the next writer starts (under the folder's lock),
 * finishes a commit whose journal exists (a mixed generation is repaired by
 * rolling forward) and removes every leftover temporary file (a run killed
 * before its commit point left the old generation whole).
 */
import { readdir, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import {
  sameContent,
  syncDir,
  TEMP_FILE,
  WriteError,
  writeFileAtomic,
  writeTemp,
} from "./write.js";

/** The journal of a commit in progress. */
export const COMMIT_FILE = ".cooltech-commit.json";

export interface FileWrite {
  path: string;
  content: string;
}

/** A file of the generation: changed false when its content was already on disk (left untouched). */
export interface Written {
  path: string;
  changed: boolean;
  /** The file was removed (a per-category Markdown file no longer needed). */
  removed?: true;
}

interface Journal {
  /** [temporary file, target], both names within the folder. */
  renames: Array<[string, string]>;
}

/** Replaces the files of `dir` listed in `files` as one generation (see above). */
export async function commitFiles(dir: string, files: readonly FileWrite[]): Promise<Written[]> {
  const written: Written[] = [];
  const pending: Array<[string, string]> = [];
  try {
    for (const f of files) {
      if (resolve(dirname(f.path)) !== resolve(dir)) {
        throw new Error(`${f.path} is not in ${dir}: it cannot join the generation`);
      }
      // Compared while streaming the old file: a big one is never held whole.
      const same = await sameContent(f.path, f.content);
      written.push({ path: f.path, changed: !same });
      if (!same) pending.push([await writeTemp(f.path, f.content), f.path]);
    }
  } catch (error) {
    await Promise.all(pending.map(([tmp]) => rm(tmp, { force: true })));
    throw error;
  }
  if (pending.length === 0) return written;
  if (pending.length === 1) {
    const [[tmp, path]] = pending as [[string, string]];
    await renameInto(tmp, path);
    return written;
  }
  const journal: Journal = { renames: pending.map(([t, p]) => [basename(t), basename(p)]) };
  await writeFileAtomic(join(dir, COMMIT_FILE), `${JSON.stringify(journal)}\n`);
  await syncDir(dir);
  for (const [tmp, path] of pending) await renameInto(tmp, path);
  await syncDir(dir);
  await rm(join(dir, COMMIT_FILE), { force: true });
  return written;
}

/** Renames a temporary file over its target; a failure names the target and its cause (exit 4). */
async function renameInto(tmp: string, path: string): Promise<void> {
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new WriteError(path, error);
  }
}

export interface Recovery {
  /** Files a killed run's commit had not renamed yet, now in place. */
  completed: string[];
  /** Leftover temporary files removed. */
  removed: string[];
}

/**
 * Repairs `dir` after a writer was killed: finishes a journalled commit, then
 * removes leftover temporary files. Call it only while holding the folder's
 * lock (lock.ts), so no live writer's temporary file is touched.
 */
export async function recoverFiles(dir: string): Promise<Recovery> {
  const completed: string[] = [];
  const journalPath = join(dir, COMMIT_FILE);
  const text = await readFile(journalPath, "utf8").catch(() => undefined);
  if (text !== undefined) {
    for (const [tmp, target] of parseJournal(text)) {
      try {
        await rename(join(dir, tmp), join(dir, target));
        completed.push(join(dir, target));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
    await syncDir(dir);
    await rm(journalPath, { force: true });
  }
  const removed: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!TEMP_FILE.test(name)) continue;
    await rm(join(dir, name), { force: true });
    removed.push(join(dir, name));
  }
  return { completed, removed };
}

/** The journal's renames; a torn or foreign journal yields none (its temporary files are removed). */
function parseJournal(text: string): Array<[string, string]> {
  try {
    const j = JSON.parse(text) as Journal;
    if (!Array.isArray(j.renames)) return [];
    return j.renames.filter(
      (r): r is [string, string] =>
        Array.isArray(r) &&
        r.every((x) => typeof x === "string" && x === basename(x) && x !== "" && x !== "..") &&
        TEMP_FILE.test(r[0] as string),
    );
  } catch {
    return [];
  }
}

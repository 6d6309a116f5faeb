/**
 * Which entries of projects.yaml a pull request adds or changes: the current
 * file compared with its version at a git ref (the base branch).
 */
import { execFile } from "node:child_process";
import { relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { UserError } from "../core/errors.js";
import { normalizeRepo } from "../core/repo-url.js";
import { parseYaml } from "../load/yaml-source.js";
import type { Item } from "../validate/rules/rule.js";

/** Runs git with `args` in `cwd` and resolves to its stdout; injectable for tests. */
export type Git = (args: readonly string[], cwd: string) => Promise<string>;

export class GitError extends Error {
  override name = "GitError";
}

export const execGit: Git = (args, cwd) =>
  new Promise((resolve, reject) => {
    execFile(
      "git",
      [...args],
      { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LC_ALL: "C" } },
      (error, stdout, stderr) => {
        if (error) {
          const first = (stderr || error.message).trim().split("\n")[0] ?? "";
          reject(new GitError(first, { cause: error }));
        } else resolve(stdout);
      },
    );
  });

/**
 * The text of `path` at `ref`, or null when the file did not exist there
 * (a pull request that creates it). An unknown ref is the user's to fix.
 */
export async function readAtRef(
  ref: string,
  path: string,
  cwd: string,
  git: Git = execGit,
): Promise<string | null> {
  // A ref starting with "-" would be read by git as an option.
  if (ref === "" || ref.startsWith("-")) {
    throw new UserError(`--changed-since needs a git ref, not '${ref}'`, "usage");
  }
  try {
    await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd);
  } catch (error) {
    if ((error as { cause?: NodeJS.ErrnoException }).cause?.code === "ENOENT") {
      throw new UserError("--changed-since needs git, which is not on the PATH", "usage");
    }
    if (error instanceof GitError && /not a git repository/i.test(error.message)) {
      throw new UserError(
        `--changed-since compares with git history, but ${cwd} is not in a git repository; run it from your clone`,
        "usage",
      );
    }
    throw new UserError(
      `--changed-since: git knows no commit '${ref}' here; fetch it first, e.g. \`git fetch origin main\` then \`--changed-since origin/main\` (in GitHub Actions: actions/checkout with fetch-depth: 2, then \`--changed-since HEAD^1\`)`,
      "usage",
      { cause: error },
    );
  }
  // `REF:./path` is resolved against cwd, which must be inside the work tree.
  const spec = `${ref}:./${relative(cwd, path).split("\\").join("/")}`;
  try {
    return await git(["show", spec], cwd);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/does not exist in|exists on disk, but not in/.test(message)) return null;
    throw new UserError(`cannot read ${spec} with git (${message})`, "usage", {
      cause: error,
    });
  }
}

export interface ChangedEntry {
  /** The entry as it is now. */
  item: Item;
  /** "listed": every entry selected, no ref to compare with (`validate --online` alone). */
  kind: "added" | "changed" | "listed";
  /** Its `repo` at the ref, when the entry existed there. */
  baseRepo?: string;
}

/**
 * The entries of `head` that are new or different compared with `baseText`
 * (null: the file did not exist, so everything is new). An entry is the same
 * entry when its name or its repo matches (case-insensitively), so renaming a
 * project or fixing its repo counts as a change, not as an addition.
 * Reordering keys or entries is not a change.
 */
export function changedEntries(head: readonly Item[], baseText: string | null): ChangedEntry[] {
  const base = baseText === null ? [] : baseItems(baseText);
  const byName = new Map<string, Record<string, unknown>>();
  const byRepo = new Map<string, Record<string, unknown>>();
  for (const entry of base) {
    const name = key(entry.name);
    const repo = repoKey(entry.repo);
    if (name !== undefined && !byName.has(name)) byName.set(name, entry);
    if (repo !== undefined && !byRepo.has(repo)) byRepo.set(repo, entry);
  }
  const out: ChangedEntry[] = [];
  for (const item of head) {
    const name = key(item.value.name);
    const repo = repoKey(item.value.repo);
    const before =
      (name === undefined ? undefined : byName.get(name)) ??
      (repo === undefined ? undefined : byRepo.get(repo));
    if (before === undefined) out.push({ item, kind: "added" });
    else if (!isDeepStrictEqual(before, item.value)) {
      const baseRepo = typeof before.repo === "string" ? before.repo : undefined;
      out.push({ item, kind: "changed", ...(baseRepo !== undefined && { baseRepo }) });
    }
  }
  return out;
}

/** Every entry, for a check of the whole catalog. */
export function allEntries(head: readonly Item[]): ChangedEntry[] {
  return head.map((item) => ({ item, kind: "listed" }));
}

/**
 * True when the entry's repository is the pull request's doing: a new entry,
 * or a `repo` that now points somewhere else than at the ref. Without a ref
 * every entry counts.
 */
export function repoIsNew(entry: ChangedEntry): boolean {
  if (entry.kind !== "changed") return true;
  return repoKey(entry.baseRepo) !== repoKey(entry.item.value.repo);
}

/** The entries of the file at the ref; an unreadable old version counts as empty. */
function baseItems(text: string): Record<string, unknown>[] {
  const { value } = parseYaml(text, "projects.yaml (base)");
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v),
  );
}

function key(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim().toLowerCase() : undefined;
}

function repoKey(v: unknown): string | undefined {
  return typeof v === "string" ? key(normalizeRepo(v) ?? v) : undefined;
}

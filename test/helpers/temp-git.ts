/** A throw-away git repository for tests that compare with a base commit. */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TempGit {
  dir: string;
  git(...args: string[]): Promise<string>;
  write(files: Record<string, string>): Promise<void>;
  /** Writes the files and commits them; returns the commit id. */
  commit(files: Record<string, string>, message?: string): Promise<string>;
  remove(): Promise<void>;
}

export async function tempGit(prefix = "cooltech-git-"): Promise<TempGit> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  // Fixed identity and no user/system config, so the host's git setup cannot interfere.
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Test",
    GIT_AUTHOR_EMAIL: "test@example.invalid",
    GIT_COMMITTER_NAME: "Test",
    GIT_COMMITTER_EMAIL: "test@example.invalid",
  };
  const git = async (...args: string[]) => (await run("git", args, { cwd: dir, env })).stdout;
  await git("init", "--quiet", "--initial-branch=main");
  const write = async (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
  };
  return {
    dir,
    git,
    write,
    async commit(files, message = "commit") {
      await write(files);
      // One process for the three steps (each spawn from a large test process costs).
      const script = 'git add --all && git commit --quiet -m "$1" && git rev-parse HEAD';
      const { stdout } = await run("sh", ["-c", script, "sh", message], { cwd: dir, env });
      return stdout.trim();
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

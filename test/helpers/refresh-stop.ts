/**
 * For refresh-stop.test.ts: a CLI run in this process that can be watched
 * while it runs, the fake GitHub's knobs it turns, and what a run leaves in a
 * data folder: leftovers, one generation of the three outputs, or a commit
 * cut between its renames.
 */
import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runMain } from "../../src/cli/main.js";
import { type Directory, isFetched } from "../../src/core/model.js";
import type { FakeGitHub } from "../fake-github/index.js";
import { type CliRun, readJson } from "./refresh-cli.js";

/** Waits until the fake has seen `n` GraphQL requests (on its events: no polling, no time limit). */
export async function requestsSeen(gh: FakeGitHub, n: number): Promise<void> {
  while (gh.stats.graphqlRequests < n) await gh.nextRequest("graphql");
}

/** Every repository of the fake gets `stars` (under 1,000, so DIRECTORY.md shows it exactly). */
export function setStars(gh: FakeGitHub, stars: number): void {
  for (const r of gh.repos.values()) r.stars = stars;
}

/**
 * Starts `cooltech ARGS` in this process (runMain, as bin/cooltech.js runs it); `stderrMatching`
 * resolves with what it wrote to stderr once that matches (or once it has finished).
 */
export function startInProcess(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): { done: Promise<CliRun>; stderrMatching(pattern: RegExp): Promise<string> } {
  let out = "";
  let err = "";
  const waiters: Array<{ pattern: RegExp; resolve: (text: string) => void }> = [];
  const check = (finished: boolean) => {
    for (const w of [...waiters]) {
      if (!finished && !w.pattern.test(err)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(err);
    }
  };
  const io = {
    stdout: { write: (s: string) => (out += s) },
    stderr: {
      write: (s: string) => {
        err += s;
        check(false);
      },
    },
    env,
    cwd,
  };
  let finished = false;
  const done = runMain(args, io).then((code) => {
    finished = true;
    check(true);
    return { code, signal: null, stdout: out, stderr: err };
  });
  return {
    done,
    stderrMatching: (pattern) =>
      new Promise((resolve) => {
        if (finished || pattern.test(err)) resolve(err);
        else waiters.push({ pattern, resolve });
      }),
  };
}

/** Files a finished run must not leave in `data`: temporary files, a commit journal, its lock. */
export async function leftovers(data: string): Promise<string[]> {
  const names = await readdir(data);
  return names.filter(
    (f) => f.endsWith(".tmp") || f === ".cooltech-commit.json" || f === ".cooltech.lock",
  );
}

/**
 * The three outputs in `data` are one generation: directory.json was refreshed on `day`,
 * and each entry's stars there are the ones DIRECTORY.md shows and the last
 * point of history.json. Returns the distinct star counts written.
 */
export async function oneGeneration(data: string, day: string): Promise<number[]> {
  const d = await readJson<Directory>(join(data, "directory.json"));
  assert.equal((d.refreshedAt ?? "").slice(0, 10), day);
  const md = (await readFile(join(data, "DIRECTORY.md"), "utf8")).split("\n");
  const history = await readJson<{ repos: Record<string, Array<[string, number]>> }>(
    join(data, "history.json"),
  );
  const counts = new Set<number>();
  for (const p of d.projects) {
    if (!isFetched(p.github)) continue;
    const stars = p.github.stars;
    counts.add(stars);
    const line = md.find((l) => l.startsWith(`- [${p.name}]`)) ?? "";
    assert.match(line, new RegExp(`★${stars}( |$)`), `${p.name} in DIRECTORY.md`);
    const series = history.repos[p.github.nameWithOwner.toLowerCase()];
    assert.equal(series?.at(-1)?.[1], stars, `${p.name} in history.json`);
  }
  return [...counts].sort((a, b) => a - b);
}

/**
 * Installs the generation in `from` into `data` half way, as a kill between the
 * renames of a commit leaves it: the new directory.json in place, DIRECTORY.md and
 * history.json still in their temporary files, the commit journal, and a half-written file.
 */
export async function halfInstall(from: string, data: string): Promise<void> {
  const tmpName = (f: string) => `.${f}.4242.0123abcd.tmp`;
  for (const f of ["DIRECTORY.md", "history.json"]) {
    await writeFile(join(data, tmpName(f)), await readFile(join(from, f)));
  }
  await writeFile(join(data, "directory.json"), await readFile(join(from, "directory.json")));
  const renames = [
    [tmpName("directory.json"), "directory.json"],
    [tmpName("DIRECTORY.md"), "DIRECTORY.md"],
    [tmpName("history.json"), "history.json"],
  ];
  await writeFile(join(data, ".cooltech-commit.json"), JSON.stringify({ renames }));
  await writeFile(join(data, ".directory.json.999.deadbeef.tmp"), "half-written");
}

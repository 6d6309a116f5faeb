/**
 * `cooltech refresh --json` as a child process of a refresh benchmark, against
 * the fake GitHub, its peak RSS recorded by maxrss.ts: wall time from spawn to
 * exit, the JSON summary, and the peak RSS. A failing run throws with its stderr.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FakeGitHub } from "../test/fake-github/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin/cooltech.js");
const RSS_HOOK = join(ROOT, "dist/bench/maxrss.js");
export const TOKEN = "bench-token";

export interface RefreshChild {
  /** The data folder given to --data (relative to `cwd` when set). */
  data: string;
  /** Where the child's peak RSS is written (JSON, by maxrss.ts). */
  rssFile: string;
  cwd?: string;
  /** More environment for the child (COOLTECH_NOW, COOLTECH_ONE_PASS). */
  env?: Record<string, string>;
}

/** Runs the refresh against `gh` (its stats and rate limits reset first). */
export async function runRefresh<Summary>(
  gh: FakeGitHub,
  run: RefreshChild,
): Promise<{ ms: number; summary: Summary; rssMb: number }> {
  gh.resetStats();
  gh.resetRateLimits();
  const env = {
    PATH: process.env.PATH ?? "",
    NO_COLOR: "1",
    GITHUB_API_URL: gh.url,
    GITHUB_GRAPHQL_URL: gh.graphqlUrl,
    GITHUB_TOKEN: TOKEN,
    BENCH_RSS_OUT: run.rssFile,
    ...run.env,
  };
  const start = performance.now();
  const child = spawn(
    process.execPath,
    ["--import", RSS_HOOK, BIN, "refresh", "--data", run.data, "--json"],
    { env, ...(run.cwd !== undefined && { cwd: run.cwd }), stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c;
  });
  child.stderr.on("data", (c: Buffer) => {
    err += c;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`cooltech refresh exited ${code}: ${err.slice(0, 2000)}`);
  const rss = JSON.parse(await readFile(run.rssFile, "utf8")) as { maxRssKb: number };
  return { ms, summary: JSON.parse(out) as Summary, rssMb: rss.maxRssKb / 1024 };
}

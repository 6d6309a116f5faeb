/**
 * The runs bench/refresh.ts compares on the fake GitHub: per-repo REST with
 * plain fetch, some at a time ((a), (b)), and `cooltech refresh` as a child
 * process with its peak RSS ((c)); each gives its wall time and its cost.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import type { FakeGitHub, FakeRepo } from "../test/fake-github/index.js";
import { writeCatalog } from "./refresh-catalog.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin/cooltech.js");
export const TOKEN = "bench-token";

/** Records the child's peak RSS (getrusage ru_maxrss, KiB) at exit. */
const RSS_HOOK =
  'data:text/javascript,import{writeFileSync}from"node:fs";const o=process.env.BENCH_RSS_OUT;' +
  'if(o)process.on("exit",()=>writeFileSync(o,String(process.resourceUsage().maxRSS)));';

/** One row of the benchmark's table. */
export interface Row {
  label: string;
  repos: number;
  ms: number;
  requests: number;
  points: number;
  budget: string;
  rssMb: number | null;
  note?: string;
  /** (c): repositories per query, at the start and after the first query's cost was read. */
  batch?: { initial: number; final: number; firstCost: number | null };
}

const fullName = (r: FakeRepo) => `${r.owner}/${r.name}`;

/** (a)/(b): GET /repos/{owner}/{repo} for each repo with plain fetch, `concurrency` at a time. */
export async function restLoop(gh: FakeGitHub, repos: FakeRepo[], concurrency: number) {
  gh.resetStats();
  gh.resetRateLimits();
  const limit = pLimit(concurrency);
  const start = performance.now();
  await Promise.all(
    repos.map((r) =>
      limit(async () => {
        const res = await fetch(`${gh.url}/repos/${fullName(r)}`, {
          headers: { authorization: `token ${TOKEN}`, accept: "application/vnd.github+json" },
        });
        if (res.status !== 200) throw new Error(`GET /repos/${fullName(r)}: ${res.status}`);
        await res.json();
      }),
    ),
  );
  return { ms: performance.now() - start, requests: gh.stats.requests, points: gh.stats.restUsed };
}

/** (c): the real CLI as a child process; wall time from spawn to exit. */
export async function cooltech(
  gh: FakeGitHub,
  repos: FakeRepo[],
  label = "(c) cooltech refresh",
): Promise<Row> {
  const dir = await mkdtemp(join(tmpdir(), "cooltech-bench-refresh-"));
  try {
    await writeCatalog(dir, repos);
    gh.resetStats();
    gh.resetRateLimits();
    const rssFile = join(dir, "rss");
    const env = {
      PATH: process.env.PATH ?? "",
      NO_COLOR: "1",
      GITHUB_API_URL: gh.url,
      GITHUB_GRAPHQL_URL: gh.graphqlUrl,
      GITHUB_TOKEN: TOKEN,
      BENCH_RSS_OUT: rssFile,
    };
    const start = performance.now();
    const child = spawn(
      process.execPath,
      ["--import", RSS_HOOK, BIN, "refresh", "--data", dir, "--json"],
      {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
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
    const summary = JSON.parse(out) as {
      counts: { ok: number };
      usage: { batchSize: NonNullable<Row["batch"]> };
    };
    if (summary.counts.ok !== repos.length) throw new Error(`only ${summary.counts.ok} ok`);
    return {
      label,
      batch: summary.usage.batchSize,
      repos: repos.length,
      ms,
      requests: gh.stats.requests,
      points: gh.stats.pointsUsed,
      budget: "GraphQL points",
      rssMb: Number(await readFile(rssFile, "utf8")) / 1024,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

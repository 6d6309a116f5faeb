/**
 * The runs bench/refresh.ts compares on the fake GitHub: per-repo REST with
 * plain fetch, some at a time ((a), (b)), and `cooltech refresh` as a child
 * process with its peak RSS ((c)); each gives its wall time and its cost.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pLimit from "p-limit";
import type { FakeGitHub, FakeRepo } from "../test/fake-github/index.js";
import { writeCatalog } from "./refresh-catalog.js";
import { runRefresh, TOKEN } from "./refresh-child.js";

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
    const { ms, summary, rssMb } = await runRefresh<{
      counts: { ok: number };
      usage: { batchSize: NonNullable<Row["batch"]> };
    }>(gh, { data: dir, rssFile: join(dir, "rss") });
    if (summary.counts.ok !== repos.length) throw new Error(`only ${summary.counts.ok} ok`);
    return {
      label,
      batch: summary.usage.batchSize,
      repos: repos.length,
      ms,
      requests: gh.stats.requests,
      points: gh.stats.pointsUsed,
      budget: "GraphQL points",
      rssMb,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

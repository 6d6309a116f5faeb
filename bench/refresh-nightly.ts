/**
 * `npm run bench:refresh` (second part): nightly runs under strict pricing
 * (the local GitHub charges every connection, totalCount-only ones too, the
 * way GitHub's documented formula reads), 100 ms per request + 5 ms per
 * repository, the two-pass refresh side by side with the one-pass approach
 * before it (COOLTECH_ONE_PASS=1), in the same run:
 *   night 1: first run (no data yet);
 *   night 2: nothing changed on GitHub (wall, points, lines changed, peak RSS);
 *   night 3: 20% of the repositories changed (a push, a star, an issue).
 * Lines changed = `git diff --numstat` of data/ after the night.
 *   --repos N   catalog size (default 2,000; the README's 100,000 row: --repos 100000)
 *   --two-pass-only   skip the one-pass side (at 100,000 each night takes minutes)
 * Exits 1 when a two-pass target is missed: night 3 ≤ ceil(N/100) + 2 points at 2,000,
 * < 1,000 points at 100,000; night 2 changes at most 1 line; at 100,000, night 2's peak
 * RSS is no more than night 1's and no night passes 1 GB.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startFakeGitHub, syntheticRepos } from "../test/fake-github/index.js";
import { loadAverage } from "./measure.js";
import { writeCatalog } from "./refresh-catalog.js";
import { runRefresh, TOKEN } from "./refresh-child.js";

const exec = promisify(execFile);
const arg = process.argv.indexOf("--repos");
const N = arg > 0 ? Number(process.argv[arg + 1]) : 2_000;
const TWO_PASS_ONLY = process.argv.includes("--two-pass-only");
const NIGHTS = ["2026-11-20T03:23:00Z", "2026-11-21T03:23:00Z", "2026-11-22T03:23:00Z"];

interface Night {
  ms: number;
  points: number;
  requests: number;
  lines: number;
  rssMb: number;
  changed: number;
}

async function git(dir: string, ...args: string[]): Promise<string> {
  const env = { PATH: process.env.PATH ?? "", HOME: dir, GIT_CONFIG_NOSYSTEM: "1" };
  const { stdout } = await exec("git", args, { cwd: dir, env, maxBuffer: 1 << 26 });
  return stdout;
}

async function night(
  gh: Awaited<ReturnType<typeof startFakeGitHub>>,
  dir: string,
  now: string,
  onePass: boolean,
): Promise<Night> {
  const { ms, summary, rssMb } = await runRefresh<{ counts: { ok: number }; changed: number }>(gh, {
    data: "data",
    cwd: dir,
    rssFile: join(dir, "..", "rss.json"),
    env: { COOLTECH_NOW: now, ...(onePass && { COOLTECH_ONE_PASS: "1" }) },
  });
  if (summary.counts.ok !== N) throw new Error(`only ${summary.counts.ok} ok`);
  const numstat = await git(dir, "diff", "--numstat", "--", "data");
  const lines = numstat
    .split("\n")
    .filter(Boolean)
    .reduce((sum, l) => sum + Math.max(Number(l.split("\t")[0]), Number(l.split("\t")[1])), 0);
  await git(dir, "add", "--all");
  await git(dir, "-c", "user.name=b", "-c", "user.email=b@example.invalid", "commit", "-qm", now);
  return {
    ms,
    points: gh.stats.pointsUsed,
    requests: gh.stats.requests,
    lines,
    rssMb,
    changed: summary.changed,
  };
}

/** Three nights of one approach, on its own local GitHub (same seed: same repositories). */
async function nights(onePass: boolean): Promise<Night[]> {
  const repos = syntheticRepos(N, 42).map((r) => ({ ...r, formerNames: [] }));
  const gh = await startFakeGitHub({
    repos,
    token: TOKEN,
    strictCost: true,
    latencyMs: 100,
    perRepoLatencyMs: 5,
  });
  const dir = await mkdtemp(join(tmpdir(), "cooltech-bench-nightly-"));
  try {
    await exec("mkdir", ["-p", join(dir, "data")]);
    await writeCatalog(join(dir, "data"), repos);
    await git(dir, "init", "-q");
    const out = [await night(gh, dir, NIGHTS[0] as string, onePass)];
    out.push(await night(gh, dir, NIGHTS[1] as string, onePass));
    repos.forEach((r, i) => {
      if (i % 5 !== 0) return;
      r.stars += 1;
      r.openIssues += 1;
      r.pushedAt = "2026-11-21T12:00:00Z";
    });
    out.push(await night(gh, dir, NIGHTS[2] as string, onePass));
    return out;
  } finally {
    await gh.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => n.toLocaleString("en-US");

async function main(): Promise<number> {
  console.log(`Nightly refresh, ${fmt(N)} repositories, strict pricing, 100 ms + 5 ms/repo:\n`);
  const two = await nights(false);
  const one = TWO_PASS_ONLY ? [] : await nights(true);
  const labels = ["1: first run", "2: nothing changed", "3: 20% changed"];
  console.log(
    "| night | approach | wall | requests | points | lines changed | changed entries | peak RSS |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  labels.forEach((label, i) => {
    for (const [name, rows] of [
      ["two-pass", two],
      ["one-pass (before)", one],
    ] as const) {
      const r = rows[i];
      if (r === undefined) continue;
      console.log(
        `| ${label} | ${name} | ${(r.ms / 1000).toFixed(1)} s | ${fmt(r.requests)} | ${fmt(r.points)} | ${fmt(r.lines)} | ${fmt(r.changed)} | ${Math.round(r.rssMb)} MB |`,
      );
    }
  });
  const target = N <= 2_000 ? Math.ceil(N / 100) + 2 : 999;
  const [, quiet, busy] = two as [Night, Night, Night];
  const misses: string[] = [];
  if (busy.points > target) misses.push(`night 3 cost ${busy.points} points > ${target}`);
  if (quiet.lines > 1) misses.push(`night 2 changed ${quiet.lines} lines > 1`);
  // The memory rule is the issue's, for 100,000 repositories: there, night 2 holds the last-known
  // data of every entry. At small sizes the fixed cost of reading a previous directory (its
  // readers' code, a few MB) outweighs the data, so the difference is printed, not judged.
  const extra = quiet.rssMb - (two[0] as Night).rssMb;
  if (N >= 100_000 && extra > 0) misses.push("night 2 used more memory than night 1");
  const peak = Math.max(...two.map((n) => n.rssMb));
  if (N >= 100_000 && peak > 1024) misses.push(`peak RSS ${Math.round(peak)} MB > 1 GB`);
  console.log(
    `\nTargets (two-pass): night 3 ≤ ${fmt(target)} points; night 2 ≤ 1 line changed${N >= 100_000 ? ", RSS ≤ night 1's; peak RSS ≤ 1 GB" : ""}.`,
  );
  console.log(`Night 2 peak RSS minus night 1's: ${extra >= 0 ? "+" : ""}${Math.round(extra)} MB.`);
  console.log(`Node ${process.version}; load average ${loadAverage()}.`);
  console.log(misses.length === 0 ? "All met." : `MISSED: ${misses.join("; ")}`);
  return misses.length === 0 ? 0 : 1;
}

process.exitCode = await main();

/**
 * Shared by the catalog benchmarks: runs a command as a whole `node` process
 * with bench/maxrss.js preloaded, and sums up repeated runs.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const bin = join(root, "bin/cooltech.js");
const preload = new URL("./maxrss.js", import.meta.url).href;

export interface Sample {
  ms: number;
  cpuMs: number;
  rssMb: number;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Runs `node --import maxrss.js ARGS` once: wall time of the whole process, its CPU time and peak RSS. */
export function runOnce(args: string[], cwd: string, rssFile: string, status = 0): Sample {
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--import", preload, ...args], {
    cwd,
    env: { ...process.env, BENCH_RSS_OUT: rssFile, NO_COLOR: "1", GITHUB_ACTIONS: "" },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - start;
  if (r.status !== status) {
    throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  }
  const usage = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssKb: number; cpuUs: number };
  return { ms, cpuMs: usage.cpuUs / 1000, rssMb: usage.maxRssKb / 1024 };
}

/** Median times and the highest peak memory over the runs. */
export function summarise(samples: Sample[]): Sample {
  return {
    ms: median(samples.map((s) => s.ms)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    rssMb: Math.max(...samples.map((s) => s.rssMb)),
  };
}

/** A Markdown table, columns padded. */
export function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((c) => (c[i] as string).length)),
  );
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] as number)).join(" | ")} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const c of rows) console.log(line(c));
}

/** The machine's load averages (1, 5, 15 min), to print next to figures taken on a shared machine. */
export function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "unknown";
  }
}

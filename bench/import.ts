/**
 * `npm run bench:import`: times `cooltech import` as a whole process on the
 * real lists in ../shared/data-real (into an empty folder: the first import,
 * which writes everything; then the same file again: the no-change import),
 * with CPU time and peak memory. Target (issue 10): importing
 * cncf-landscape.yml or awesome-go-README.md takes at most 2 s; exits 1 when
 * the median misses it. BENCH_RUNS sets the number of runs (default 3).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin/cooltech.js");
const preload = new URL("./maxrss.js", import.meta.url).href;
const real = join(root, "../shared/data-real");
const runs = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 2000;

interface Sample {
  ms: number;
  cpuMs: number;
  rssMb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function importOnce(file: string, data: string, rssFile: string): Sample {
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    ["--import", preload, bin, "import", join(real, file), "--data", data],
    {
      env: {
        ...process.env,
        BENCH_RSS_OUT: rssFile,
        NO_COLOR: "1",
        GITHUB_ACTIONS: "",
        GITHUB_STEP_SUMMARY: "",
      },
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    },
  );
  const ms = performance.now() - start;
  if (r.status !== 0)
    throw new Error(`import ${file} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const usage = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssKb: number; cpuUs: number };
  return { ms, cpuMs: usage.cpuUs / 1000, rssMb: usage.maxRssKb / 1024 };
}

const mid = (samples: Sample[]): Sample => ({
  ms: median(samples.map((s) => s.ms)),
  cpuMs: median(samples.map((s) => s.cpuMs)),
  rssMb: median(samples.map((s) => s.rssMb)),
});

const files = [
  { file: "cncf-landscape.yml", target: true },
  { file: "awesome-go-README.md", target: true },
  { file: "best-of-ml-python-projects.yaml", target: false },
];

const work = mkdtempSync(join(tmpdir(), "cooltech-bench-import-"));
const rssFile = join(work, "rss.json");
let missed = 0;
console.log(`cooltech import, whole process, median of ${runs} (wall ms / CPU ms / peak RSS MB)`);
// Wall time is what the target is about; on a shared machine it is inflated by the
// other processes, which the CPU time is not: both are printed, with the load.
const load = loadavg()[0]?.toFixed(1);
console.log(`load average ${load} on ${availableParallelism()} cores`);
console.log("| file | size | first import | again (no change) | target |");
console.log("|---|---:|---:|---:|---|");
try {
  for (const { file, target } of files) {
    const first: Sample[] = [];
    const again: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      const data = join(work, `data-${i}`);
      first.push(importOnce(file, data, rssFile));
      again.push(importOnce(file, data, rssFile));
      rmSync(data, { recursive: true, force: true });
    }
    const a = mid(first);
    const b = mid(again);
    const ok = !target || (a.ms <= TARGET_MS && b.ms <= TARGET_MS);
    if (!ok) missed++;
    const kb = Math.round(statSync(join(real, file)).size / 1024);
    const fmt = (s: Sample) =>
      `${Math.round(s.ms)} / ${Math.round(s.cpuMs)} / ${Math.round(s.rssMb)}`;
    const verdict = target ? (ok ? "≤ 2 s ✔" : "≤ 2 s ✖ MISSED") : "—";
    console.log(`| ${file} | ${kb} KB | ${fmt(a)} | ${fmt(b)} | ${verdict} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (missed > 0) {
  console.error(`${missed} target(s) missed`);
  process.exitCode = 1;
}

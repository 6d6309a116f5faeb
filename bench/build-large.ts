/**
 * `npm run bench:build`: `cooltech build` of 100,000 canonical entries as a
 * whole process, with a last-known directory.json holding GitHub data for
 * every entry (as after a refresh), so the build reads, merges and rewrites
 * ~130 MB of JSON and splits DIRECTORY.md into per-category files. Each run
 * starts from that directory.json, without DIRECTORY.md, so everything is
 * written; a last run finds nothing to change. Peak memory depends on when
 * V8 collects garbage, so the highest of BENCH_RUNS runs (5) is the figure.
 * Target: at most 1 GB peak RSS. `--entries N` for another size.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCatalog } from "./catalog-data.js";
import { bin, loadAverage, printTable, runOnce, type Sample, summarise } from "./measure.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const arg = process.argv.indexOf("--entries");
const N = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;
const LIMIT_MB = 1024;

const dir = mkdtempSync(join(tmpdir(), "cooltech-bench-build-"));
const rss = join(dir, "..", `${dir.split("/").pop()}-rss.json`);
let written: Sample;
let lowest = 0;
let unchanged: Sample;
let sizes: { yaml: number; json: number };
try {
  process.stderr.write(`writing ${N.toLocaleString("en-US")} entries…\n`);
  const previous = writeCatalog(dir, N, "compact");
  const runs: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    process.stderr.write(`build ${i + 1}/${RUNS}…\n`);
    writeFileSync(join(dir, "directory.json"), previous);
    rmSync(join(dir, "DIRECTORY.md"), { force: true });
    rmSync(join(dir, "directory"), { recursive: true, force: true });
    runs.push(runOnce([bin, "build", "--data", "."], dir, rss));
  }
  written = summarise(runs);
  lowest = Math.min(...runs.map((r) => r.rssMb));
  process.stderr.write("build with nothing to change…\n");
  unchanged = runOnce([bin, "build", "--data", "."], dir, rss);
  sizes = {
    yaml: statSync(join(dir, "projects.yaml")).size / 1e6,
    json: statSync(join(dir, "directory.json")).size / 1e6,
  };
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(rss, { force: true });
}

const row = (label: string, s: Sample, runs: number, low = s.rssMb) => [
  label,
  `${(s.ms / 1000).toFixed(1)} s`,
  `${(s.cpuMs / 1000).toFixed(1)} s`,
  `${Math.round(s.rssMb)} MB`,
  `${Math.round(low)} MB`,
  String(runs),
];
console.log(
  `cooltech build, ${N.toLocaleString("en-US")} entries (projects.yaml ${sizes.yaml.toFixed(1)} MB, directory.json ${sizes.json.toFixed(0)} MB):\n`,
);
printTable(
  ["run", "wall (median)", "CPU (median)", "peak RSS (highest)", "(lowest)", "runs"],
  [row("everything written", written, RUNS, lowest), row("nothing to change", unchanged, 1)],
);
console.log(`\nNode ${process.version}; load average ${loadAverage()}.`);
const peak = Math.max(written.rssMb, unchanged.rssMb);
const ok = peak <= LIMIT_MB;
console.log(`${ok ? "✔" : "✖"} peak RSS ${Math.round(peak)} MB (target ≤ ${LIMIT_MB} MB)`);
if (!ok) process.exitCode = 1;

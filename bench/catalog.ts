/**
 * `npm run bench`: times `cooltech validate` and `cooltech build` as whole
 * processes on synthetic catalogs of 1,000 to 50,000 entries, with their peak
 * memory, against the floor (a bare `node` that only `yaml.parse`s the same
 * file). Prints a table, checks the targets of the catalog issue on canonical
 * catalogs, and exits 1 when one is missed. Two more rows show, without
 * targets, a valid but non-canonical file (read by the full YAML parser) and a
 * file with one error (located with the full parser). BENCH_RUNS sets the
 * number of runs per figure.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Variant, writeCatalog } from "./catalog-data.js";
import { bin, loadAverage, printTable, runOnce, type Sample, summarise } from "./measure.js";

const floorScript = fileURLToPath(new URL("./floor.js", import.meta.url));

interface Row {
  label: string;
  n: number;
  variant: Variant;
  mb: number;
  floor: Sample;
  validate: Sample;
  build: Sample | null;
}

function bench(work: string, n: number, variant: Variant, runs: number): Row {
  const dir = join(work, `${n}-${variant}`);
  mkdirSync(dir);
  const previous = writeCatalog(dir, n, variant);
  const rss = join(work, "rss");
  const projects = join(dir, "projects.yaml");
  const valid = variant !== "one-error";
  const commands: Record<string, () => Sample> = {
    floor: () => runOnce([floorScript, projects], dir, rss),
    validate: () => runOnce([bin, "validate", "--data", "."], dir, rss, valid ? 0 : 1),
  };
  if (valid) {
    commands.build = () => {
      // Restore the older directory so every build really rewrites it.
      writeFileSync(join(dir, "directory.json"), previous);
      return runOnce([bin, "build", "--data", "."], dir, rss);
    };
  }
  const samples: Record<string, Sample[]> = { floor: [], validate: [], build: [] };
  // One warm-up round (file cache, code cache), then rounds that interleave the
  // commands, so a change in the machine's load affects them alike.
  for (let round = 0; round <= runs; round++) {
    for (const [key, run] of Object.entries(commands)) {
      const sample = run();
      if (round > 0) samples[key]?.push(sample);
    }
  }
  const label = `${n.toLocaleString("en-US")}${variant === "canonical" ? "" : ` (${variant})`}`;
  return {
    label,
    n,
    variant,
    mb: statSync(projects).size / 1e6,
    floor: summarise(samples.floor ?? []),
    validate: summarise(samples.validate ?? []),
    build: valid ? summarise(samples.build ?? []) : null,
  };
}

const JOBS: Array<[number, Variant]> = [
  [1000, "canonical"],
  [2000, "canonical"],
  [10000, "canonical"],
  [50000, "canonical"],
  [10000, "block-tags"],
  [10000, "one-error"],
];
const runsFor = (n: number) => Number(process.env.BENCH_RUNS ?? (n >= 50000 ? 3 : 5));

const work = mkdtempSync(join(tmpdir(), "cooltech-bench-"));
const rows: Row[] = [];
try {
  for (const [n, variant] of JOBS) {
    process.stderr.write(`benchmarking ${n} entries (${variant})…\n`);
    rows.push(bench(work, n, variant, runsFor(n)));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const f = (x: number, d = 0) => x.toFixed(d);
const vs = (s: Sample, floor: Sample) => `${f(s.ms)} ms (${f(s.ms / floor.ms, 2)}×)`;
const head = [
  "entries",
  "projects.yaml",
  "floor (yaml.parse)",
  "validate",
  "build",
  "CPU floor / validate / build",
  "peak RSS floor / validate / build",
];
const cells = rows.map((r) => [
  r.label,
  `${f(r.mb, 1)} MB`,
  `${f(r.floor.ms)} ms`,
  vs(r.validate, r.floor),
  r.build ? vs(r.build, r.floor) : "-",
  `${f(r.floor.cpuMs)} / ${f(r.validate.cpuMs)} / ${r.build ? f(r.build.cpuMs) : "-"} ms`,
  `${f(r.floor.rssMb)} / ${f(r.validate.rssMb)} / ${r.build ? f(r.build.rssMb) : "-"} MB`,
]);
printTable(head, cells);
console.log(
  `\nWall time of the whole process, median of ${runsFor(1000)} runs (${runsFor(50000)} for 50,000) after a warm-up; peak RSS is the highest; Node ${process.version}; load average ${loadAverage()}.\n`,
);

const row = (n: number) => rows.find((r) => r.n === n && r.variant === "canonical") as Row;
const [r2k, r10k, r50k] = [row(2000), row(10000), row(50000)];
const build = (r: Row) => r.build as Sample;
const checks: Array<[string, number, string, boolean]> = [
  [
    "10,000 validate / floor",
    r10k.validate.ms / r10k.floor.ms,
    "≤ 1.5×",
    r10k.validate.ms <= 1.5 * r10k.floor.ms,
  ],
  ["10,000 validate wall (ms)", r10k.validate.ms, "≤ 1500", r10k.validate.ms <= 1500],
  [
    "10,000 build / floor",
    build(r10k).ms / r10k.floor.ms,
    "≤ 2×",
    build(r10k).ms <= 2 * r10k.floor.ms,
  ],
  ["10,000 validate peak RSS (MB)", r10k.validate.rssMb, "≤ 300", r10k.validate.rssMb <= 300],
  ["10,000 build peak RSS (MB)", build(r10k).rssMb, "≤ 300", build(r10k).rssMb <= 300],
  [
    "50,000 / 10,000 validate",
    r50k.validate.ms / r10k.validate.ms,
    "≤ 6×",
    r50k.validate.ms <= 6 * r10k.validate.ms,
  ],
  [
    "50,000 / 10,000 build",
    build(r50k).ms / build(r10k).ms,
    "≤ 6×",
    build(r50k).ms <= 6 * build(r10k).ms,
  ],
  ["2,000 validate wall (ms)", r2k.validate.ms, "< 500", r2k.validate.ms < 500],
];
let missed = 0;
for (const [what, value, target, ok] of checks) {
  if (!ok) missed++;
  console.log(`${ok ? "✔" : "✖"} ${what}: ${f(value, 2)} (target ${target})`);
}
if (missed > 0) {
  console.log(`\n${missed} target(s) missed`);
  process.exitCode = 1;
}

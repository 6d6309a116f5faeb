/**
 * `npm run bench:fmt`: `cooltech fmt --check` against `cooltech validate`, both
 * as whole processes, on a generated canonical catalog of 10,000 entries (the
 * pull-request check CI runs), on a real list (the CNCF landscape imported by
 * `cooltech import`, so canonical), and, without a target, on 10,000 entries
 * not in canonical layout (tags as block lists: the full YAML parser and the
 * full rewrite). Median of BENCH_RUNS runs (5) after a warm-up, interleaved.
 * Target: on the canonical 10,000, fmt --check at most 1.5× validate.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Variant, writeCatalog } from "./catalog-data.js";
import { bin, loadAverage, printTable, root, runOnce, type Sample, summarise } from "./measure.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const REAL = join(root, "../shared/data-real/cncf-landscape.yml");

interface Row {
  label: string;
  mb: number;
  validate: Sample;
  fmt: Sample;
  canonical: boolean;
}

function measure(label: string, data: string, canonical: boolean): Row {
  const rss = join(data, "..", "rss.json");
  const runs: Record<"validate" | "fmt", Sample[]> = { validate: [], fmt: [] };
  for (let round = 0; round <= RUNS; round++) {
    const v = runOnce([bin, "validate", "--data", data], data, rss);
    const f = runOnce([bin, "fmt", "--check", "--data", data], data, rss, canonical ? 0 : 1);
    if (round === 0) continue; // warm-up
    runs.validate.push(v);
    runs.fmt.push(f);
  }
  return {
    label,
    mb: statSync(join(data, "projects.yaml")).size / 1e6,
    validate: summarise(runs.validate),
    fmt: summarise(runs.fmt),
    canonical,
  };
}

function generated(work: string, n: number, variant: Variant): string {
  const dir = join(work, `${n}-${variant}`);
  mkdirSync(dir);
  writeCatalog(dir, n, variant);
  return dir;
}

function imported(work: string): string | undefined {
  if (!existsSync(REAL)) return undefined;
  const dir = join(work, "real");
  const r = spawnSync(process.execPath, [bin, "import", REAL, "--data", dir], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr.slice(0, 2000)}`);
  return dir;
}

const work = mkdtempSync(join(tmpdir(), "cooltech-bench-fmt-"));
const rows: Row[] = [];
try {
  process.stderr.write("benchmarking 10,000 canonical entries…\n");
  rows.push(measure("10,000, canonical", generated(work, 10_000, "canonical"), true));
  const real = imported(work);
  if (real !== undefined) {
    process.stderr.write("benchmarking the imported CNCF landscape…\n");
    rows.push(measure("cncf-landscape.yml, imported", real, true));
  }
  process.stderr.write("benchmarking 10,000 entries not in canonical layout…\n");
  rows.push(measure("10,000, tags as block lists", generated(work, 10_000, "block-tags"), false));
} finally {
  rmSync(work, { recursive: true, force: true });
}

const f0 = (x: number) => x.toFixed(0);
printTable(
  [
    "projects.yaml",
    "size",
    "validate",
    "fmt --check",
    "fmt / validate",
    "CPU validate / fmt",
    "peak RSS validate / fmt",
  ],
  rows.map((r) => [
    r.label,
    `${r.mb.toFixed(1)} MB`,
    `${f0(r.validate.ms)} ms`,
    `${f0(r.fmt.ms)} ms`,
    `${(r.fmt.ms / r.validate.ms).toFixed(2)}×`,
    `${f0(r.validate.cpuMs)} / ${f0(r.fmt.cpuMs)} ms`,
    `${f0(r.validate.rssMb)} / ${f0(r.fmt.rssMb)} MB`,
  ]),
);
console.log(
  `\nWall time of the whole process, median of ${RUNS} runs after a warm-up; peak RSS is the highest; Node ${process.version}; load average ${loadAverage()}.`,
);
const target = rows[0] as Row;
const ratio = target.fmt.ms / target.validate.ms;
const ok = ratio <= 1.5;
console.log(
  `${ok ? "✔" : "✖"} 10,000 canonical: fmt --check / validate ${ratio.toFixed(2)} (target ≤ 1.5)`,
);
if (!ok) process.exitCode = 1;

/**
 * `npm run bench:hostile`: the hostile inputs of issue 8 through the real
 * binary, each timed as a whole process with its peak memory. Target: every
 * one answers (exit 1 with a located message) in seconds within a few hundred
 * MB. The worst cases sit just under the limits of src/load/limits.ts. The
 * reference row is the catalog benchmark's floor (`yaml.parse` of 10,000
 * entries, about 2 s on an idle machine), so that times taken on a busy
 * machine can be scaled. Prints a table; exits 1 when a run does not exit 1
 * or misses the target: at most 3× the reference's time and 500 MB.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_FILE_BYTES, MAX_YAML_TOKENS } from "../src/load/limits.js";
import { writeCatalog } from "./catalog-data.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin/cooltech.js");
const preload = new URL("./maxrss.js", import.meta.url).href;
const floorScript = fileURLToPath(new URL("./floor.js", import.meta.url));

const CATEGORIES = "- id: security\n  name: Security\n  description: Security.\n";
const HEAD = "- name: Falco\n  category: security\n  tags: [";
const under = MAX_YAML_TOKENS - 100;

const entry = (i: number) =>
  `- name: P${String(i).padStart(6, "0")}\n  category: security\n  tags: [a, b]\n  description: Entry.\n`;

const CASES: Array<[string, () => string]> = [
  ["6 MB `tags: [,,,…]` (refused)", () => `${HEAD}${",".repeat(6e6)}]\n`],
  ["3 MB flow list `[a,a,…]` (refused)", () => `${HEAD}${"a,".repeat(1.5e6)}a]\n`],
  [
    `${under.toLocaleString("en-US")} commas (just under the token limit)`,
    () => `${HEAD}${",".repeat(under)}]\n`,
  ],
  [
    `${under.toLocaleString("en-US")}-item flow list (just under)`,
    () => `${HEAD}${"a,".repeat(under)}a]\n`,
  ],
  [
    `${(MAX_FILE_BYTES / 1e6 + 1).toFixed(0)} MB file (refused)`,
    () => entry(0).repeat(Math.ceil((MAX_FILE_BYTES + 1e6) / entry(0).length)),
  ],
  [
    "canonical, 60,000 entries, one error (located from lines)",
    () =>
      Array.from({ length: 60000 }, (_, i) =>
        i === 59990 ? entry(i).replace("[a, b]", "[a, a]") : entry(i),
      ).join(""),
  ],
  [
    "20,000 entries, a syntax error in the first (re-parsed per entry)",
    () =>
      `- name: "A\n  category: security\n${Array.from({ length: 20000 }, (_, i) => entry(i)).join("")}`,
  ],
];

interface Result {
  label: string;
  mb: number;
  ms: number;
  rssMb: number;
  code: number | null;
  first: string;
}

/** Runs `node --import maxrss.js ARGS` once in `dir`. */
function measure(dir: string, args: string[]) {
  const rss = join(dir, "rss.json");
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--import", preload, ...args], {
    cwd: dir,
    env: { ...process.env, BENCH_RSS_OUT: rss, NO_COLOR: "1", GITHUB_ACTIONS: "" },
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - start;
  const usage = JSON.parse(readFileSync(rss, "utf8")) as { maxRssKb: number };
  return { ms, rssMb: usage.maxRssKb / 1024, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function run(work: string, label: string, text: string): Result {
  const dir = mkdtempSync(join(work, "case-"));
  writeFileSync(join(dir, "projects.yaml"), text);
  writeFileSync(join(dir, "categories.yaml"), CATEGORIES);
  const r = measure(dir, [bin, "validate", "--data", "."]);
  const first = (r.stdout.split("\n").find((l) => / error /.test(l)) ?? r.stderr).slice(0, 90);
  return { label, mb: text.length / 1e6, ms: r.ms, rssMb: r.rssMb, code: r.code, first };
}

function reference(work: string): Result {
  const dir = mkdtempSync(join(work, "floor-"));
  writeCatalog(dir, 10000);
  const projects = join(dir, "projects.yaml");
  const r = measure(dir, [floorScript, projects]);
  const label = "reference: `yaml.parse` of 10,000 canonical entries";
  const mb = readFileSync(projects).length / 1e6;
  return { label, mb, ms: r.ms, rssMb: r.rssMb, code: r.code, first: "" };
}

const work = mkdtempSync(join(tmpdir(), "cooltech-bench-hostile-"));
const results: Result[] = [];
let floor: Result;
try {
  floor = reference(work);
  for (const [label, make] of CASES) {
    process.stderr.write(`${label}…\n`);
    results.push(run(work, label, make()));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const row = (r: Result, mark: string) =>
  `| ${mark}${r.label} | ${r.mb.toFixed(1)} MB | ${r.code} | ${(r.ms / 1000).toFixed(2)} s (${(r.ms / floor.ms).toFixed(2)}×) | ${r.rssMb.toFixed(0)} MB | ${r.first.replaceAll("|", "\\|")} |`;
console.log("| input | size | exit | wall (× reference) | peak RSS | first message |");
console.log("|---|---|---|---|---|---|");
console.log(row(floor, ""));
let missed = 0;
for (const r of results) {
  const ok = r.code === 1 && r.ms <= 3 * floor.ms && r.rssMb <= 500;
  if (!ok) missed++;
  console.log(row(r, ok ? "" : "✖ "));
}
console.log(
  `\nNode ${process.version}; limits: ${MAX_FILE_BYTES / 1e6} MB a file, ${MAX_YAML_TOKENS.toLocaleString("en-US")} YAML tokens for the full parser.`,
);
if (missed > 0) {
  console.log(`${missed} case(s) missed the target (exit 1, ≤ 3× the reference, ≤ 500 MB)`);
  process.exitCode = 1;
}

/**
 * `npm run bench:refresh`: on the fake GitHub (100 ms per request + 5 ms per
 * repository resolved), side by side for 2,000 repositories:
 *   (a) per-repo REST, one at a time (what most scripts do),
 *   (b) per-repo REST, 10 at a time,
 *   (c) `cooltech refresh` (the real CLI as a child process, peak RSS measured),
 * and (c) again for 20,000 repositories. Prints the figures and the targets,
 * exits 1 when a target is missed. The targets hold against the fake's default
 * pricing (a connection asking only `totalCount` fetches no page and costs
 * nothing); (c) also runs once against `strictCost: true`, which charges it
 * too, as an informational row: what refresh costs if GitHub does that.
 *   --quick   time (a) on 200 repositories and extrapolate (clearly labelled)
 */
import { onePointBatch } from "../src/github/batch-size.js";
import { MAX_BATCH_SIZE } from "../src/github/query.js";
import { startFakeGitHub, syntheticRepos } from "../test/fake-github/index.js";
import { TOKEN } from "./refresh-child.js";
import { cooltech, type Row, restLoop } from "./refresh-runs.js";

const LATENCY_MS = 100;
const PER_REPO_MS = 5;
const N = 2_000;
const BIG = 20_000;
const QUICK_SAMPLE = 200;
const quick = process.argv.includes("--quick");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
const fmt = (n: number) => n.toLocaleString("en-US");
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<number> {
  const all = syntheticRepos(BIG, 42).map((r) => ({ ...r, formerNames: [] }));
  const small = all.slice(0, N);
  const fake = { token: TOKEN, latencyMs: LATENCY_MS, perRepoLatencyMs: PER_REPO_MS };
  const gh = await startFakeGitHub({
    repos: all,
    ...fake,
    graphqlPoints: 100_000,
    restLimit: 100_000,
  });
  // GitHub's cost doc is silent on totalCount-only connections: this fake charges them too.
  const strict = await startFakeGitHub({ repos: small, ...fake, strictCost: true });
  const rows: Row[] = [];
  try {
    process.stderr.write(`(c) cooltech refresh, ${fmt(N)} repos, 3 runs...\n`);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await cooltech(gh, small));
    const c = { ...(runs[1] as Row), ms: median(runs.map((r) => r.ms)) };
    c.rssMb = Math.max(...runs.map((r) => r.rssMb ?? 0));
    process.stderr.write(`(c) cooltech refresh, ${fmt(BIG)} repos...\n`);
    const c20 = await cooltech(gh, all);
    process.stderr.write(`(c) cooltech refresh, ${fmt(N)} repos, strict cost...\n`);
    const cStrict: Row = {
      ...(await cooltech(strict, small, "(c) cooltech refresh, strict cost")),
      note: "informational, not a target: if GitHub charges totalCount-only connections (fake with strictCost)",
    };
    process.stderr.write(`(b) REST, 10 at a time, ${fmt(N)} repos...\n`);
    const b = await restLoop(gh, small, 10);
    const aRepos = quick ? small.slice(0, QUICK_SAMPLE) : small;
    process.stderr.write(
      `(a) REST, one at a time, ${fmt(aRepos.length)} repos (~${Math.round((aRepos.length * (LATENCY_MS + PER_REPO_MS)) / 1000)} s)...\n`,
    );
    const aRaw = await restLoop(gh, aRepos, 1);
    const scale = N / aRepos.length;
    const a: Row = {
      label: "(a) REST, one at a time",
      repos: N,
      ms: aRaw.ms * scale,
      requests: aRaw.requests * scale,
      points: aRaw.points * scale,
      budget: "REST requests",
      rssMb: null,
      ...(quick && { note: `extrapolated ×${scale} from ${aRepos.length} repos (--quick)` }),
    };
    rows.push(
      a,
      { label: "(b) REST, 10 at a time", repos: N, ...b, budget: "REST requests", rssMb: null },
      c,
      c20,
      cStrict,
    );
  } finally {
    await Promise.all([gh.close(), strict.close()]);
  }
  return report(rows);
}

/** Prints the table and the targets; 0 when every target is met. */
function report(rows: Row[]): number {
  const [a, , c, c20, cStrict] = rows as [Row, Row, Row, Row, Row];
  printTable(rows, a);
  const pointsMax = Math.ceil(N / 100) + 2;
  const targets: Array<[string, boolean, string]> = [
    [`(c) GraphQL points ≤ ${pointsMax}`, c.points <= pointsMax, fmt(c.points)],
    ["(c) requests ≤ 30", c.requests <= 30, fmt(c.requests)],
    ["(c) wall time ≤ 5 s", c.ms <= 5000, secs(c.ms)],
    ["(c) ≥ 40× faster than (a)", a.ms / c.ms >= 40, `${(a.ms / c.ms).toFixed(1)}×`],
    ["(c) peak RSS ≤ 200 MB", (c.rssMb ?? 0) <= 200, `${(c.rssMb ?? 0).toFixed(0)} MB`],
    [
      `(c) ${fmt(BIG)} repos: wall grows at most linearly (≤ ${BIG / N}× the ${fmt(N)} time)`,
      c20.ms <= (BIG / N) * c.ms,
      `${(c20.ms / c.ms).toFixed(1)}×`,
    ],
  ];
  console.log("\nTargets:");
  for (const [name, ok, value] of targets) console.log(`  ${ok ? "✔" : "✖"} ${name}: ${value}`);
  // At that pricing each repository is 2 requests: after a first query of 100, one point buys 74.
  const perPoint = onePointBatch(2, MAX_BATCH_SIZE);
  const strictOptimum = Math.ceil((N - MAX_BATCH_SIZE) / perPoint) + 2;
  console.log(
    `\nInformational, not a target: if GitHub charges totalCount-only connections, refresh's first\n` +
      `query (${cStrict.batch?.initial} repositories) costs ${cStrict.batch?.firstCost} points, the rest go ${cStrict.batch?.final} per query: ` +
      `${fmt(cStrict.points)} points, ${fmt(cStrict.requests)} requests, ${secs(cStrict.ms)}\n` +
      `(the least possible once the first query has measured: ceil(${fmt(N - MAX_BATCH_SIZE)}/${perPoint}) + 2 = ${strictOptimum} points).`,
  );
  return targets.every(([, ok]) => ok) ? 0 : 1;
}

/** Repositories per GraphQL query: "100", or "100 → 74" when the first query's cost shrank it. */
const batchText = (r: Row) =>
  !r.batch
    ? "-"
    : r.batch.final === r.batch.initial
      ? `${r.batch.initial}`
      : `${r.batch.initial} → ${r.batch.final}`;

function printTable(rows: Row[], a: Row): void {
  console.log(
    `\nrefresh benchmark: fake GitHub, ${LATENCY_MS} ms per request + ${PER_REPO_MS} ms per repository resolved\n`,
  );
  const head = [
    "run",
    "repos",
    "wall",
    "requests",
    "rate-limit cost",
    "repos/query",
    "peak RSS",
    "speed-up vs (a)",
  ];
  // Footnote marks: *, **, ... in the order of the rows that have a note.
  const noted = rows.filter((r) => r.note);
  const mark = (r: Row) => "*".repeat(noted.indexOf(r) + 1);
  const body = rows.map((r) => [
    r.label + (r.note ? ` ${mark(r)}` : ""),
    fmt(r.repos),
    secs(r.ms),
    fmt(Math.round(r.requests)),
    `${fmt(Math.round(r.points))} ${r.budget}`,
    batchText(r),
    r.rssMb === null ? "-" : `${r.rssMb.toFixed(0)} MB`,
    r.repos === a.repos ? `${(a.ms / r.ms).toFixed(1)}×` : "-",
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((r) => (r[i] as string).length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(" | ")} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of body) console.log(line(r));
  for (const r of noted) console.log(`${mark(r)} ${r.note}`);
}

process.exitCode = await main();

/**
 * `npm run bench:site`: the site's size and speed (issue #11's budgets).
 *
 * - Page, script and styles without the data (index.html less its two data
 *   blocks): at most 100 KB. The whole page too, raw and gzipped.
 * - In headless Chromium, served over HTTP from 127.0.0.1, owners' avatars
 *   answered locally after 150 ms (bench-only routing: the page keeps its CSP):
 *   first cards painted (navigation start to the frame after the page
 *   script's "cooltech:first-render" mark) at most 1 s for 2,500 projects and
 *   1.5 s for 10,000; the whole directory ready ("cooltech:ready"); a search
 *   keystroke (input event to results replaced) at most 50 ms at 10,000; and
 *   the cumulative layout shift while avatars load, before and after
 *   scrolling a screen: 0.
 *
 * Prints the figures and exits 1 when a target is missed. BENCH_RUNS overrides
 * the number of page loads per size (default 7; medians reported, after one
 * warm-up load).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { DEFAULT_BRANDING } from "../src/core/branding.js";
import type { Directory } from "../src/core/model.js";
import { renderSite, writeSite } from "../src/site/build/index.js";
import { syntheticDirectory, syntheticHistory } from "../test/fixtures/site/synthetic.js";
import { launchBrowser } from "../test/helpers/browser.js";
import { startStaticServer } from "../test/helpers/static-server.js";
import { type LoadFigures, measureLoad, median } from "./site-load.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZE_BUDGET = 100 * 1024;
const PAINT_BUDGET: Record<number, number> = { 2500: 1000, 10000: 1500 };
const KEYSTROKE_BUDGET = 50;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function readDirectory(file: string): Promise<Directory | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Directory;
  } catch {
    return undefined;
  }
}

/** index.html without the contents of its data blocks: page, script and styles. */
function withoutData(html: string): number {
  const data = /<script type="application\/(json|gzip)" id="[^"]+">.*?<\/script>/gs;
  return Buffer.byteLength(html.replace(data, ""));
}

const out = await mkdtemp(join(tmpdir(), "cooltech-bench-site-"));
const failures: string[] = [];
try {
  const big = (n: number): Directory => syntheticDirectory(n);
  const sites: Array<[string, Directory | undefined]> = [
    ["fixture", await readDirectory(join(root, "test/fixtures/site/directory.json"))],
    ["data/", await readDirectory(join(root, "data/directory.json"))],
    ["2500", big(2500)],
    ["10000", big(10_000)],
  ];
  console.log("page size (index.html)   projects   without data     whole page   gzipped");
  for (const [name, dir] of sites) {
    if (dir === undefined) {
      console.log(`  ${name.padEnd(22)} (no directory.json)`);
      continue;
    }
    const history = /^\d+$/.test(name) ? syntheticHistory(dir) : undefined;
    const files = renderSite(dir, DEFAULT_BRANDING, [], history);
    await writeSite(join(out, name.replace("/", "")), files);
    const html = files.get("index.html") ?? "";
    const shell = withoutData(html);
    const whole = Buffer.from(html);
    console.log(
      `  ${name.padEnd(22)} ${String(dir.projects.length).padStart(8)} ${kib(shell).padStart(14)} ${kib(whole.length).padStart(14)} ${kib(gzipSync(whole).length).padStart(9)}`,
    );
    if (shell > SIZE_BUDGET) failures.push(`${name}: page without data is ${kib(shell)} > 100 KiB`);
  }

  const server = await startStaticServer(out);
  const browser = await launchBrowser();
  try {
    for (const n of [2500, 10_000]) {
      const runs: LoadFigures[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const figures = await measureLoad(browser, `${server.url}${n}/index.html`);
        if (i > 0) runs.push(figures); // the first load warms the browser's caches: not counted
      }
      const col = (k: keyof LoadFigures) => runs.map((r) => r[k]);
      const row = (label: string, xs: number[], unit = ms) =>
        console.log(
          `  ${label.padEnd(44)} ${unit(median(xs)).padStart(8)}   (max ${unit(Math.max(...xs))})`,
        );
      console.log(
        `\n${n.toLocaleString("en-US")} projects in headless Chromium, median of ${RUNS} loads`,
      );
      row("first cards painted", col("painted"));
      row("whole directory ready (search, filters)", col("ready"));
      row("search keystroke (input → results)", col("keystroke"));
      row("layout shift while avatars load (CLS)", col("cls"), (x) => x.toFixed(4));
      const budget = PAINT_BUDGET[n] ?? 1000;
      if (median(col("painted")) > budget) {
        failures.push(`${n}: first cards painted at ${ms(median(col("painted")))} > ${budget} ms`);
      }
      if (n === 10_000 && median(col("keystroke")) > KEYSTROKE_BUDGET) {
        failures.push(
          `${n}: a keystroke takes ${ms(median(col("keystroke")))} > ${KEYSTROKE_BUDGET} ms`,
        );
      }
      if (Math.max(...col("cls")) > 0)
        failures.push(`${n}: layout shift ${Math.max(...col("cls"))} > 0`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await rm(out, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`\nMissed: ${failures.join("; ")}`);
  process.exitCode = 1;
} else {
  console.log(
    "\nTargets met: page without data ≤ 100 KiB; first cards ≤ 1 s (2,500) and ≤ 1.5 s (10,000); keystroke ≤ 50 ms (10,000); CLS 0.",
  );
}

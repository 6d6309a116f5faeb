/**
 * The suite runs in a few test processes instead of one per file. Each
 * `group-N.test.ts` beside this file runs its share of `test/*.test.ts`, each
 * file inside a `describe` named after it, so a file's hooks stay its own.
 * Which files go where is computed, not listed: a new test file always runs,
 * and adding a `group-N.test.ts` spreads the files over one more process.
 *
 * Why: a test process costs about 0.35 s of CPU to start before its first
 * test, and the files that drive the fake GitHub, the refresh or the real
 * lists each paid again for loading and warming up the same modules and for
 * building GitHub's schema (0.5 s). Across 83 files that was a third of the
 * suite's CPU. A single file still runs alone: `node --test dist/test/X.test.js`.
 *
 * npm test gives the group processes a larger young generation
 * (`--max-semi-space-size=64`, which `node --test` passes on to them): these
 * long-lived processes spent close to a tenth of their CPU collecting
 * short-lived garbage, and fewer, larger young-generation collections cost less.
 */
import { readdirSync } from "node:fs";
import { basename } from "node:path";
import { describe } from "node:test";
import { fileURLToPath } from "node:url";

/**
 * About how many seconds a file takes inside its group while `npm test`
 * runs the four groups on a 2-core machine, waits included (the link
 * checker's fixtures wait 2 × 10 s for a link that never answers): the
 * `duration_ms` npm test reports for the file's `describe`. Only the slow
 * files are listed; the others count as DEFAULT_SECONDS. Stale figures only
 * unbalance the groups; they never leave a file out.
 */
export const SECONDS: Readonly<Record<string, number>> = {
  "links-cli": 25,
  "links-report": 21,
  "refresh-stop": 20,
  "site-browser": 20,
  package: 11,
  "links-deadlines": 10,
  "contributor-flow": 10,
  "refresh-nightly": 8,
  "refresh-workflow": 8,
  "site-xss": 8,
  "refresh-avatars": 7,
  "refresh-faults": 7,
  "enrich-lookup-cost": 6,
  "import-real": 6,
  "fmt-canonical-check": 5,
  "site-e2e": 5,
  "catalog-hostile": 5,
  "enrich-lookup-faults": 5,
  "catalog-hostile-more-limits": 4,
  "editor-lsp": 4,
  "pr-check": 4,
  "refresh-contract": 4,
  "enrich-lookup": 4,
  "refresh-budget": 3,
  "import-simple-yaml": 3,
  refresh: 3,
  "maintenance-real": 3,
  "fake-github-rest": 3,
  "browser-helper": 2,
  "refresh-confirmed": 2,
  "catalog-hostile-more": 2,
  "cli-binary": 2,
};
export const DEFAULT_SECONDS = 1;

/** The test files in `dir` (a `dist/test/` folder), by name. */
export function testFiles(dir: URL): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".test.js"))
    .sort();
}

function seconds(file: string, table: Readonly<Record<string, number>>): number {
  return table[file.replace(/\.test\.js$/, "")] ?? DEFAULT_SECONDS;
}

/**
 * Splits `files` into `count` groups of about equal time: the slowest file
 * first, each into the group with the least time so far (ties: the lower
 * group). Every file lands in exactly one group; the same input gives the same plan.
 */
export function plan(
  files: readonly string[],
  count: number,
  table: Readonly<Record<string, number>> = SECONDS,
): string[][] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`group count ${count}`);
  const groups = Array.from({ length: count }, () => ({ seconds: 0, files: [] as string[] }));
  const slowestFirst = [...files].sort(
    (a, b) => seconds(b, table) - seconds(a, table) || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const file of slowestFirst) {
    const group = groups.reduce((least, g) => (g.seconds < least.seconds ? g : least));
    group.files.push(file);
    group.seconds += seconds(file, table);
  }
  return groups.map((g) => g.files);
}

/**
 * Registers this group's share of the test files, for a `group-N.test.js`
 * given its own `import.meta.url`: N among the group files beside it says which share.
 */
export function runGroup(groupUrl: string): void {
  const here = new URL(".", groupUrl);
  const tests = new URL("..", here);
  const groupFiles = readdirSync(here)
    .filter((f) => /^group-\d+\.test\.js$/.test(f))
    .sort((a, b) => groupNumber(a) - groupNumber(b));
  const index = groupFiles.indexOf(basename(fileURLToPath(groupUrl)));
  if (index < 0) throw new Error(`${groupUrl} is not a group-N.test.js beside plan.js`);
  for (const file of plan(testFiles(tests), groupFiles.length)[index] ?? []) {
    describe(file, async () => {
      await import(new URL(file, tests).href);
    });
  }
}

function groupNumber(file: string): number {
  return Number(/\d+/.exec(file)?.[0]);
}

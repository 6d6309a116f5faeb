#!/usr/bin/env node
/**
 * `npm run build`: a clean `dist/`, then the three TypeScript projects in
 * turn (Node code without DOM types, the page's browser code, the tests that
 * drive a browser; they emit some of the same files, so they never run at
 * once). With `--lint` (what `npm test` uses), `biome check .` runs
 * alongside: it reads the sources only, never `dist/`, and the two together
 * take the time of the longer one. Each tool's output is printed whole, in
 * that order, once it has finished; the exit code is 1 if any failed.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));
const TSC = join(packageDir("typescript"), "bin", "tsc");
const BIOME = join(packageDir("@biomejs/biome"), "bin", "biome");
const PROJECTS = ["tsconfig.json", "src/site/client/tsconfig.json", "test/tsconfig.browser.json"];

/** Runs a Node script of a package; resolves to its exit code and everything it printed. */
function run(script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("error", (error) => resolve({ code: 1, output: `${error.message}\n` }));
    child.on("close", (code) => resolve({ code: code ?? 1, output: Buffer.concat(output) }));
  });
}

async function build() {
  rmSync(join(root, "dist"), { recursive: true, force: true });
  for (const project of PROJECTS) {
    const result = await run(TSC, ["-p", project]);
    if (result.code !== 0) return { ...result, what: `tsc -p ${project}` };
  }
  return { code: 0, output: "", what: "tsc" };
}

const lint = process.argv.includes("--lint");
const results = await Promise.all([
  build(),
  ...(lint ? [run(BIOME, ["check", "."]).then((r) => ({ ...r, what: "biome check ." }))] : []),
]);
for (const { code, output, what } of results) {
  process.stdout.write(output);
  if (code !== 0) process.stderr.write(`build: ${what} failed (exit ${code})\n`);
}
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;

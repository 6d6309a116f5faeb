#!/usr/bin/env node
// Thin launcher: the CLI is compiled from TypeScript into dist/ by `npm ci` (the
// `prepare` script) or `npm run build`.
import { existsSync } from "node:fs";

const entry = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "cooltech: the compiled CLI is missing (dist/). Run `npm ci` or `npm run build` first.\n",
  );
  process.exit(2);
}
const { runMain } = await import(entry.href);
process.exitCode = await runMain(process.argv.slice(2));

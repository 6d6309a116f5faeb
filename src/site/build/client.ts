/**
 * The page script, made from the compiled client modules in dist/src/site/client/
 * (and the shared formatters in dist/src/core/format.js).
 *
 * The page inlines one classic script (module scripts and fetch do not work
 * from file://), so the modules are concatenated in dependency order with
 * their import/export syntax removed. That works because the client modules
 * keep to a simple shape: top-level names unique across files, imports only
 * from each other, and `export` only on declarations. The tests check that the
 * result parses and has no module syntax left.
 */
import { readFileSync } from "node:fs";

/** Client modules in dependency order (data.ts is types only and emits nothing useful). */
export const MODULES = [
  "../../core/format.js",
  "../client/wire.js",
  "../client/state.js",
  "../client/freshness.js",
  "../client/badges.js",
  "../client/select.js",
  "../client/dom.js",
  "../client/logo.js",
  "../client/star-path.js",
  "../client/sparkline.js",
  "../client/cards.js",
  "../client/dense.js",
  "../client/history-chart.js",
  "../client/detail.js",
  "../client/stats-data.js",
  "../client/charts.js",
  "../client/stats.js",
  "../client/results.js",
  "../client/list-view.js",
  "../client/pages.js",
  "../client/header.js",
  "../client/preview.js",
  "../client/app.js",
] as const;

/** Removes `import ... from "./x.js";` or `"../x.js"` (one or several lines) and the `export` keyword. */
export function stripModuleSyntax(source: string): string {
  return source
    .replace(/^import\s[^;]*?\sfrom\s+"\.\.?\/[^"]+";[ \t]*\r?\n?/gm, "")
    .replace(/^export\s*\{\s*\};?[ \t]*\r?\n?/gm, "")
    .replace(/^export\s+(?=(?:async\s+)?function|const|let|class)/gm, "")
    .replace(/^\/\/# sourceMappingURL=.*$/gm, "")
    .trimEnd();
}

let cached: string | undefined;

/** The page script: an IIFE so nothing leaks into the page's globals. */
export function clientScript(): string {
  if (cached !== undefined) return cached;
  const parts = MODULES.map((name) => {
    const url = new URL(name, import.meta.url);
    let source: string;
    try {
      source = readFileSync(url, "utf8");
    } catch (error) {
      throw new Error(
        `the compiled page script ${url.pathname} is missing: run \`npm run build\``,
        {
          cause: error,
        },
      );
    }
    return `// ${name}\n${stripModuleSyntax(source)}`;
  });
  cached = `(() => {\n"use strict";\n${parts.join("\n")}\n})();\n`;
  return cached;
}

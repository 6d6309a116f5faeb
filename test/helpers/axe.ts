/**
 * axe-core (a devDependency) in a page: injected through the DevTools
 * protocol (page.evaluate), which the page's Content-Security-Policy does not
 * govern, so the page is checked with its real policy in force.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }>;
}

/**
 * Every axe violation on the page as it is now, one line each ("rule: help at
 * selector, …"); in the element `within` only when given (the rest of the page
 * was checked already: it saves time on a loaded machine).
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the script above defines
    (sel) => (window as any).axe.run(sel ?? document, { resultTypes: ["violations"] }),
    within,
  )) as AxeResult;
  return result.violations.map(
    (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/**
 * One headless browser and one static server for a test file's site tests:
 * pages open with the clock set (data ages are checked against a fixed day),
 * owners' avatars served locally (test/helpers/avatars.ts), and every page
 * error or console error collected, so that a CSP violation anywhere fails
 * the file.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { writeSite } from "../../src/site/build/index.js";
import { AVATAR_BROKEN, NOW } from "../fixtures/site/signals.js";
import { serveAvatars } from "./avatars.js";
import { launchBrowser } from "./browser.js";
import { type StaticServer, startStaticServer } from "./static-server.js";

export interface Harness {
  browser: Browser;
  server: StaticServer;
  root: string;
  /** Page errors and console errors seen so far. */
  errors: string[];
  /** A fresh page on `site` with the hash, once the list has rendered. */
  open(hash?: string, site?: string, options?: BrowserContextOptions): Promise<Page>;
  /** Closes a page from `open`, and its context unless it is the shared one. */
  done(page: Page): Promise<void>;
  close(): Promise<void>;
}

/** A context with the clock and avatars set up (avatars of `AVATAR_BROKEN` fail). */
export async function siteContext(
  browser: Browser,
  options: BrowserContextOptions = {},
  delayMs = 0,
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.clock.setFixedTime(new Date(NOW));
  await serveAvatars(context, { fails: (url) => url.startsWith(AVATAR_BROKEN), delayMs });
  return context;
}

/** Writes each site (name → files) under a temp folder, serves it, and launches the browser. */
export async function startHarness(sites: Record<string, Map<string, string>>): Promise<Harness> {
  const root = await mkdtemp(join(tmpdir(), "cooltech-site-"));
  for (const [name, files] of Object.entries(sites)) await writeSite(join(root, name), files);
  const server = await startStaticServer(root);
  const browser = await launchBrowser();
  const errors: string[] = [];
  let shared: BrowserContext | undefined;
  return {
    browser,
    server,
    root,
    errors,
    async open(hash = "", site = "fixture", options = {}) {
      // Pages share one context unless they need their own options: it saves a context per test.
      shared ??= await siteContext(browser);
      const own = Object.keys(options).length > 0;
      const context = own ? await siteContext(browser, options) : shared;
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        // The avatar made to fail is expected to log its 404.
        if (m.type() === "error" && !m.location().url.startsWith(AVATAR_BROKEN)) {
          errors.push(`console: ${m.text()}`);
        }
      });
      await page.goto(`${server.url}${site}/index.html${hash}`);
      // The list renders first whatever the page (a detail or the stats may hide it).
      await page.waitForSelector("#count:not(:empty)", { state: "attached" });
      return page;
    },
    done: (page) => (page.context() === shared ? page.close() : page.context().close()),
    async close() {
      await browser?.close();
      await server?.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

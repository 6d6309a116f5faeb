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
  /**
   * A page on `site` with the hash, once the list has rendered: always a
   * fresh document (a query makes each URL new), though the tab and its
   * context may be reused ones, since opening tabs costs much CPU.
   */
  open(hash?: string, site?: string, options?: BrowserContextOptions): Promise<Page>;
  /** A free tab in the context for `options`, errors watched, to navigate by hand. */
  page(options?: BrowserContextOptions): Promise<Page>;
  /** Gives back a page from `open` or `page`: it must not be used after. */
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
  // One context per set of options, and its free tabs: pages differ by their documents only.
  const contexts = new Map<string, Promise<BrowserContext>>();
  const free = new Map<BrowserContext, Page[]>();
  let opened = 0;
  const watch = (page: Page): Page => {
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      // The avatar made to fail is expected to log its 404.
      if (m.type() === "error" && !m.location().url.startsWith(AVATAR_BROKEN)) {
        errors.push(`console: ${m.text()}`);
      }
    });
    return page;
  };
  const page = async (options: BrowserContextOptions = {}): Promise<Page> => {
    const key = JSON.stringify(options);
    if (!contexts.has(key)) contexts.set(key, siteContext(browser, options));
    const context = await (contexts.get(key) as Promise<BrowserContext>);
    if (!free.has(context)) free.set(context, []);
    return free.get(context)?.pop() ?? watch(await context.newPage());
  };
  return {
    browser,
    server,
    root,
    errors,
    page,
    async open(hash = "", site = "fixture", options = {}) {
      const tab = await page(options);
      // The query makes the URL new, so the tab loads a new document even where only the hash differs.
      await tab.goto(`${server.url}${site}/index.html?open=${++opened}${hash}`);
      // The list renders first whatever the page (a detail or the stats may hide it).
      await tab.waitForSelector("#count:not(:empty)", { state: "attached" });
      return tab;
    },
    async done(tab) {
      const pool = free.get(tab.context());
      if (pool) pool.push(tab);
      else await tab.context().close();
    },
    async close() {
      await browser?.close();
      await server?.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

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
  /**
   * A page showing `site` at the hash, for tests about what a view shows or
   * does rather than about loading it: a document of `site` given back
   * earlier when there is one (the hash set in place, as a link would,
   * nothing focused, scrolled to the top), else a fresh one as `open` gives.
   * Each page load costs much CPU.
   */
  view(hash?: string, site?: string, options?: BrowserContextOptions): Promise<Page>;
  /** A free tab in the context for `options`, errors watched, to navigate by hand. */
  page(options?: BrowserContextOptions): Promise<Page>;
  /** A new tab of its own in the context for `options`, errors watched: close it, never give it back. */
  tab(options?: BrowserContextOptions): Promise<Page>;
  /** Gives back a page from `open`, `view` or `page`: it must not be used after. */
  done(page: Page): Promise<void>;
  close(): Promise<void>;
}

/** What `view` uses of a page's window. */
interface PageWindow {
  document: { activeElement: { blur?: () => void } | null };
  location: { hash: string; href: string };
  addEventListener(type: string, listener: () => void, options: { once: boolean }): void;
  scrollTo(x: number, y: number): void;
}

/** The window of the contexts unless a test asks for another. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

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
  // The site each tab's document is of, while it is one `view` may reuse.
  const shows = new Map<Page, string>();
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
  const contextFor = async (options: BrowserContextOptions): Promise<BrowserContext> => {
    const all = { ...DESKTOP, ...options };
    const key = JSON.stringify(all);
    if (!contexts.has(key)) contexts.set(key, siteContext(browser, all));
    const context = await (contexts.get(key) as Promise<BrowserContext>);
    if (!free.has(context)) free.set(context, []);
    return context;
  };
  const take = (pool: Page[], tab: Page): Page => {
    pool.splice(pool.indexOf(tab), 1);
    shows.delete(tab);
    return tab;
  };
  const page = async (options: BrowserContextOptions = {}): Promise<Page> => {
    const context = await contextFor(options);
    const pool = free.get(context) ?? [];
    const tab = pool.at(-1);
    return tab ? take(pool, tab) : watch(await context.newPage());
  };
  const open = async (hash = "", site = "fixture", options: BrowserContextOptions = {}) => {
    const tab = await page(options);
    // The query makes the URL new, so the tab loads a new document even where only the hash differs.
    await tab.goto(`${server.url}${site}/index.html?open=${++opened}${hash}`);
    // The list renders first whatever the page (a detail or the stats may hide it).
    await tab.waitForSelector("#count:not(:empty)", { state: "attached" });
    shows.set(tab, site);
    return tab;
  };
  return {
    browser,
    server,
    root,
    errors,
    page,
    open,
    async view(hash = "", site = "fixture", options = {}) {
      const pool = free.get(await contextFor(options)) ?? [];
      const reusable = pool.find((tab) => shows.get(tab) === site);
      if (!reusable) return open(hash, site, options);
      const tab = take(pool, reusable);
      shows.set(tab, site);
      // The page renders on hashchange, before listeners added after its own run.
      await tab.evaluate(async (to) => {
        // This file is Node code (no DOM types): the little of the page it needs.
        const w = globalThis as unknown as PageWindow;
        w.document.activeElement?.blur?.();
        const was = w.location.href;
        w.location.hash = to;
        // The event comes later, as a task, and only if the URL changed.
        if (w.location.href !== was) {
          await new Promise<void>((changed) =>
            w.addEventListener("hashchange", changed, { once: true }),
          );
        }
        w.scrollTo(0, 0);
      }, hash);
      return tab;
    },
    async tab(options = {}) {
      return watch(await (await contextFor(options)).newPage());
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

/**
 * The built site in headless Chromium, served like GitHub Pages would: search,
 * filters, sorting, URL state, badges, keyboard, lazy rendering, file://, and
 * the light, dark and phone layouts (screenshots of them, for a look, with
 * COOLTECH_SCREENSHOTS=DIR).
 * One browser for the whole file.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import type { Directory } from "../src/core/model.js";
import { renderSite, writeSite } from "../src/site/build/index.js";
import { syntheticDirectory } from "./fixtures/site/synthetic.js";
import { launchBrowser, skipBrowser } from "./helpers/browser.js";
import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

const FIXTURE = new URL("../../test/fixtures/site/directory.json", import.meta.url);

describe("site in a browser", { skip: skipBrowser() }, () => {
  let browser: Browser;
  let server: StaticServer;
  let root: string;
  let shared: BrowserContext | undefined;
  const errors: string[] = [];

  before(async () => {
    root = await mkdtemp(join(tmpdir(), "cooltech-site-"));
    const fixture = JSON.parse(await readFile(FIXTURE, "utf8")) as Directory;
    await writeSite(join(root, "fixture"), renderSite(fixture));
    await writeSite(join(root, "big"), renderSite(syntheticDirectory(300)));
    server = await startStaticServer(root);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
    // Any console error (a CSP violation, an exception) anywhere fails the file.
    assert.deepEqual(errors, []);
  });

  /** A fresh page on `site` with the given hash, once the first cards are rendered. */
  async function open(hash = "", site = "fixture", options: BrowserContextOptions = {}) {
    // Pages share one context unless they need their own options: it saves a context per test.
    shared ??= await browser.newContext();
    const context = Object.keys(options).length === 0 ? shared : await browser.newContext(options);
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.url}${site}/index.html${hash}`);
    await page.waitForSelector("#count:not(:empty)");
    return page;
  }
  /** Closes a page from `open`, and its context unless it is the shared one. */
  const done = (page: Page) => (page.context() === shared ? page.close() : page.context().close());
  const titles = (page: Page) => page.locator("#results .card-title").allTextContents();
  const hash = (page: Page) => page.evaluate(() => location.hash);

  test("renders every project, sorted by stars, projects without stars last", async () => {
    const page = await open();
    assert.deepEqual(await titles(page), [
      "Kubernetes",
      "Renovate",
      "Vitess",
      "gVisor",
      "Rook",
      "Falco",
      "Longhorn",
      "CNI",
      "CRI-O",
      "LitmusChaos",
      "kured",
      "SMI",
      "Cloud Provider Interface",
      "CRI",
      "arewefastyet",
      "CSI",
    ]);
    assert.equal(await page.textContent("#count"), "16 projects");
    assert.match(
      (await page.textContent("#summary")) ?? "",
      /16 projects in 6 categories · GitHub data from 2026-11-20/,
    );
    await done(page);
  });

  test("search as you type matches name, description, tags and topics; the hash follows", async () => {
    const page = await open();
    await page.locator("#q").pressSequentially("kubernetes storage");
    assert.deepEqual(await titles(page), ["Rook", "Longhorn"]);
    assert.equal(await page.textContent("#count"), "2 of 16 projects");
    assert.equal(await hash(page), "#q=kubernetes+storage");
    await page.locator("#q").fill("sharding"); // a GitHub topic of Vitess only
    assert.deepEqual(await titles(page), ["Vitess"]);
    await page.locator("#q").fill("no such thing");
    assert.deepEqual(await titles(page), []);
    assert.equal(await page.textContent("#count"), "No projects match.");
    await done(page);
  });

  test("filters by category and tag, from the menus and from a card's chips", async () => {
    const page = await open();
    await page.selectOption("#category", "container-runtimes");
    assert.deepEqual(await titles(page), ["Kubernetes", "gVisor", "CRI-O"]);
    await page.selectOption("#tag", "container-runtime");
    assert.deepEqual(await titles(page), ["gVisor", "CRI-O"]);
    assert.equal(await hash(page), "#category=container-runtimes&tag=container-runtime");
    await page.click("#reset");
    await page.getByRole("button", { name: "Show only tag ceph" }).click();
    assert.deepEqual(await titles(page), ["Rook"]);
    assert.equal(await page.evaluate(() => document.activeElement?.id), "tag");
    await done(page);
  });

  test("sorts by gain, name and last push", async () => {
    const page = await open();
    await page.selectOption("#sort", "trend7");
    assert.deepEqual((await titles(page)).slice(0, 4), [
      "Kubernetes",
      "Renovate",
      "gVisor",
      "Falco",
    ]);
    assert.deepEqual((await titles(page)).slice(-4), ["arewefastyet", "CRI", "CSI", "Longhorn"]);
    await page.selectOption("#sort", "name");
    assert.deepEqual((await titles(page)).slice(0, 5), [
      "arewefastyet",
      "Cloud Provider Interface",
      "CNI",
      "CRI",
      "CRI-O",
    ]);
    await page.selectOption("#sort", "pushed");
    assert.deepEqual((await titles(page)).slice(0, 2), ["Renovate", "Kubernetes"]);
    assert.equal((await titles(page)).at(-1), "CSI");
    await done(page);
  });

  test("restores the view from the URL, on reload, and with back/forward", async () => {
    const page = await open("#q=kube&category=storage&sort=name");
    assert.equal(await page.inputValue("#q"), "kube");
    assert.equal(await page.inputValue("#category"), "storage");
    assert.equal(await page.inputValue("#sort"), "name");
    assert.deepEqual(await titles(page), ["Longhorn", "Rook"]);
    await page.reload();
    await page.waitForSelector("#count:not(:empty)");
    assert.deepEqual(await titles(page), ["Longhorn", "Rook"]);
    await page.selectOption("#sort", "stars");
    assert.deepEqual(await titles(page), ["Rook", "Longhorn"]);
    await page.goBack();
    assert.equal(await page.inputValue("#sort"), "name");
    assert.deepEqual(await titles(page), ["Longhorn", "Rook"]);
    await page.goForward();
    assert.equal(await page.inputValue("#sort"), "stars");
    // A stale or hand-edited link falls back to what exists, rather than showing nothing.
    const stale = await open("#category=gone&tag=gone&sort=bogus");
    assert.equal((await titles(stale)).length, 16);
    await done(stale);
    await done(page);
  });

  test("shows badges, facts and only https links", async () => {
    const page = await open();
    const badge = async (name: string) =>
      page
        .locator(".card", { has: page.getByRole("heading", { name, exact: true }) })
        .locator(".badge")
        .allTextContents();
    assert.deepEqual(await badge("SMI"), ["archived"]);
    assert.deepEqual(await badge("kured"), ["moved"]);
    assert.deepEqual(await badge("arewefastyet"), ["missing"]);
    assert.deepEqual(await badge("Longhorn"), ["stale"]);
    assert.deepEqual(await badge("Rook"), []);
    const rook = page.locator(".card", { has: page.getByRole("heading", { name: "Rook" }) });
    const facts = await rook.locator(".facts li").allTextContents();
    assert.deepEqual(facts, [
      "Stars: ★ 12.7k",
      "Star gain: +22 7d · +95 30d",
      "License: Apache-2.0",
      "Language: Go",
      "Latest release: v1.15.5",
      "Last push: pushed 2026-11-19",
    ]);
    assert.deepEqual(
      await rook
        .locator(".links a")
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)),
      ["https://rook.io/", "https://github.com/rook/rook"],
    );
    const hrefs = await page
      .locator("a[href]")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    assert.ok(
      hrefs.every(
        (h) => h.startsWith("https://") || ["directory.json", "feed.xml", "feed.json"].includes(h),
      ),
      hrefs.join(" "),
    );
    await done(page);
  });

  test("works from the keyboard: labels, focus order, visible focus, / to search", async () => {
    const page = await open();
    for (const id of ["q", "category", "tag", "sort"]) {
      assert.equal(await page.locator(`label[for="${id}"]`).count(), 1, id);
    }
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "q");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "category");
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    assert.notEqual(outline, "none");
    assert.equal(await page.getAttribute("#count", "aria-live"), "polite");
    await done(page);
  });

  test("renders a first batch of a long list, then more on scroll or on Show more", async () => {
    const page = await open("", "big");
    assert.equal(await page.locator("#results .card").count(), 48);
    // Clicked in place: page.click would scroll it into view, which loads batches by itself.
    await page.evaluate(() => document.getElementById("more")?.click());
    assert.ok((await page.locator("#results .card").count()) >= 144);
    // Scrolling down loads the rest, a batch each time the button nears the viewport.
    // Scrolled to the bottom at every frame until all are there: no fixed pause or count of
    // scrolls (a loaded machine renders late); the long timeout only ends a broken page.
    await page.waitForFunction(
      () => {
        window.scrollTo(0, document.body.scrollHeight);
        return document.querySelectorAll("#results .card").length >= 300;
      },
      undefined,
      { timeout: 120_000 },
    );
    assert.equal(await page.locator("#results .card").count(), 300);
    assert.equal(await page.isHidden("#more"), true);
    await done(page);
  });

  test("works from file:// too (data embedded, no fetch)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(`${pathToFileURL(join(root, "fixture", "index.html")).href}#tag=ceph`);
    await page.waitForSelector("#count:not(:empty)");
    assert.deepEqual(await titles(page), ["Rook"]);
    await context.close();
  });

  test("light, dark and phone layouts: none scrolls sideways (screenshots on request)", async () => {
    const shots: Array<[string, BrowserContextOptions]> = [
      ["light", { viewport: { width: 1280, height: 900 }, colorScheme: "light" }],
      ["dark", { viewport: { width: 1280, height: 900 }, colorScheme: "dark" }],
      [
        "phone",
        {
          viewport: { width: 390, height: 844 },
          colorScheme: "light",
          isMobile: true,
          hasTouch: true,
        },
      ],
    ];
    // The pictures are for a person to look at, not compared: taken only when asked for,
    // with COOLTECH_SCREENSHOTS=DIR (a full-page capture costs seconds of CPU per run).
    const dir = process.env.COOLTECH_SCREENSHOTS;
    for (const [name, options] of shots) {
      const page = await open("", "fixture", options);
      if (dir) {
        const file = join(dir, `cooltech-site-${name}.png`);
        await page.screenshot({ path: file, fullPage: name !== "phone" });
      }
      // The phone layout must not scroll sideways.
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        true,
        name,
      );
      await done(page);
    }
  });
});

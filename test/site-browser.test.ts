/**
 * The built site in headless Chromium, served like GitHub Pages would: search,
 * filters, sorting, URL state, badges, keyboard, lazy rendering, file://;
 * then the views of issue #11 (site-browser-views.ts). One browser for the
 * whole file.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { skipBrowser } from "./helpers/browser.js";
import { BIG, browserSites } from "./helpers/site-browser-sites.js";
import { type Harness, startHarness } from "./helpers/site-harness.js";
import { viewTests } from "./site-browser-views.js";

describe("site in a browser", { skip: skipBrowser() }, () => {
  let h: Harness;
  const open = (...args: Parameters<Harness["open"]>) => h.open(...args);
  // For tests about what a view shows or does, not about loading it: it may reuse a document.
  const view = (...args: Parameters<Harness["view"]>) => h.view(...args);
  const done = (page: Page) => h.done(page);

  before(async () => {
    h = await startHarness(await browserSites());
  });
  after(async () => {
    await h?.close();
    // Any console error (a CSP violation, an exception) anywhere fails the file.
    assert.deepEqual(h?.errors ?? [], []);
  });

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
    const page = await view();
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
    const page = await view();
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
    const page = await view();
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
    const page = await view();
    const badge = async (name: string) =>
      page
        .locator(".card", { has: page.getByRole("heading", { name, exact: true }) })
        .locator(".badge")
        .allTextContents();
    assert.deepEqual(await badge("SMI"), ["archived"]);
    assert.deepEqual(await badge("kured"), ["moved"]);
    assert.deepEqual(await badge("arewefastyet"), ["missing"]);
    // Its data is from its last fetch, 2026-11-01: 20 days before the tests' clock.
    assert.deepEqual(await badge("Longhorn"), ["stale", "data 20 days old"]);
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
    const own = (href: string) =>
      ["directory.json", "feed.xml", "feed.json"].includes(href) ||
      /^#(\/p\/[a-z0-9-]+|\/stats)?$/.test(href);
    assert.ok(
      hrefs.every((href) => href.startsWith("https://") || own(href)),
      hrefs.join(" "),
    );
    await done(page);
  });

  test("works from the keyboard: labels, focus order, visible focus, / to search", async () => {
    const page = await view();
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
    const count = () => page.locator("#results .card").count();
    // 24 at once, and 48 more each time "Show more" nears the viewport (it may have already);
    // with room for the click's batch and at least one more batch to load on scroll.
    const first = await count();
    assert.ok(first < BIG - 48 && (first - 24) % 48 === 0, `${first} cards`);
    // Clicked in place: page.click would scroll it into view, which loads batches by itself.
    const [before, after] = await page.evaluate(() => {
      const n = () => document.querySelectorAll("#results .card").length;
      const was = n();
      document.getElementById("more")?.click();
      return [was, n()];
    });
    assert.equal(after, before + 48);
    // Scrolling down loads the rest, a batch each time the button nears the viewport.
    // Scrolled to the bottom at every frame until all are there: no fixed pause or count of
    // scrolls (a loaded machine renders late); the long timeout only ends a broken page.
    await page.waitForFunction(
      (all) => {
        window.scrollTo(0, document.body.scrollHeight);
        return document.querySelectorAll("#results .card").length >= all;
      },
      BIG,
      { timeout: 120_000 },
    );
    assert.equal(await page.locator("#results .card").count(), BIG);
    assert.equal(await page.isHidden("#more"), true);
    await done(page);
  });

  test("works from file:// too (data embedded, no fetch)", async () => {
    const page = await h.page();
    await page.goto(`${pathToFileURL(join(h.root, "fixture", "index.html")).href}#tag=ceph`);
    await page.waitForSelector("#count:not(:empty)");
    assert.deepEqual(await titles(page), ["Rook"]);
    await done(page);
  });

  viewTests(() => h);
});

/**
 * Hostile data in a real browser: names, descriptions, tags, categories,
 * GitHub fields, avatar URLs, maintenance marks and curators' notes carrying
 * HTML, script-closing tags, bidi overrides and javascript:/http:/foreign
 * URLs must render as inert text, in every view (cards, the compact list,
 * each detail view, the stats), and never as elements, handlers, links or
 * requests. Checked twice: with the page's Content-Security-Policy, and with
 * CSP bypassed, so the escaping is proven on its own and not only by the
 * policy behind it.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DEFAULT_BRANDING } from "../src/core/branding.js";
import { renderSite, toSiteData, writeSite } from "../src/site/build/index.js";
import { hostileDirectory, hostileHistory, PAYLOADS } from "./fixtures/site/hostile.js";
import { launchBrowser, skipBrowser } from "./helpers/browser.js";
import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

/** The page's own drawings: anything else svg is injected. */
const OWN_SVG = "svg.spark, svg.history-chart, svg.chart-bars, svg.chart-columns";

describe("site with hostile data", { skip: skipBrowser() }, () => {
  let browser: Browser;
  let server: StaticServer;
  let root: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), "cooltech-xss-"));
    await writeSite(root, renderSite(hostileDirectory(), DEFAULT_BRANDING, [], hostileHistory()));
    server = await startStaticServer(root);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  // One context and tab for each CSP setting (opening tabs costs much CPU); every test loads a
  // fresh document in it and sees only what fired since.
  const tabs = new Map<boolean, Promise<{ page: Page; fired: { now: string[] } }>>();
  let opened = 0;

  /** A tab with alert/confirm/prompt, page errors and requests leaving the server watched. */
  async function tab(bypassCSP: boolean) {
    const context = await browser.newContext({ bypassCSP });
    const page = await context.newPage();
    const fired = { now: [] as string[] };
    page.on("dialog", async (d) => {
      fired.now.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    page.on("pageerror", (e) => fired.now.push(`pageerror: ${e.message}`));
    // Nothing may be fetched but the page itself: no hostile avatar, no injected resource.
    await context.route(
      (url) => !url.href.startsWith(server.url),
      (route) => {
        fired.now.push(`request: ${route.request().url()}`);
        return route.abort();
      },
    );
    return { page, fired };
  }

  /** Tabs holding a loaded page, by CSP setting. */
  const loaded = new Set<boolean>();

  /**
   * Loads the page (a new document: the query makes the URL new) and hovers it; returns what
   * fired. `inPlace`: where the tab holds the page already, goes to the hash as a link would
   * instead, for checks about what the views render rather than about loading.
   */
  async function open(hash: string, bypassCSP: boolean, inPlace = false) {
    if (!tabs.has(bypassCSP)) tabs.set(bypassCSP, tab(bypassCSP));
    const { page, fired } = await (tabs.get(bypassCSP) as ReturnType<typeof tab>);
    fired.now = [];
    if (inPlace && loaded.has(bypassCSP)) {
      // The page renders on hashchange, before listeners added after its own run.
      await page.evaluate(async (to) => {
        const was = location.href;
        location.hash = to;
        if (location.href !== was) {
          await new Promise((changed) => addEventListener("hashchange", changed, { once: true }));
        }
      }, hash);
    } else {
      await page.goto(`${server.url}index.html?open=${++opened}${hash}`);
      await page.waitForSelector("#count:not(:empty)", { state: "attached" });
      loaded.add(bypassCSP);
    }
    await hoverAll(page);
    return { page, fired: fired.now };
  }

  /** Hovers everything, for injected on* handlers, and waits for any image to load or fail. */
  async function hoverAll(page: Page) {
    // Real mouse moves over each one; forced, as nothing here is about whether it could be clicked.
    for (const item of await page.locator(".card:visible, #rows-body tr:visible").all()) {
      await item.hover({ force: true });
    }
    // An injected <img src=x onerror=…> has fired its handler once it is complete.
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
  }

  async function assertInert(page: Page, fired: string[]) {
    assert.deepEqual(fired, []);
    assert.equal(await page.evaluate(() => (window as { __xss?: unknown }).__xss), undefined);
    const found = await page.evaluate((own) => {
      const svgs = [...document.querySelectorAll("svg")];
      return {
        scripts: document.scripts.length,
        injected:
          document.querySelectorAll("img, iframe, object, embed, b, style:not(head style)").length +
          svgs.filter((s) => !s.matches(own)).length,
        handlers: [...document.querySelectorAll("*")].flatMap((el) =>
          el.getAttributeNames().filter((n) => n.startsWith("on")),
        ),
        hrefs: [...document.querySelectorAll("[href], [src], [action], [formaction]")].map(
          (el) => el.getAttribute("href") ?? el.getAttribute("src") ?? "other",
        ),
        bidi: /[\u202a-\u202e\u2066-\u2069]/.test(document.body.textContent ?? ""),
      };
    }, OWN_SVG);
    assert.equal(found.scripts, 3, "only the preview and data blocks and the page script");
    assert.equal(found.injected, 0);
    assert.deepEqual(found.handlers, []);
    assert.equal(found.bidi, false, "bidi controls reach the page");
    // https links, the page's own files, and fragments of this page (#/p/…, #category=…): inert.
    const own = ["directory.json", "feed.xml", "feed.json", "data:,"];
    const ok = (h: string) => h.startsWith("https://") || h.startsWith("#") || own.includes(h);
    assert.ok(
      found.hrefs.every(ok),
      `unexpected link: ${found.hrefs.filter((h) => !ok(h)).join(", ")}`,
    );
  }

  for (const bypassCSP of [false, true]) {
    const label = bypassCSP ? "with CSP bypassed" : "with the page's CSP";
    test(`nothing executes and the payloads show as text (${label})`, async () => {
      const { page, fired } = await open("", bypassCSP);
      await assertInert(page, fired);
      const text = (await page.textContent("#results")) ?? "";
      for (const payload of PAYLOADS)
        assert.ok(text.includes(payload), `shown as text: ${payload}`);
      assert.ok(
        (await page.locator(".card-title").allTextContents()).includes(
          "<img src=x onerror=alert(1)>",
        ),
      );
      assert.ok(
        (await page.locator(".note").allTextContents()).includes(
          "Curator’s note: <img src=x onerror=alert(1)>",
        ),
      );
      assert.equal(await page.locator(".logo").count(), PAYLOADS.length); // initials, no image
      assert.equal(await page.locator("svg.spark").count(), PAYLOADS.length); // history under hostile names
    });

    test(`hostile search, filter and hash values stay inert (${label})`, async () => {
      const hash = `#q=${encodeURIComponent("</script><script>alert(1)</script>")}&tag=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`;
      const { page, fired } = await open(hash, bypassCSP);
      assert.equal(await page.inputValue("#q"), "</script><script>alert(1)</script>");
      assert.deepEqual(await page.locator(".card-title").allTextContents(), [
        "<img src=x onerror=alert(1)>", // its description is the searched text
        "</script><script>alert(1)</script>",
      ]);
      await page.locator("#q").fill("<svg onload=alert(1)>");
      await assertInert(page, fired);
    });

    test(`the compact list, every detail view and the stats stay inert (${label})`, async () => {
      const { page, fired } = await open("#view=dense", bypassCSP, true);
      assert.equal(await page.locator("#rows-body tr").count(), PAYLOADS.length);
      await assertInert(page, fired);
      for (const p of toSiteData(hostileDirectory()).projects) {
        await page.evaluate((slug) => {
          location.hash = `#/p/${encodeURIComponent(slug)}`;
        }, p.slug);
        await page.waitForFunction(
          (name) => document.getElementById("detail-title")?.textContent === name,
          p.name,
        );
        await assertInert(page, fired);
      }
      await page.evaluate(() => {
        location.hash = "#/stats";
      });
      await page.waitForSelector("#stats-title");
      await assertInert(page, fired);
    });
  }
});

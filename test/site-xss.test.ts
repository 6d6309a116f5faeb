/**
 * Hostile data in a real browser: names, descriptions, tags, categories and
 * GitHub fields carrying HTML, script-closing tags and javascript: URLs must
 * render as inert text, and never as elements, handlers or links. Checked
 * twice: with the page's Content-Security-Policy, and with CSP bypassed, so
 * the escaping is proven on its own and not only by the policy behind it.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { renderSite, writeSite } from "../src/site/build/index.js";
import { hostileDirectory, PAYLOADS } from "./fixtures/site/hostile.js";
import { launchBrowser, skipBrowser } from "./helpers/browser.js";
import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

describe("site with hostile data", { skip: skipBrowser() }, () => {
  let browser: Browser;
  let server: StaticServer;
  let root: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), "cooltech-xss-"));
    await writeSite(root, renderSite(hostileDirectory()));
    server = await startStaticServer(root);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** Opens the page with alert/confirm/prompt and a global flag watched; returns what fired. */
  async function open(hash: string, bypassCSP: boolean) {
    const context = await browser.newContext({ bypassCSP });
    const page = await context.newPage();
    const fired: string[] = [];
    page.on("dialog", async (d) => {
      fired.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    page.on("pageerror", (e) => fired.push(`pageerror: ${e.message}`));
    await page.goto(`${server.url}index.html${hash}`);
    await page.waitForSelector("#count:not(:empty)");
    // Hover and focus everything, for injected on* handlers, and give failing <img>s time to fire.
    for (const card of await page.locator(".card").all()) await card.hover();
    await page.waitForTimeout(200);
    return { page, fired };
  }

  async function assertInert(page: Page, fired: string[]) {
    assert.deepEqual(fired, []);
    assert.equal(await page.evaluate(() => (window as { __xss?: unknown }).__xss), undefined);
    const found = await page.evaluate(() => ({
      scripts: document.scripts.length,
      injected: document.querySelectorAll(
        "img, svg, iframe, object, embed, b, style:not(head style)",
      ).length,
      handlers: [...document.querySelectorAll("*")].flatMap((el) =>
        el.getAttributeNames().filter((n) => n.startsWith("on")),
      ),
      hrefs: [...document.querySelectorAll("[href], [src], [action], [formaction]")].map(
        (el) => el.getAttribute("href") ?? el.getAttribute("src") ?? "other",
      ),
    }));
    assert.equal(found.scripts, 2, "only the data block and the page script");
    assert.equal(found.injected, 0);
    assert.deepEqual(found.handlers, []);
    const own = ["directory.json", "feed.xml", "feed.json", "data:,"];
    const ok = (h: string) => h.startsWith("https://") || own.includes(h);
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
      await page.context().close();
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
      await page.context().close();
    });
  }
});

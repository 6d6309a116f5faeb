/**
 * The page's views in Chromium (registered by site-browser.test.ts, which
 * shares its browser): logos and their initials, sparklines, the compact
 * list, the detail view by URL with focus and back/forward, the stats, marks
 * for inactive and curator-marked entries, and axe-core on every view in
 * light and dark, at desktop and phone width (screenshots with COOLTECH_SCREENSHOTS=DIR).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { AVATAR_BROKEN } from "./fixtures/site/signals.js";
import { answerAvatars } from "./helpers/avatars.js";
import { axeViolations } from "./helpers/axe.js";
import type { Harness } from "./helpers/site-harness.js";

const card = (page: Page, name: string) =>
  page.locator(".card", { has: page.getByRole("heading", { name, exact: true }) });
const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName);

export function viewTests(harness: () => Harness): void {
  test("logos: the avatar lazily, in a box of fixed size; initials without one or when it fails", async () => {
    // Avatars answer late, as on a slow network: the layout must not move when they arrive.
    // A tab of its own (its routes and script stay with it), whose avatars answer late.
    const page = await harness().tab({ viewport: { width: 1280, height: 900 } });
    await answerAvatars(page, { fails: (url) => url.startsWith(AVATAR_BROKEN), delayMs: 300 });
    await page.addInitScript(() => {
      (window as { __cls?: number }).__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<PerformanceEntry & { value: number }>) {
          (window as { __cls?: number }).__cls =
            ((window as { __cls?: number }).__cls ?? 0) + e.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${harness().server.url}signals/index.html`);
    const beacon = card(page, "Beacon").locator(".logo img");
    assert.deepEqual(
      await beacon.evaluate((img: HTMLImageElement) => [
        img.getAttribute("src"),
        img.loading,
        img.decoding,
        img.width,
        img.height,
        img.alt,
      ]),
      ["https://avatars.githubusercontent.com/u/1001?v=4&s=80", "lazy", "async", 40, 40, ""],
    );
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll<HTMLImageElement>(".logo img")];
      return imgs.length === 1 && imgs[0]?.complete && (imgs[0]?.naturalWidth ?? 0) > 0;
    });
    // The failed one is gone, uncovering its initials; one without an avatar never had an image.
    assert.equal(await card(page, "Cinder Block").locator(".logo img").count(), 0);
    assert.equal(await card(page, "Cinder Block").locator(".logo").textContent(), "CB");
    assert.equal(await card(page, "Drift").locator(".logo").textContent(), "D");
    assert.equal(await card(page, "Drift").locator(".logo img").count(), 0);
    assert.equal(await page.evaluate(() => (window as { __cls?: number }).__cls), 0);
    await page.close();
  });

  test("sparklines on cards with history, with their label; none without", async () => {
    const page = await harness().view("", "signals");
    const spark = card(page, "Beacon").locator("svg.spark");
    assert.equal(await spark.getAttribute("role"), "img");
    assert.equal(await spark.getAttribute("aria-label"), "Stars over 90 days: 1,000 → 1,234");
    assert.match((await spark.locator("path").getAttribute("d")) ?? "", /^M2 22H\S+V\S+H/);
    assert.equal(await card(page, "Drift").locator("svg.spark").count(), 0);
    assert.equal(await page.locator("#results svg.spark").count(), 5);
    await harness().done(page);
  });

  test("marks: inactive, archived, a curator's note instead of the mark, old data; the header counts", async () => {
    const page = await harness().view("", "signals");
    const badges = (name: string) => card(page, name).locator(".badge").allTextContents();
    assert.deepEqual(await badges("Sleepy"), ["inactive"]);
    assert.deepEqual(await badges("Retired"), ["archived"]);
    assert.deepEqual(await badges("Fossil"), ["archived"]);
    assert.deepEqual(await badges("Legacy"), ["deprecated"]);
    assert.deepEqual(await badges("Finished"), []);
    assert.equal(
      await card(page, "Finished").locator(".note").textContent(),
      "Curator’s note: Stable; no changes needed.",
    );
    assert.deepEqual(await badges("Lagging"), ["stale", "data 16 days old"]);
    assert.match(
      (await page.textContent("#summary")) ?? "",
      /^10 projects in 2 categories · GitHub data from 2026-11-20 · 1 stale, 1 missing\.$/,
    );
    await page.selectOption("#activity", "inactive");
    assert.deepEqual(await page.locator(".card-title").allTextContents(), ["Sleepy"]);
    assert.equal(await page.evaluate(() => location.hash), "#activity=inactive");
    await page.selectOption("#activity", "curator");
    assert.deepEqual(await page.locator(".card-title").allTextContents(), ["Legacy", "Finished"]);
    await harness().done(page);
  });

  test("the compact list: one row per project, kept in the URL", async () => {
    const page = await harness().view("#activity=archived", "signals");
    await page.selectOption("#view", "dense");
    assert.equal(await page.evaluate(() => location.hash), "#activity=archived&view=dense");
    assert.equal(await page.isHidden("#results"), true);
    const rows = page.locator("#rows-body tr");
    assert.deepEqual(await rows.locator("th").allTextContents(), [
      "RRetired archived",
      "FFossil archived",
    ]);
    assert.deepEqual(await rows.first().locator("td").allTextContents(), [
      "300",
      "+34",
      "Go",
      "Apache-2.0",
      "2022-01-01",
    ]);
    await page.goBack();
    assert.equal(await page.isHidden("#rows"), true);
    assert.equal(await page.locator("#results .card").count(), 2);
    await harness().done(page);
  });

  test("the detail view: by URL, from a card (focus on its title), back and forward", async () => {
    const h = harness();
    const page = await h.open("#/p/beacon", "signals");
    assert.equal(await page.isHidden("#list-page"), true);
    assert.equal(await page.textContent("#detail-title"), "Beacon");
    assert.equal(await page.title(), "Beacon · Cool Tech");
    const field = async (label: string) =>
      page
        .locator("dl.fields dt", { hasText: label })
        .locator("xpath=following-sibling::dd[1]")
        .textContent();
    assert.equal(await field("Categories"), "Runtimes");
    assert.equal(await field("Latest release"), "v2.1.0 (2026-11-02)");
    assert.equal(await field("Created"), "2019-05-01");
    assert.equal(await field("Forks"), "123");
    assert.equal(await field("GitHub status"), "found on GitHub by the last refresh");
    assert.equal(await field("Last fetched"), "2026-11-20 03:00 UTC");
    assert.equal(
      await page.getAttribute("svg.history-chart", "aria-label"),
      "Stars from 2026-08-22 to 2026-11-20: 1,000 → 1,234 (3 changes)",
    );
    await page.click("a.back");
    assert.equal(await page.isVisible("#list-page"), true);
    await page.click('#results a[href="#/p/finished"]');
    assert.equal(await page.textContent("#detail-title"), "Finished");
    assert.equal(await focused(page), "Finished");
    assert.equal(
      await page.locator("#detail .note").textContent(),
      "Curator’s note: Stable; no changes needed.",
    );
    await page.goBack();
    assert.equal(await page.isVisible("#list-page"), true);
    assert.equal(await focused(page), "Finished"); // its link in the list, where the reader left off
    await page.goForward();
    assert.equal(await page.textContent("#detail-title"), "Finished");
    const nowhere = await h.open("#/p/no-such-thing", "signals");
    assert.equal(await nowhere.textContent("#detail-title"), "No such project");
    await h.done(nowhere);
    await h.done(page);
  });

  test("the stats: every chart, with its numbers for screen readers", async () => {
    const page = await harness().view("#/stats", "signals");
    assert.deepEqual(await page.locator(".stat h3").allTextContents(), [
      "Projects per category",
      "Languages",
      "Licences",
      "Projects by stars",
      "Maintenance",
      "Repositories by creation year",
    ]);
    const labels = await page
      .locator(".stat svg")
      .evaluateAll((svgs) => svgs.map((s) => s.getAttribute("aria-label")));
    assert.deepEqual(labels.slice(0, 1), ["Projects per category: Storage 6, Runtimes 4"]);
    assert.equal(
      labels[4],
      "Maintenance: Archived 2 (20%), Inactive 1 (10%), Deprecated 1 (10%), Marked by a curator 2 (20%)",
    );
    assert.equal((await page.locator(".stat rect.chart-bar").count()) > 10, true);
    assert.equal(await page.getAttribute("#nav-stats", "aria-current"), "page");
    await harness().done(page);
  });

  test("compact cards: at 1280×900 well over six cards are in view", async () => {
    const page = await harness().view("", "big", { viewport: { width: 1280, height: 900 } });
    const inView = await page
      .locator(".card")
      .evaluateAll(
        (cards) => cards.filter((c) => c.getBoundingClientRect().top < window.innerHeight).length,
      );
    assert.ok(inView >= 12, `${inView} cards in view`);
    // No tagline runs past three lines.
    const lines = await page
      .locator(".tagline")
      .evaluateAll((ps) =>
        ps.map((p) =>
          Math.round(
            p.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(p).lineHeight),
          ),
        ),
      );
    assert.ok(Math.max(...lines) <= 3, lines.join(" "));
    await harness().done(page);
  });

  test("every view passes axe, light and dark, and at phone width, without sideways scrolling", async () => {
    const desktop = { viewport: { width: 1280, height: 900 } };
    // Light and dark share a tab (the scheme is emulated per page); the phone needs its own context.
    const looks = [
      ["light", desktop, "light"],
      ["dark", desktop, "dark"],
      ["phone", { viewport: { width: 390, height: 844 }, isMobile: true }, "light"],
    ] as const;
    for (const [look, options, colorScheme] of looks) {
      const page = await harness().view("", "signals", options);
      await page.emulateMedia({ colorScheme });
      assert.equal(
        await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches),
        colorScheme === "dark",
      );
      // The list is checked whole (header, navigation, controls); the other views where they differ.
      for (const [view, hash, shown, within] of [
        ["list", "", "#results .card", undefined],
        ["dense", "#view=dense", "#rows-body tr", "#rows"],
        ["detail", "#/p/beacon", "#detail-title", "#detail"],
        ["stats", "#/stats", "#stats-title", "#stats"],
      ] as const) {
        await page.evaluate((to) => {
          location.hash = to;
        }, hash);
        await page.waitForSelector(shown);
        assert.deepEqual(await axeViolations(page, within), [], `${view}, ${look}`);
        const wide = await page.evaluate(
          () => document.documentElement.scrollWidth > window.innerWidth,
        );
        assert.equal(wide, false, `${view}, ${look}: scrolls sideways`);
        // For a person to look at (not compared), only when asked for with
        // COOLTECH_SCREENSHOTS=DIR: the list in each look, the other views on the phone.
        const shots = process.env.COOLTECH_SCREENSHOTS;
        if (shots && (view === "list" || look === "phone")) {
          await page.screenshot({ path: join(shots, `cooltech-site-${view}-${look}.png`) });
        }
      }
      await page.emulateMedia({ colorScheme: null }); // back to the context's, for the next user
      await harness().done(page);
    }
  });
}

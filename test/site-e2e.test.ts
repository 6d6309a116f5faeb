/**
 * The site end to end, from the local fake GitHub: two nights of `cooltech
 * refresh` (stars move, Falco is archived, Rook releases), then `cooltech
 * site`, loaded in Chromium. Avatars come from GitHub's answers, sparklines
 * from the history.json the refreshes wrote, the detail view opens by URL,
 * the stats render, and the change feed lists the day's changes.
 */
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Directory } from "../src/core/model.js";
import { demoRepos, type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import { skipBrowser } from "./helpers/browser.js";
import { fakeEnv, readJson, runCli, TOKEN, tempData } from "./helpers/refresh-cli.js";
import { type Harness, startHarness } from "./helpers/site-harness.js";

const DAY1 = "2026-11-19T03:00:00.000Z";
const DAY2 = "2026-11-20T03:00:00.000Z";

/** Every file under `dir`, by its path relative to it. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path, "utf8"));
  }
  return files;
}

describe("the site from two refreshes against the local GitHub", { skip: skipBrowser() }, () => {
  let gh: FakeGitHub;
  let tmp: Awaited<ReturnType<typeof tempData>>;
  let h: Harness;
  let directory: Directory;

  before(async () => {
    gh = await startFakeGitHub({ repos: demoRepos(), token: TOKEN });
    tmp = await tempData();
    const refresh = (now: string) =>
      runCli(["refresh", "--data", "data"], fakeEnv(gh, { COOLTECH_NOW: now }), tmp.dir);
    assert.equal((await refresh(DAY1)).code, 0);
    // The next day on GitHub: every count grows, Falco is archived, Rook has a new release.
    for (const repo of gh.repos.values()) repo.stars += 150;
    const falco = gh.repos.get("falcosecurity/falco");
    const rook = gh.repos.get("rook/rook");
    assert.ok(falco && rook);
    falco.archived = true;
    rook.latestRelease = {
      tagName: "v9.9.9",
      publishedAt: DAY2,
      url: "https://github.com/rook/rook/releases/tag/v9.9.9",
    };
    const second = await refresh(DAY2);
    assert.ok([0, 3].includes(second.code ?? -1), second.stderr);
    const site = await runCli(["site", "--data", "data", "--out", "site"], {}, tmp.dir);
    assert.equal(site.code, 0, site.stderr);
    directory = await readJson<Directory>(join(tmp.data, "directory.json"));
    h = await startHarness({ e2e: await filesOf(join(tmp.dir, "site")) });
  });
  after(async () => {
    await h?.close();
    await gh?.close();
    await tmp?.cleanup();
    assert.deepEqual(h?.errors ?? [], [], "no console error (a CSP violation, an exception)");
  });

  const card = (page: Awaited<ReturnType<Harness["open"]>>, name: string) =>
    page.locator("#results .card", { has: page.locator(".card-title", { hasText: name }) });

  test("avatars from GitHub's answers on the cards, a sparkline from the two nights", async () => {
    const falco = directory.projects.find((p) => p.name === "Falco");
    const avatar = falco?.github as { avatarUrl?: string } | null | undefined;
    assert.match(avatar?.avatarUrl ?? "", /^https:\/\/avatars\.githubusercontent\.com\//);
    const page = await h.open("", "e2e");
    const img = card(page, "Falco").locator(".logo img");
    assert.ok((await img.getAttribute("src"))?.startsWith(avatar?.avatarUrl ?? "?"));
    // Example Vault has no repository: its initials, no image.
    assert.equal(await card(page, "Example Vault").locator(".logo img").count(), 0);
    const label = await card(page, "Falco").locator("svg.spark").getAttribute("aria-label");
    const stars = (falco?.github?.stars ?? 0).toLocaleString("en-US");
    const before = ((falco?.github?.stars ?? 0) - 150).toLocaleString("en-US");
    assert.equal(label, `Stars over 90 days: ${before} → ${stars}`);
    assert.deepEqual(await card(page, "Falco").locator(".badge").allTextContents(), ["archived"]);
    await h.done(page);
  });

  test("the detail view by URL, and the stats view", async () => {
    const page = await h.open("#/p/rook", "e2e");
    assert.equal(await page.textContent("#detail-title"), "Rook");
    const release = page
      .locator("dl.fields dt", { hasText: "Latest release" })
      .locator("xpath=following-sibling::dd[1]");
    assert.match((await release.textContent()) ?? "", /^v9\.9\.9 \(2026-11-20\)$/);
    assert.ok((await page.locator("#detail svg").count()) > 0, "a star-history chart");
    await page.evaluate('location.hash = "#/stats"');
    await page.waitForSelector("#stats-title");
    assert.ok((await page.locator("#stats svg").count()) >= 5, "the stats charts");
    await h.done(page);
  });

  test("the feeds list the day's changes", async () => {
    const feed = JSON.parse(await readFile(join(tmp.dir, "site", "feed.json"), "utf8")) as {
      items: Array<{ title: string }>;
    };
    const titles = feed.items.map((i) => i.title);
    assert.ok(titles.includes("Falco archived"), titles.join(" | "));
    assert.ok(titles.includes("Rook released v9.9.9"), titles.join(" | "));
    assert.match(await readFile(join(tmp.dir, "site", "feed.xml"), "utf8"), /Falco archived/);
  });
});

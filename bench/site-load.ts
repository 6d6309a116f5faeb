/**
 * One page load of the site benchmark (bench/site.ts) in its own browser
 * context: when the first cards are painted, when the whole directory is
 * ready, a few search keystrokes, and the layout shift while avatars load.
 */
import type { Browser, Page } from "playwright-core";
import { serveAvatars } from "../test/helpers/avatars.js";

export interface LoadFigures {
  /** ms from navigation start to the frame after the first cards are in the DOM. */
  painted: number;
  /** ms from navigation start to the whole directory rendered and searchable. */
  ready: number;
  /** Median ms of a few search keystrokes (input event to results replaced). */
  keystroke: number;
  /** Cumulative layout shift until the avatars of two screens have loaded. */
  cls: number;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

type Probe = { __painted?: number; __cls?: number };

/** Notes the frame after the first-render mark, and sums layout shifts from the start. */
function probe(): void {
  const w = window as Probe;
  w.__cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Array<PerformanceEntry & { value: number }>) {
      w.__cls = (w.__cls ?? 0) + e.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    if (name === "cooltech:first-render") {
      requestAnimationFrame(() =>
        setTimeout(() => {
          w.__painted = performance.now();
        }, 0),
      );
    }
    return mark(name, options);
  };
}

/** Waits until every avatar in the viewport has loaded (or failed). */
async function avatarsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLImageElement>(".logo img")]
      .filter((img) => img.getBoundingClientRect().top < window.innerHeight)
      .every((img) => img.complete),
  );
}

async function keystrokes(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const search = document.getElementById("q") as HTMLInputElement;
    const times: number[] = [];
    for (const q of ["c", "cl", "cloud", "cloud s", "cloud storage", "mesh", "wasm edge", ""]) {
      const start = performance.now();
      search.value = q;
      search.dispatchEvent(new Event("input"));
      times.push(performance.now() - start);
    }
    return times;
  });
}

export async function measureLoad(browser: Browser, url: string): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await serveAvatars(context, { delayMs: 150 });
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => (window as Probe).__painted !== undefined);
  await page.waitForFunction(
    () => performance.getEntriesByName("cooltech:search-ready").length > 0,
  );
  await avatarsSettled(page);
  await page.evaluate(() => window.scrollBy(0, window.innerHeight));
  await page.waitForTimeout(100);
  await avatarsSettled(page);
  const figures = await page.evaluate(() => ({
    painted: (window as Probe).__painted ?? Number.NaN,
    ready: performance.getEntriesByName("cooltech:ready")[0]?.startTime ?? Number.NaN,
    cls: (window as Probe).__cls ?? Number.NaN,
  }));
  await page.evaluate(() => window.scrollTo(0, 0));
  const keystroke = median(await keystrokes(page));
  await context.close();
  return { ...figures, keystroke };
}

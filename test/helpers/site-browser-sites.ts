/**
 * The sites site-browser.test.ts serves to its browser: the seed-sized
 * fixture, a long list to scroll through, and the signals site (logos,
 * sparklines, marks) of its views.
 */
import { readFile } from "node:fs/promises";
import { DEFAULT_BRANDING } from "../../src/core/branding.js";
import type { Directory } from "../../src/core/model.js";
import { renderSite } from "../../src/site/build/index.js";
import { signalsDirectory, signalsHistory } from "../fixtures/site/signals.js";
import { syntheticDirectory } from "../fixtures/site/synthetic.js";

/** The long list: the first batch of 24 and four batches of 48, so that scrolling has batches to load. */
export const BIG = 24 + 48 * 4;
const FIXTURE = new URL("../../../test/fixtures/site/directory.json", import.meta.url);

/** Each site's files by its name: `fixture`, `big` and `signals`. */
export async function browserSites(): Promise<Record<string, Map<string, string>>> {
  const fixture = JSON.parse(await readFile(FIXTURE, "utf8")) as Directory;
  return {
    fixture: renderSite(fixture),
    big: renderSite(syntheticDirectory(BIG)),
    signals: renderSite(signalsDirectory(), DEFAULT_BRANDING, [], signalsHistory()),
  };
}

/**
 * The static site: `renderSite` is a pure function from a directory to the
 * files of the site, and `writeSite` writes them (each atomically).
 *
 * The site is one self-contained index.html (style, data and script inline,
 * so it works from static hosting and from file://) plus directory.json, the
 * full directory, published next to it.
 */
import { join } from "node:path";
import type { Directory } from "../../core/model.js";
import { makeDirectory, writeFileAtomic } from "../../core/write.js";
import { serializeDirectory } from "../../generate/directory.js";
import { clientScript } from "./client.js";
import { toSiteData } from "./data.js";
import { renderPage } from "./html.js";
import { STYLE } from "./style.js";

export { toSiteData } from "./data.js";

/** File name → content. Deterministic: the same directory gives the same bytes. */
export function renderSite(directory: Directory): Map<string, string> {
  return new Map([
    ["index.html", renderPage(toSiteData(directory), clientScript(), STYLE)],
    ["directory.json", serializeDirectory(directory)],
  ]);
}

/** Writes the files into `outDir` (created if needed). */
export async function writeSite(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  await makeDirectory(outDir);
  for (const [name, content] of files) await writeFileAtomic(join(outDir, name), content);
}

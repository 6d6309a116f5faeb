/**
 * The static site: `renderSite` is a pure function from a directory to the
 * files of the site, and `writeSite` writes them (each atomically).
 *
 * The site is one self-contained index.html (style, data and script inline,
 * so it works from static hosting and from file://) plus directory.json, the
 * full directory, published next to it, the JSON Schemas in schemas/ (so
 * that directory.json's `$schema`, an absolute URL once data/cooltech.yaml
 * sets `url`, resolves), and the change feeds feed.xml (Atom) and feed.json
 * (JSON Feed) built from data/changes.json.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Branding, DEFAULT_BRANDING, SITE_SCHEMAS_DIR } from "../../core/branding.js";
import type { Directory } from "../../core/model.js";
import { schemasDir } from "../../core/schema.js";
import { makeDirectory, writeFileAtomic } from "../../core/write.js";
import type { ChangeEvent } from "../../generate/changes.js";
import { serializeDirectory } from "../../generate/directory.js";
import { clientScript } from "./client.js";
import { toSiteData } from "./data.js";
import { ATOM_FILE, JSON_FEED_FILE, renderAtom, renderJsonFeed } from "./feeds.js";
import { renderPage } from "./html.js";
import { STYLE } from "./style.js";

export { toSiteData } from "./data.js";

/** File name → content. Deterministic: the same directory gives the same bytes. */
export function renderSite(
  directory: Directory,
  branding: Branding = DEFAULT_BRANDING,
  changes: readonly ChangeEvent[] = [],
): Map<string, string> {
  const siteUrl = branding.url === null ? null : `${branding.url.replace(/\/+$/, "")}/`;
  const feed = { siteUrl, title: branding.title, fallbackUpdated: directory.refreshedAt };
  return new Map([
    ["index.html", renderPage(toSiteData(directory), clientScript(), STYLE, branding)],
    ["directory.json", serializeDirectory(directory)],
    [ATOM_FILE, renderAtom(changes, feed)],
    [JSON_FEED_FILE, renderJsonFeed(changes, feed)],
    ...publishedSchemas(),
  ]);
}

/** Every schemas/*.schema.json, as `schemas/NAME.schema.json`, in name order. */
export function publishedSchemas(): Array<[string, string]> {
  return readdirSync(schemasDir)
    .filter((name) => name.endsWith(".schema.json"))
    .sort()
    .map((name) => [
      `${SITE_SCHEMAS_DIR}/${name}`,
      readFileSync(new URL(name, schemasDir), "utf8"),
    ]);
}

/** Writes the files into `outDir` (created if needed). */
export async function writeSite(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  for (const [name, content] of files) {
    await makeDirectory(dirname(join(outDir, name)));
    await writeFileAtomic(join(outDir, name), content);
  }
}

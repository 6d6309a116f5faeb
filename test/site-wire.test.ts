/**
 * How the page embeds its data (site/build/wire.ts, site/client/wire.ts): by
 * column, read back exactly; the preview block of the default view's first
 * cards before the page script; and the bundled script's top-level names.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import type { Directory } from "../src/core/model.js";
import { clientScript } from "../src/site/build/client.js";
import { renderSite, type StarHistory, toSiteData } from "../src/site/build/index.js";
import { encodeSiteData } from "../src/site/build/wire.js";
import { decodeSiteData, type PreviewWire } from "../src/site/client/wire.js";
import { hostileDirectory, hostileHistory } from "./fixtures/site/hostile.js";
import { signalsDirectory, signalsHistory } from "./fixtures/site/signals.js";
import { syntheticDirectory, syntheticHistory } from "./fixtures/site/synthetic.js";

const FIXTURE = new URL("../../test/fixtures/site/directory.json", import.meta.url);

async function fixture(): Promise<Directory> {
  return JSON.parse(await readFile(FIXTURE, "utf8")) as Directory;
}

function embedded(html: string, id: string): string {
  const m = new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`, "s").exec(html);
  assert.ok(m?.[1] !== undefined, `the page has a ${id} block`);
  return m[1];
}

describe("the page's data", () => {
  test("the preview block holds the default view's first projects, in its order, before the script", () => {
    const dir = syntheticDirectory(100);
    const html = renderSite(dir).get("index.html") ?? "";
    const text = embedded(html, "cooltech-first");
    assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
    const preview = JSON.parse(text) as PreviewWire;
    const all = toSiteData(dir).projects;
    const byStars = [...all.keys()].sort(
      (a, b) => (all[b]?.stars ?? -1) - (all[a]?.stars ?? -1) || a - b,
    );
    assert.equal(preview.order.length, 24);
    assert.deepEqual(
      preview.order.map((i) => all[i]?.stars),
      byStars.slice(0, 24).map((i) => all[i]?.stars),
    );
    assert.deepEqual(
      decodeSiteData(preview).projects,
      preview.order.map((i) => all[i]),
    );
    assert.ok(html.indexOf('id="cooltech-first"') < html.indexOf("<script>"));
    assert.ok(html.indexOf("<script>") < html.indexOf('id="cooltech-data"'));
    assert.ok(html.includes('<script type="application/gzip" id="cooltech-data">'));
  });

  test("the data is embedded by column and reads back the same, for every kind of directory", async () => {
    const cases: Array<[string, Directory, StarHistory | undefined]> = [
      ["fixture", await fixture(), undefined],
      ["signals", signalsDirectory(), signalsHistory()],
      ["hostile", hostileDirectory(), hostileHistory()],
      ["synthetic", syntheticDirectory(300), syntheticHistory(syntheticDirectory(300))],
    ];
    for (const [name, dir, history] of cases) {
      const data = toSiteData(dir, history);
      const wire = JSON.parse(JSON.stringify(encodeSiteData(data)));
      assert.deepEqual(decodeSiteData(wire), data, name);
      assert.equal(wire.columns.name.length, dir.projects.length, name);
    }
  });

  test("the bundled modules declare each top-level name once (a repeat would silently win)", () => {
    const names = [
      ...clientScript().matchAll(/^(?:async )?(?:function\*?|const|let|class) ([\w$]+)/gm),
    ].map((m) => m[1]);
    assert.ok(names.length > 50, `${names.length} names`);
    assert.deepEqual(
      names.filter((n, i) => names.indexOf(n) !== i),
      [],
    );
  });
});

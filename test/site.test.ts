/**
 * The site generator without a browser: determinism, the files written, safe
 * embedding of the data, the page script bundle, the size budget, and the
 * `cooltech site` command.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { runMain } from "../src/cli/main.js";
import type { Directory } from "../src/core/model.js";
import { clientScript } from "../src/site/build/client.js";
import { embedJson } from "../src/site/build/html.js";
import { renderSite, toSiteData, writeSite } from "../src/site/build/index.js";
import { hostileDirectory } from "./fixtures/site/hostile.js";

const FIXTURE_DIR = fileURLToPath(new URL("../../test/fixtures/site/", import.meta.url));
const SEED = fileURLToPath(new URL("../../data/directory.json", import.meta.url));
const BUDGET = 100 * 1024;

async function fixture(): Promise<Directory> {
  return JSON.parse(await readFile(join(FIXTURE_DIR, "directory.json"), "utf8")) as Directory;
}

function memoryIo(cwd: string) {
  const out = { stdout: "", stderr: "" };
  const io = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    env: { NO_COLOR: "1" },
    cwd,
  };
  return { io, out };
}

/** The text of the page's data block, as the browser would read it. */
function embedded(html: string): string {
  const m = /<script type="application\/json" id="cooltech-data">(.*?)<\/script>/s.exec(html);
  assert.ok(m?.[1] !== undefined, "the page has a data block");
  return m[1];
}

describe("renderSite", () => {
  test("gives index.html, directory.json and the feeds, the same bytes every time", async () => {
    const dir = await fixture();
    const files = renderSite(dir);
    assert.deepEqual(
      [...files.keys()],
      [
        "index.html",
        "directory.json",
        "feed.xml",
        "feed.json",
        "schemas/categories.schema.json",
        "schemas/changes.schema.json",
        "schemas/config.schema.json",
        "schemas/directory.schema.json",
        "schemas/link-check.schema.json",
        "schemas/projects.schema.json",
      ],
    );
    assert.deepEqual(renderSite(structuredClone(dir)), files);
    assert.deepEqual(JSON.parse(files.get("directory.json") ?? ""), dir);
  });

  test("embeds the projected data so that no string can end the script element", () => {
    const html = renderSite(hostileDirectory()).get("index.html") ?? "";
    const data = embedded(html);
    assert.doesNotMatch(data, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(data), toSiteData(hostileDirectory()));
    // Exactly the two script elements of the template, whatever the data says.
    assert.equal(html.match(/<script/g)?.length, 2);
    assert.equal(
      embedJson({ s: "</script><!--\u2028" }),
      '{"s":"\\u003c/script\\u003e\\u003c!--\\u2028"}',
    );
  });

  test("drops non-https URLs before they reach the page", () => {
    const data = toSiteData(hostileDirectory());
    const urls = data.projects.flatMap((p) => [p.homepage, p.repoUrl, p.release?.url ?? null]);
    assert.ok(
      urls.every((u) => u === null || u.startsWith("https://")),
      urls.join(" "),
    );
    assert.ok(!urls.includes("https://user:pass@evil.example/"));
  });

  test("pins its own script and style with a Content-Security-Policy", async () => {
    const html = renderSite(await fixture()).get("index.html") ?? "";
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    assert.match(
      csp,
      /default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-/,
    );
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  test("the page script is one classic script, without module syntax, that parses", () => {
    const script = clientScript();
    assert.doesNotMatch(script, /^\s*(import|export)\s/m);
    assert.doesNotMatch(script, /sourceMappingURL|innerHTML|outerHTML|insertAdjacentHTML|eval\(/);
    assert.doesNotThrow(() => new Script(script));
  });
});

describe("size budget: page and script ≤ 100 KB", () => {
  test("for the seed-sized fixture (16 projects)", async () => {
    const size = Buffer.byteLength(renderSite(await fixture()).get("index.html") ?? "");
    assert.ok(size <= BUDGET, `index.html is ${size} bytes`);
  });

  test("for the real catalog in data/directory.json", {
    skip: !existsSync(SEED) && "no data/directory.json yet",
  }, async () => {
    const dir = JSON.parse(await readFile(SEED, "utf8")) as Directory;
    const size = Buffer.byteLength(renderSite(dir).get("index.html") ?? "");
    assert.ok(size <= BUDGET, `index.html is ${size} bytes`);
  });
});

describe("cooltech site", () => {
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "cooltech-site-cli-"));
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  test("writes the site atomically, leaving no temporary files", async () => {
    const { io, out } = memoryIo(tmp);
    const code = await runMain(["site", "--data", FIXTURE_DIR, "--out", "public"], io);
    assert.equal(code, 0, out.stderr);
    assert.deepEqual((await readdir(join(tmp, "public"))).sort(), [
      "directory.json",
      "feed.json",
      "feed.xml",
      "index.html",
      "schemas",
    ]);
    assert.equal((await readdir(join(tmp, "public", "schemas"))).length, 6);
    assert.match(out.stderr, /index\.html .*16 projects/);
    assert.equal(
      await readFile(join(tmp, "public", "index.html"), "utf8"),
      renderSite(await fixture()).get("index.html"),
    );
    await writeSite(join(tmp, "public"), renderSite(await fixture())); // overwriting works too
    assert.equal((await readdir(join(tmp, "public"))).length, 5);
  });

  test("defaults to dist/site", async () => {
    const { io } = memoryIo(tmp);
    assert.equal(await runMain(["site", "--data", FIXTURE_DIR], io), 0);
    assert.ok(existsSync(join(tmp, "dist", "site", "index.html")));
  });

  test("a missing or broken directory.json says to run cooltech build", async () => {
    await writeFile(join(tmp, "directory.json"), "{ not json");
    for (const data of [join(tmp, "nowhere"), tmp]) {
      const { io, out } = memoryIo(tmp);
      assert.equal(await runMain(["site", "--data", data], io), 1);
      // Missing: build it; corrupt: restore it from git (or delete it and build).
      assert.match(
        out.stderr,
        /^error: .*directory\.json.*(run `cooltech build` first|git checkout)/,
      );
    }
  });

  test("--help and bad options", async () => {
    const help = memoryIo(tmp);
    assert.equal(await runMain(["site", "--help"], help.io), 0);
    assert.match(help.out.stdout, /Usage: cooltech site \[--data DIR\] \[--out DIR\]/);
    const bad = memoryIo(tmp);
    assert.equal(await runMain(["site", "--bogus"], bad.io), 2);
  });
});

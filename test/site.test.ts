/**
 * The site generator without a browser: determinism, the files written, safe
 * embedding of the data, the page script bundle, the size budget, and the
 * `cooltech site` command.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
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
import type { SiteData } from "../src/site/client/data.js";
import { hostileDirectory } from "./fixtures/site/hostile.js";
import { ROOT, removeTemp, runCli, tempDir } from "./helpers/catalog.js";
import { embedded, unpacked, withoutData } from "./helpers/site-page.js";

const FIXTURE_DIR = fileURLToPath(new URL("../../test/fixtures/site/", import.meta.url));
const REAL_LIST = join(ROOT, "../shared/data-real/best-of-ml-python-projects.yaml");
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
    assert.match(embedded(html), /^[A-Za-z0-9+/]+=*$/);
    assert.deepEqual(unpacked(html), toSiteData(hostileDirectory()));
    const preview = /<script type="application\/json" id="cooltech-first">(.*?)<\/script>/s.exec(
      html,
    );
    assert.doesNotMatch(preview?.[1] ?? "<", /[<>&\u2028\u2029]/);
    // Exactly the three script elements of the template, whatever the data says.
    assert.equal(html.match(/<script/g)?.length, 3);
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

describe("size budget: page, script and styles (without the data) ≤ 100 KB", () => {
  test("for the seed-sized fixture (16 projects)", async () => {
    const size = withoutData(renderSite(await fixture()).get("index.html") ?? "");
    assert.ok(size <= BUDGET, `index.html is ${size} bytes`);
  });

  test("for a real list: best-of-ml-python (../shared/data-real), imported and built", async () => {
    const dir = await tempDir();
    try {
      const data = join(dir, "data");
      const imported = await runCli(["import", REAL_LIST, "--data", data]);
      assert.equal(imported.code, 0, imported.stderr);
      const built = await runCli(["build", "--data", data]);
      assert.equal(built.code, 0, built.stderr + built.stdout);
      const real = JSON.parse(await readFile(join(data, "directory.json"), "utf8")) as Directory;
      assert.ok(real.projects.length > 900, `${real.projects.length} projects`);
      const size = withoutData(renderSite(real).get("index.html") ?? "");
      assert.ok(size <= BUDGET, `index.html is ${size} bytes`);
    } finally {
      await removeTemp(dir);
    }
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

  test("draws sparklines from DIR/history.json; without a usable one, warns where and writes the site anyway", async () => {
    const data = join(tmp, "with-history");
    await mkdir(data, { recursive: true });
    await copyFile(join(FIXTURE_DIR, "directory.json"), join(data, "directory.json"));
    const embeddedData = async (): Promise<SiteData> =>
      unpacked(await readFile(join(tmp, "h", "index.html"), "utf8"));
    const run = async () => {
      const { io, out } = memoryIo(tmp);
      assert.equal(await runMain(["site", "--data", data, "--out", "h"], io), 0, out.stderr);
      return out.stdout;
    };
    // Written by the refresh: one line per repository, [day, stars] points when the count changed.
    await writeFile(
      join(data, "history.json"),
      `{
  "description": "GitHub star counts",
  "retentionDays": 90,
  "repos": {
    "rook/rook": [["2026-11-01", 12600], ["2026-11-19", 12700]],
    "vitessio/vitess": [["2026-11-18", 18990], ["2026-11-20", 19000]]
  }
}
`,
    );
    assert.equal(await run(), "");
    let site = await embeddedData();
    assert.deepEqual([site.historyStart, site.historyEnd], ["2026-08-22", "2026-11-20"]);
    const rook = site.projects.find((p) => p.name === "Rook");
    assert.deepEqual(rook?.history, [71, 12600, 18, 100]);
    assert.equal(site.projects.filter((p) => p.history !== null).length, 2);

    const cases: Array<[string, RegExp]> = [
      [
        "{ nope",
        /^\S*history\.json:1:3 warning .*not valid JSON.*without star sparklines \(star-history\)$/m,
      ],
      [
        '{\n  "repos": {\n    "rook/rook": [["2026-11-01", -5]]\n  }\n}\n',
        /^\S*history\.json:3:5 warning the series of "rook\/rook" is invalid; restore it .*without star sparklines/m,
      ],
    ];
    for (const [text, warning] of cases) {
      await writeFile(join(data, "history.json"), text);
      assert.match(await run(), warning);
      site = await embeddedData();
      assert.ok(site.projects.every((p) => p.history === null));
    }
    await rm(join(data, "history.json"));
    assert.match(
      await run(),
      /history\.json:1:1 warning no star history yet \(`cooltech refresh` records it\)/,
    );
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

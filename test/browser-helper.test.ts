/**
 * Finding a browser on a fresh machine: CHROMIUM_PATH, then the usual paths.
 * Without one the browser tests skip with the line that installs it, except
 * under CI=true, where they fail. The last two tests run a real browser test
 * file in a child process that sees no browser.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { BROWSER_PATHS, findBrowser, installHint, skipBrowser } from "./helpers/browser.js";
import { ROOT } from "./helpers/catalog.js";

let dir: string;
let fake: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "cooltech-browser-"));
  fake = join(dir, "chromium");
  await writeFile(fake, "#!/bin/sh\n");
  await chmod(fake, 0o755);
  await writeFile(join(dir, "not-executable"), "");
});
after(() => rm(dir, { recursive: true, force: true }));

const NONE = "/nonexistent/chromium:/nonexistent/google-chrome";

describe("findBrowser", () => {
  test("knows the Debian, Ubuntu and macOS paths, Debian's headless shell first", () => {
    assert.equal(BROWSER_PATHS[0], "/usr/bin/chromium-headless-shell");
    for (const p of [
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome",
      "/usr/bin/google-chrome-stable",
      "/snap/bin/chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
    ]) {
      assert.ok(BROWSER_PATHS.includes(p), p);
    }
  });

  test("CHROMIUM_PATH first; a wrong one is reported, not silently replaced", () => {
    assert.deepEqual(findBrowser({ CHROMIUM_PATH: fake, COOLTECH_BROWSER_CANDIDATES: NONE }), {
      found: true,
      path: fake,
    });
    const wrong = findBrowser({ CHROMIUM_PATH: join(dir, "not-executable") });
    assert.equal(wrong.found, false);
    assert.match(
      !wrong.found ? wrong.reason : "",
      /^CHROMIUM_PATH=.*not-executable is not an executable file$/,
    );
  });

  test("otherwise the first executable candidate", () => {
    const env = { COOLTECH_BROWSER_CANDIDATES: `${NONE}:${join(dir, "not-executable")}:${fake}` };
    assert.deepEqual(findBrowser(env), { found: true, path: fake });
    assert.equal(findBrowser({ COOLTECH_BROWSER_CANDIDATES: NONE }).found, false);
  });

  test("on PATH too, under the usual command names", () => {
    const env = { PATH: dir };
    const search = findBrowser(env);
    // A machine with a browser at a usual path finds that first; else the one on PATH.
    assert.ok(search.found);
    assert.ok(BROWSER_PATHS.includes(search.path) || search.path === fake, search.path);
  });
});

describe("skipBrowser", () => {
  test("no browser: skip, with the line that installs it", () => {
    const reason = skipBrowser({ COOLTECH_BROWSER_CANDIDATES: NONE });
    assert.equal(typeof reason, "string");
    assert.ok(String(reason).includes(installHint()), String(reason));
    assert.match(String(reason), /or set CHROMIUM_PATH/);
  });

  test("no browser under CI=true: no skip (the tests fail)", () => {
    assert.equal(skipBrowser({ COOLTECH_BROWSER_CANDIDATES: NONE, CI: "true" }), false);
  });

  test("a browser: no skip; COOLTECH_SKIP_BROWSER=1 skips knowingly", () => {
    assert.equal(skipBrowser({ CHROMIUM_PATH: fake }), false);
    assert.equal(
      skipBrowser({ CHROMIUM_PATH: fake, COOLTECH_SKIP_BROWSER: "1" }),
      "COOLTECH_SKIP_BROWSER=1",
    );
  });

  test("the install line fits the platform", () => {
    assert.equal(installHint("darwin"), "brew install --cask chromium");
    assert.match(installHint("linux"), /^sudo (apt-get install -y|snap install) chromium$/);
  });
});

/** Runs one browser test file in a child that finds no browser. */
function runWithoutBrowser(extra: Record<string, string>): Promise<{ code: number; out: string }> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    COOLTECH_BROWSER_CANDIDATES: NONE,
    ...extra,
  };
  delete env.CHROMIUM_PATH;
  delete env.COOLTECH_SKIP_BROWSER;
  // Set by the test runner for its children; the child must be a run of its own.
  delete env.NODE_TEST_CONTEXT;
  if (extra.CI === undefined) delete env.CI;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--test", "--test-reporter=tap", join(ROOT, "dist/test/site-xss.test.js")],
      { env, cwd: ROOT },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
    );
  });
}

describe("a machine without a browser, for real", () => {
  test("the browser tests are skipped (not cancelled) and the run passes", async () => {
    const r = await runWithoutBrowser({});
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /# SKIP .*no Chrome or Chromium found/);
    assert.ok(r.out.includes(installHint()), r.out);
    assert.match(r.out, /^# cancelled 0$/m);
    assert.match(r.out, /^# fail 0$/m);
  });

  test("under CI=true the same run fails, saying how to install one", async () => {
    const r = await runWithoutBrowser({ CI: "true" });
    assert.notEqual(r.code, 0, r.out);
    assert.ok(r.out.includes(installHint()), r.out);
    assert.doesNotMatch(r.out, /# SKIP/);
  });
});

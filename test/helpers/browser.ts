/**
 * Headless Chrome/Chromium for the browser tests, driven by playwright-core
 * (no browser download). The browser is found on its own: CHROMIUM_PATH, then
 * the usual Debian, Ubuntu and macOS install paths, then `PATH`. When there is
 * none, the browser tests are SKIPPED with the one line that installs it;
 * under CI=true a missing browser FAILS them instead (CI must run them).
 * COOLTECH_SKIP_BROWSER=1 skips them knowingly.
 */
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { Browser } from "playwright-core";

/**
 * Where Chrome or Chromium lives on Debian, Ubuntu (apt and snap) and macOS, in order of
 * preference. First Debian's `chromium-headless-shell`: Chromium's headless-only build (the
 * same Blink; what Playwright itself uses for headless), which spends about half the CPU of
 * the full browser per page load.
 */
export const BROWSER_PATHS: readonly string[] = [
  "/usr/bin/chromium-headless-shell",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];
const COMMANDS = [
  "chromium-headless-shell",
  "chromium",
  "chromium-browser",
  "google-chrome",
  "google-chrome-stable",
];

type Env = Record<string, string | undefined>;

export type BrowserSearch = { found: true; path: string } | { found: false; reason: string };

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to drive. `COOLTECH_BROWSER_CANDIDATES` (paths joined by `:`)
 * replaces the built-in list and `PATH` search: the tests use it to play a
 * machine without a browser.
 */
export function findBrowser(env: Env = process.env): BrowserSearch {
  const explicit = env.CHROMIUM_PATH?.trim();
  if (explicit) {
    return executable(explicit)
      ? { found: true, path: explicit }
      : { found: false, reason: `CHROMIUM_PATH=${explicit} is not an executable file` };
  }
  const override = env.COOLTECH_BROWSER_CANDIDATES;
  const candidates =
    override !== undefined
      ? override.split(":").filter(Boolean)
      : [
          ...BROWSER_PATHS,
          ...(env.PATH ?? "")
            .split(delimiter)
            .filter(Boolean)
            .flatMap((dir) => COMMANDS.map((c) => join(dir, c))),
        ];
  const path = candidates.find(executable);
  return path === undefined
    ? { found: false, reason: "no Chrome or Chromium found (CHROMIUM_PATH, the usual paths, PATH)" }
    : { found: true, path };
}

/** The one command line that installs a browser on this machine. */
export function installHint(platform: NodeJS.Platform = process.platform): string {
  if (platform === "darwin") return "brew install --cask chromium";
  if (platform === "linux" && isUbuntu()) return "sudo snap install chromium";
  if (platform === "linux") return "sudo apt-get install -y chromium";
  return "install Chrome or Chromium and set CHROMIUM_PATH to its executable";
}

function isUbuntu(): boolean {
  try {
    return (
      existsSync("/etc/os-release") && /^ID=ubuntu$/m.test(readFileSync("/etc/os-release", "utf8"))
    );
  } catch {
    return false;
  }
}

/** The message for a missing browser: what is wrong and the line that fixes it. */
export function missingBrowserMessage(reason: string): string {
  return `${reason}; install one with: ${installHint()} (or set CHROMIUM_PATH to a Chrome/Chromium)`;
}

/**
 * For `describe(..., { skip: skipBrowser() })`: a reason when the browser
 * tests should be skipped, false when they should run (a browser was found,
 * or CI=true, where a missing browser must fail the run).
 */
export function skipBrowser(env: Env = process.env): string | false {
  if (env.COOLTECH_SKIP_BROWSER === "1") return "COOLTECH_SKIP_BROWSER=1";
  const search = findBrowser(env);
  if (search.found || env.CI === "true") return false;
  return missingBrowserMessage(search.reason);
}

export async function launchBrowser(): Promise<Browser> {
  const search = findBrowser();
  if (!search.found) {
    throw new Error(
      `${missingBrowserMessage(search.reason)}. The browser tests need it${process.env.CI === "true" ? " under CI=true" : ""}.`,
    );
  }
  // Loaded here, not at the top: it is big, and files that only look for a browser, or skip, need none.
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: search.path,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

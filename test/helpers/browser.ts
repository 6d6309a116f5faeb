/**
 * Headless Chromium for the browser tests: Debian's `chromium` package driven
 * by playwright-core (no browser download). A missing browser FAILS the tests
 * with a message saying how to fix it; set COOLTECH_SKIP_BROWSER=1 to skip
 * them knowingly instead.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** For `describe(..., { skip: skipBrowser() })`: a reason string when skipping was asked for. */
export function skipBrowser(): string | false {
  return process.env.COOLTECH_SKIP_BROWSER === "1" ? "COOLTECH_SKIP_BROWSER=1" : false;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the browser tests need it. ` +
        "Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH to its path), " +
        "or set COOLTECH_SKIP_BROWSER=1 to skip these tests.",
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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

/**
 * Owners' avatars for the browser tests and the site benchmark, without the
 * internet: requests to GitHub's avatar host are answered in the browser
 * context (Playwright routing) with a small generated image, or fail when
 * `fails` says so; every other request leaving 127.0.0.1 is aborted. The page
 * keeps its real Content-Security-Policy: the URLs still name GitHub's host.
 */
import type { BrowserContext, Page, Route } from "playwright-core";
import { AVATAR_ORIGIN } from "../../src/core/format.js";

export interface AvatarOptions {
  /** Avatars to fail (the page must show initials instead). */
  fails?: (url: string) => boolean;
  /** Milliseconds before each answer, so images arrive after the first render. */
  delayMs?: number;
}

/** A square SVG in a colour taken from the URL, so avatars differ. */
export function avatarImage(url: string): string {
  let h = 0;
  for (const c of url) h = (h * 31 + c.charCodeAt(0)) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="hsl(${h} 60% 45%)"/><circle cx="40" cy="32" r="16" fill="#fff"/></svg>`;
}

/** Routes the context's requests as described above; returns the avatar URLs asked for. */
export async function serveAvatars(
  context: BrowserContext,
  options: AvatarOptions = {},
): Promise<string[]> {
  await context.route(
    (url) => url.hostname !== "127.0.0.1" && url.protocol !== "file:" && url.protocol !== "data:",
    (route: Route) => route.abort("blockedbyclient"),
  );
  return answerAvatars(context, options);
}

/**
 * Answers the avatar requests of `target` only: a page's own routes come
 * before its context's, so one page can have avatars of its own (late ones,
 * say) in a context that `serveAvatars` set up. Returns the avatar URLs asked for.
 */
export async function answerAvatars(
  target: BrowserContext | Page,
  options: AvatarOptions = {},
): Promise<string[]> {
  const asked: string[] = [];
  await target.route(`${AVATAR_ORIGIN}/**`, async (route: Route) => {
    const url = route.request().url();
    asked.push(url);
    if (options.delayMs) await new Promise((ok) => setTimeout(ok, options.delayMs));
    if (options.fails?.(url)) return route.fulfill({ status: 404, body: "not found" });
    return route.fulfill({
      status: 200,
      contentType: "image/svg+xml",
      body: avatarImage(url),
    });
  });
  return asked;
}

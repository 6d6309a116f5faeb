/**
 * Small pure formatters shared by the page (bundled into its script) and the
 * Markdown list, so both show the same numbers. No DOM, no imports: this file
 * is concatenated into the page script as is.
 */

/**
 * Star counts, compact and never overstated: exact below 1,000, else rounded
 * DOWN to one decimal with k or M ("1.2k" means at least 1,200). Rounding down
 * keeps nightly diffs of the Markdown list quiet and avoids "1000k".
 */
export function formatCompactCount(n: number): string {
  const abs = Math.abs(n);
  const sign = n < 0 ? "-" : "";
  if (abs < 1000) return `${n}`;
  const [div, unit] = abs < 1_000_000 ? [1000, "k"] : [1_000_000, "M"];
  const tenths = Math.floor((abs * 10) / div);
  const text = tenths % 10 === 0 ? `${tenths / 10}` : (tenths / 10).toFixed(1);
  return `${sign}${text}${unit}`;
}

/** A star gain: "+12", "-3", "0"; compact like `formatCompactCount`. */
export function formatGain(n: number): string {
  return n > 0 ? `+${formatCompactCount(n)}` : formatCompactCount(n);
}

/** The day of an ISO timestamp ("2024-05-01"), or null when it is not one. */
export function formatDay(iso: string | null): string | null {
  if (iso === null) return null;
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null;
}

/**
 * The URL as a string when it is an absolute `https:` URL without
 * credentials, else null. Everything else (javascript:, data:, http:,
 * relative or malformed) must not become a link.
 */
export function safeHttps(url: string | null | undefined): string | null {
  if (typeof url !== "string") return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" || parsed.username !== "" || parsed.password !== "") {
    return null;
  }
  return parsed.href;
}

/**
 * "1 repository", "2 repositories", "1,200 projects": a count with its noun in
 * the right number. `many` defaults to the noun plus "s".
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Where GitHub serves owners' avatars: the only image host the page's CSP allows. */
export const AVATAR_ORIGIN = "https://avatars.githubusercontent.com";

/**
 * An avatar URL the page may load: https on GitHub's avatar host only (no
 * other host, port or credentials), asking for a `size`-pixel square (GitHub
 * serves any size with `s=`). Anything else gives null: initials instead.
 */
export function safeAvatar(url: string | null | undefined, size = 0): string | null {
  const href = safeHttps(url);
  if (href === null) return null;
  const parsed = new URL(href);
  if (parsed.origin !== AVATAR_ORIGIN) return null;
  if (size > 0) parsed.searchParams.set("s", String(size));
  return parsed.href;
}

/** One formatter, made once: toLocaleString makes a new one per call, which is slow in a page of cards. */
const COUNT_FORMAT = new Intl.NumberFormat("en-US");

/** "1,234": a count with thousands separators, the same in every browser locale. */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

/**
 * Small GitHub-flavoured Markdown builders for job summaries. Text that comes
 * from data or from GitHub (descriptions, names) is untrusted: escaped so it
 * can add no link, image, HTML, mention or table cell of its own.
 */

/**
 * The characters that mean something in the middle of a line of GFM (emphasis,
 * code, links and images, HTML, table cells, strikethrough, mentions, math);
 * a backslash makes each literal (GFM spec 2.4). Callers never put untrusted
 * text at the start of a line, where `#`, `-` or `1.` would matter too.
 */
const SPECIAL = /[\\`*_[\]<>|~@$]/g;

// Control characters (C0, DEL, C1) and the Unicode line/paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of literal text: control characters become spaces, Markdown syntax is escaped. */
export function escapeSummaryText(text: string): string {
  return text.replace(CONTROL, " ").trim().replace(SPECIAL, "\\$&");
}

/** Shortens text to `max` characters (an ellipsis marks the cut). */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** Inline code for identifiers such as `owner/name`; falls back to escaped text if it holds a backtick. */
export function code(text: string): string {
  const line = text.replace(CONTROL, " ");
  return line.includes("`") || line.trim() === "" ? escapeSummaryText(line) : `\`${line}\``;
}

/** A link whose target is a GitHub https URL; anything else is shown as plain text. */
export function link(label: string, url: string | null | undefined): string {
  if (url == null || !/^https:\/\/[^\s()<>]+$/.test(url)) return label;
  return `[${label}](${url})`;
}

export type Align = "left" | "right";

/** A table; cells must already be Markdown (escape untrusted text first). */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const rule = header.map((_, i) => (align[i] === "right" ? "---:" : "---"));
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |\n`;
  return line(header) + line(rule) + rows.map((r) => line(r)).join("");
}

/** 12345 -> "12,345" (fixed, locale-independent, so output is the same on every machine). */
export function formatExactCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `GITHUB_SERVER_URL/GITHUB_REPOSITORY/blob/GITHUB_SHA/file#Lline`, when running in Actions. */
export function blobUrl(
  env: Record<string, string | undefined>,
  file: string,
  line: number,
): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  if (!server || !repo || !sha || file.startsWith("/") || file.startsWith("..")) return undefined;
  return `${server}/${repo}/blob/${sha}/${file.split("/").map(encodeURIComponent).join("/")}#L${line}`;
}

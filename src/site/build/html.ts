/**
 * The page shell. Nothing from the data is written as HTML: the directory goes
 * in as JSON inside a non-executed <script type="application/json">, escaped
 * so that no string in it can close that element, and the page script builds
 * the DOM from it with textContent. A Content-Security-Policy that allows only
 * this page's own script and style (by hash) backs that up: even an injected
 * <script> or onerror= would not run.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { type Branding, DEFAULT_BRANDING } from "../../core/branding.js";
import { AVATAR_ORIGIN } from "../../core/format.js";
import type { SiteData } from "../client/data.js";
import { summaryText } from "../client/header.js";
import { LAYOUTS, SORTS } from "../client/state.js";
import { encodeSiteData, previewData } from "./wire.js";

/**
 * The directory's data as the page carries it: the columns' JSON (see
 * site/client/wire.ts), gzipped, in base64. A 10,000-project directory is
 * 6 MB of JSON but about 1.3 MB so: the browser reads the page several times
 * faster and can paint the first cards sooner, then unpacks the data with
 * its own DecompressionStream. Base64 holds no `<`, `>` or `&`, so no string
 * in the data can end the element either.
 */
export function packData(data: SiteData): string {
  return gzipSync(JSON.stringify(encodeSiteData(data))).toString("base64");
}

/**
 * JSON safe inside a <script> element: `<`, `>` and `&` become \u escapes (so
 * no `</script>` or `<!--` can appear), as do U+2028/U+2029. JSON.parse reads
 * the escapes back to the same characters.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Escapes text for HTML element content and double-quoted attributes (the only kind used here). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function options(list: ReadonlyArray<{ key: string; label: string }>): string {
  return list
    .map((o) => `<option value="${escapeHtml(o.key)}">${escapeHtml(o.label)}</option>`)
    .join("");
}

/**
 * The summary line as the page script will write it (but for the data's age,
 * which needs the reader's clock), so it is there in the first paint and
 * filling it in moves nothing.
 */
export function initialSummary(data: SiteData): string {
  const categories = new Set(data.projects.flatMap((p) => p.categories));
  const asOf = data.refreshedAt === null ? 0 : Date.parse(data.refreshedAt);
  return summaryText(data, categories.size, Number.isNaN(asOf) ? 0 : asOf);
}

/** The project list: search and filter controls, the cards, the compact list's table. */
const LIST_PAGE = `<div id="list-page">
<form id="controls" class="controls" role="search" aria-label="Search and filter projects">
<div class="field field-search"><label for="q">Search</label>
<input id="q" type="search" placeholder="Name, description, tag or topic (press /)" autocomplete="off" spellcheck="false"></div>
<div class="field"><label for="category">Category</label>
<select id="category"><option value="">All categories</option></select></div>
<div class="field"><label for="tag">Tag</label>
<select id="tag"><option value="">All tags</option></select></div>
<div class="field"><label for="activity">Activity</label>
<select id="activity"><option value="">Any activity</option></select></div>
<div class="field"><label for="sort">Sort by</label>
<select id="sort">${options(SORTS)}</select></div>
<div class="field"><label for="view">Layout</label>
<select id="view">${options(LAYOUTS)}</select></div>
<button type="button" id="reset">Clear</button>
</form>
<p id="count" role="status" aria-live="polite" aria-atomic="true"></p>
<ul id="results" class="cards" aria-label="Projects"></ul>
<table id="rows" class="dense" hidden><caption class="sr-only">Projects</caption><thead></thead><tbody id="rows-body"></tbody></table>
<button type="button" id="more" hidden>Show more</button>
</div>`;

function cspHash(source: string): string {
  return `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`;
}

export function renderPage(
  data: SiteData,
  script: string,
  style: string,
  branding: Pick<Branding, "title" | "tagline"> = DEFAULT_BRANDING,
): string {
  const title = escapeHtml(branding.title);
  const tagline = escapeHtml(branding.tagline);
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    // Owners' avatars, from GitHub's avatar host only; data: for the empty favicon.
    `img-src ${AVATAR_ORIGIN} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<title>${title}</title>
<meta name="description" content="${tagline}">
<link rel="icon" href="data:,">
<link rel="alternate" type="application/json" href="directory.json" title="The directory as JSON">
<link rel="alternate" type="application/atom+xml" href="feed.xml" title="Changes (Atom)">
<link rel="alternate" type="application/feed+json" href="feed.json" title="Changes (JSON Feed)">
<style>${style}</style>
</head>
<body>
<header class="site wrap">
<div class="masthead">
<h1>${title}</h1>
<nav aria-label="Pages"><a id="nav-list" href="#" aria-current="page">Projects</a><a id="nav-stats" href="#/stats">Stats</a></nav>
</div>
<p>${tagline}</p>
<p id="summary">${escapeHtml(initialSummary(data))}</p>
</header>
<main class="wrap">
${LIST_PAGE}
<section id="detail" class="detail" aria-labelledby="detail-title" hidden></section>
<section id="stats" class="stats" aria-labelledby="stats-title" hidden></section>
<noscript><p>Search and filters need JavaScript. The whole directory is available as <a href="directory.json">directory.json</a>.</p></noscript>
</main>
<footer class="site wrap">
<p>Generated by cooltech. Data: <a href="directory.json">directory.json</a>. Changes: <a href="feed.xml">Atom</a>, <a href="feed.json">JSON Feed</a>.</p>
</footer>
<script type="application/json" id="cooltech-first">${embedJson(previewData(data))}</script>
<script>${script}</script>
<script type="application/gzip" id="cooltech-data">${packData(data)}</script>
</body>
</html>
`;
}

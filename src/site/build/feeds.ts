/**
 * The change feeds published next to index.html: feed.xml (Atom 1.0, RFC 4287)
 * and feed.json (JSON Feed 1.1), built from data/changes.json. Deterministic:
 * the same events give the same bytes. Entry ids are `urn:cooltech:change:ID`
 * (stable whatever the site's address); links to the site itself are absolute
 * only when its public URL is known.
 */
import type { ChangeEvent } from "../../generate/changes.js";

export const ATOM_FILE = "feed.xml";
export const JSON_FEED_FILE = "feed.json";

export interface FeedOptions {
  /** The site's public URL (ending in "/"), or null when unknown: links to the site are relative then. */
  siteUrl: string | null;
  /** The directory's title (data/cooltech.yaml), naming the feed and its author. */
  title: string;
  /** The feed's time when there are no events (the directory's refreshedAt), else the epoch. */
  fallbackUpdated: string | null;
}

const n = (x: number): string => x.toLocaleString("en-US");

/** One line saying what happened (plain text: every format escapes it its own way). */
export function eventTitle(e: ChangeEvent): string {
  switch (e.type) {
    case "added":
      return `${e.name} added`;
    case "removed":
      return `${e.name} removed`;
    case "moved":
      return `${e.name} moved from ${e.from ?? "?"} to ${e.repo ?? "?"}`;
    case "archived":
      return `${e.name} archived`;
    case "unarchived":
      return `${e.name} unarchived`;
    case "release":
      return `${e.name} released ${e.tag ?? "?"}`;
    case "stars":
      return `${e.name} passed ${n(e.milestone ?? 0)} stars`;
  }
}

const REPO = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** Where an entry points: the release page, else the repository on GitHub; null without either. */
export function eventLink(e: ChangeEvent): string | null {
  if (e.type === "release" && e.url && /^https:\/\/github\.com\//.test(e.url)) return e.url;
  return e.repo !== null && REPO.test(e.repo) ? `https://github.com/${e.repo}` : null;
}

const entryId = (e: ChangeEvent) => `urn:cooltech:change:${e.id}`;

/** Removes what XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF). */
function xmlSafe(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to drop
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd",
  );
}

function xml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function updatedOf(events: readonly ChangeEvent[], o: FeedOptions): string {
  return events[0]?.at ?? o.fallbackUpdated ?? "1970-01-01T00:00:00.000Z";
}

export function renderAtom(events: readonly ChangeEvent[], o: FeedOptions): string {
  const site = o.siteUrl;
  const head = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${xml(site ?? "urn:cooltech:changes")}</id>`,
    `<title>${xml(`${o.title}: changes`)}</title>`,
    `<updated>${xml(updatedOf(events, o))}</updated>`,
    `<author><name>${xml(o.title)}</name></author>`,
    "<generator>cooltech</generator>",
  ];
  if (site !== null) {
    head.push(
      `<link rel="self" type="application/atom+xml" href="${xml(`${site}${ATOM_FILE}`)}"/>`,
    );
    head.push(`<link rel="alternate" type="text/html" href="${xml(site)}"/>`);
  }
  const entries = events.map((e) => {
    const link = eventLink(e);
    return [
      "<entry>",
      `<id>${xml(entryId(e))}</id>`,
      `<title type="text">${xml(eventTitle(e))}</title>`,
      `<updated>${xml(e.at)}</updated>`,
      `<category term="${xml(e.type)}"/>`,
      link === null ? "" : `<link rel="alternate" href="${xml(link)}"/>`,
      `<summary type="text">${xml(eventTitle(e))}</summary>`,
      "</entry>",
    ]
      .filter((l) => l !== "")
      .join("\n");
  });
  return `${[...head, ...entries, "</feed>"].join("\n")}\n`;
}

export function renderJsonFeed(events: readonly ChangeEvent[], o: FeedOptions): string {
  const site = o.siteUrl;
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: `${o.title}: changes`,
    ...(site !== null && { home_page_url: site, feed_url: `${site}${JSON_FEED_FILE}` }),
    description: "Projects added, removed, moved, archived or released, and star milestones.",
    authors: [{ name: o.title }],
    items: events.map((e) => {
      const link = eventLink(e);
      return {
        id: entryId(e),
        ...(link !== null && { url: link }),
        title: eventTitle(e),
        content_text: eventTitle(e),
        date_published: e.at,
        tags: [e.type],
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** The site's public URL from --url or COOLTECH_SITE_URL: http(s), normalised to end in "/"; null when not given. */
export function siteUrlOf(value: string | undefined): string | null | { error: string } {
  if (value === undefined || value === "") return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: `not a URL: '${value}'` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { error: `must be http(s): '${value}'` };
  url.search = "";
  url.hash = "";
  const href = url.href;
  return href.endsWith("/") ? href : `${href}/`;
}

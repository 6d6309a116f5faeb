/**
 * A Markdown awesome list: each `##` heading, and each `###` heading under it,
 * that holds `- [Name](url) - description` items becomes a category (named
 * after the heading; its description is the first paragraph under the
 * heading, else "<##> / <###>"). The table of contents and sections without
 * such items are skipped. The repo is the item's main link when it is a
 * GitHub repository, else the first GitHub repository linked on the line (e.g.
 * a "Source Code" link); the main link otherwise is the homepage, or the
 * first other link on the line.
 */
import { CategoryIds } from "./category-ids.js";
import { githubRepo } from "./fixes.js";
import type { Note, ParsedSource, SourceItem } from "./types.js";

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s/;
const ITEM = /^\s*[-*+]\s+\[(.+?)\]\((\S+?)\)(.*)$/;
const LINK = /\[([^\]]*)\]\(([^)\s]+)\)/g;
const TOC = /^(?:table of )?contents$/i;
const MAX_LINE = 10_000;

interface Section {
  key: string;
  title: string;
  parent: string | undefined;
  line: number;
  description: string | undefined;
  toc: boolean;
  tocLinks: number;
}

/** What the reader knows at a line: the results so far and the section it is in. */
interface Reader {
  ids: CategoryIds;
  items: SourceItem[];
  notes: Note[];
  /** The title of the `##` heading above, for a `###` section's key and description. */
  h2: string | undefined;
  section: Section | undefined;
}

export function parseAwesome(source: string, _file: string): ParsedSource {
  const r: Reader = {
    ids: new CategoryIds(),
    items: [],
    notes: [],
    h2: undefined,
    section: undefined,
  };
  let fence = false;
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    const line = i + 1;
    if (/^\s*(?:```|~~~)/.test(text)) fence = !fence;
    if (fence) continue;
    if (text.length > MAX_LINE) {
      // Far longer than any heading or entry (and the patterns would be slow on it).
      if (BULLET.test(text))
        r.notes.push({
          line,
          kind: "skip",
          reason: "not-an-entry",
          message: `a list line of ${text.length} characters: too long to be an entry`,
        });
      continue;
    }
    const heading = HEADING.exec(text);
    if (heading) readHeading(r, (heading[1] as string).length, heading[2] as string, line);
    else if (!BULLET.test(text)) readParagraph(r.section, text);
    else readListLine(r, text, line);
  }
  closeToc(r);
  return { format: "awesome", categories: r.ids.list, items: r.items, notes: r.notes };
}

/** Leaving a table of contents: one note for all its links. */
function closeToc(r: Reader): void {
  const section = r.section;
  if (section?.toc && section.tocLinks > 0) {
    r.notes.push({
      line: section.line,
      kind: "skip",
      reason: "table-of-contents",
      message: `section "${section.title}" is the table of contents: its ${section.tocLinks} links are not entries`,
    });
  }
}

/** A heading: `##` and `###` open a section; deeper ones stay in it; `#` leaves any. */
function readHeading(r: Reader, level: number, markdown: string, line: number): void {
  closeToc(r);
  const title = plainText(markdown);
  if (level <= 2) r.h2 = level === 2 ? title : undefined;
  r.section =
    level < 2 || (level > 3 && r.section === undefined)
      ? undefined
      : level > 3
        ? r.section
        : {
            key: level === 2 ? title : `${r.h2}\u0000${title}`,
            title,
            parent: level === 3 ? r.h2 : undefined,
            line,
            description: undefined,
            toc: TOC.test(title),
            tocLinks: 0,
          };
}

/** Text that is not a list line: the first paragraph of a section describes it. */
function readParagraph(section: Section | undefined, text: string): void {
  const paragraph = section?.description === undefined ? plainText(text) : "";
  if (section && paragraph !== "" && !text.trim().startsWith("<")) section.description = paragraph;
}

/** A list line: an entry of the section, a table-of-contents link, or a skip with its reason. */
function readListLine(r: Reader, text: string, line: number): void {
  const section = r.section;
  if (section === undefined) {
    if (ITEM.test(text))
      r.notes.push({
        line,
        kind: "skip",
        reason: "no-section",
        message: "list item before any `##` heading: not under a category",
      });
    return;
  }
  const m = ITEM.exec(text);
  if (section.toc || m?.[2]?.startsWith("#")) {
    section.tocLinks++;
    if (!section.toc)
      r.notes.push({
        line,
        kind: "skip",
        reason: "table-of-contents",
        message: "a link to a heading of the page, not an entry",
      });
    return;
  }
  if (!m) {
    r.notes.push({
      line,
      kind: "skip",
      reason: "not-an-entry",
      message: `not a \`- [Name](url) - description\` item: ${JSON.stringify(text.trim().slice(0, 60))}`,
    });
    return;
  }
  const s = section;
  const category = r.ids.add(
    s.key,
    s.title,
    s.title,
    s.description ?? (s.parent ? `${s.parent} / ${s.title}` : s.title),
    s.line,
  );
  r.items.push(toItem(m[1] as string, m[2] as string, m[3] as string, category.id, line));
}

function toItem(
  name: string,
  main: string,
  rest: string,
  category: string,
  line: number,
): SourceItem {
  const links = [...rest.matchAll(LINK)].map((l) => ({ text: l[0], url: l[2] as string }));
  const mainRepo = githubRepo(main);
  const repoLink =
    mainRepo === undefined ? links.find((l) => githubRepo(l.url) !== undefined) : undefined;
  const repo = mainRepo ?? githubRepo(repoLink?.url);
  const web = (url: string) =>
    /^https?:\/\//i.test(url) && !/^https?:\/\/(www\.)?github\.com\//i.test(url);
  const homeLink =
    mainRepo === undefined ? undefined : links.find((l) => l !== repoLink && web(l.url));
  const homepage = mainRepo === undefined ? main : homeLink?.url;
  let description = rest;
  for (const used of [repoLink, homeLink])
    if (used) description = description.replace(used.text, "");
  description = plainText(description)
    .replace(/^[\s\-–—:|]+/, "")
    .replace(/[\s\-–—:|(]+$/, "")
    .replace(/\(\s*\)/g, "")
    .replace(/\s+([.,;:!?])(?=\s|$)/g, "$1")
    .trim();
  return {
    line,
    name: plainText(name),
    categories: [category],
    ...(repo !== undefined && { repo }),
    ...(homepage !== undefined && { homepage }),
    ...(description !== "" && { description }),
  };
}

/** Markdown inline text as plain text: links as their text, emphasis and code marks dropped. */
function plainText(md: string): string {
  return md
    .replace(LINK, "$1")
    .replace(/!\[[^\]]*\]/g, "")
    .replace(/(\*\*|__|`)/g, "")
    .replace(/(^|\s)[*_]([^*_]+)[*_](?=\s|$|[.,;:])/g, "$1$2")
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

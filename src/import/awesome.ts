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

export function parseAwesome(source: string, _file: string): ParsedSource {
  const ids = new CategoryIds();
  const items: SourceItem[] = [];
  const notes: Note[] = [];
  let h2: string | undefined;
  let section: Section | undefined;
  let fence = false;
  const closeToc = () => {
    if (section?.toc && section.tocLinks > 0) {
      notes.push({
        line: section.line,
        kind: "skip",
        reason: "table-of-contents",
        message: `section "${section.title}" is the table of contents: its ${section.tocLinks} links are not entries`,
      });
    }
  };
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    const line = i + 1;
    if (/^\s*(?:```|~~~)/.test(text)) fence = !fence;
    if (fence) continue;
    if (text.length > MAX_LINE) {
      // Far longer than any heading or entry (and the patterns would be slow on it).
      if (BULLET.test(text))
        notes.push({
          line,
          kind: "skip",
          reason: "not-an-entry",
          message: `a list line of ${text.length} characters: too long to be an entry`,
        });
      continue;
    }
    const heading = HEADING.exec(text);
    if (heading) {
      closeToc();
      const level = (heading[1] as string).length;
      const title = plainText(heading[2] as string);
      if (level <= 2) h2 = level === 2 ? title : undefined;
      section =
        level < 2 || (level > 3 && section === undefined)
          ? undefined
          : level > 3
            ? section
            : {
                key: level === 2 ? title : `${h2}\u0000${title}`,
                title,
                parent: level === 3 ? h2 : undefined,
                line,
                description: undefined,
                toc: TOC.test(title),
                tocLinks: 0,
              };
      continue;
    }
    if (!BULLET.test(text)) {
      const paragraph = section?.description === undefined ? plainText(text) : "";
      if (section && paragraph !== "" && !text.trim().startsWith("<"))
        section.description = paragraph;
      continue;
    }
    if (section === undefined) {
      if (ITEM.test(text))
        notes.push({
          line,
          kind: "skip",
          reason: "no-section",
          message: "list item before any `##` heading: not under a category",
        });
      continue;
    }
    const m = ITEM.exec(text);
    if (section.toc || m?.[2]?.startsWith("#")) {
      section.tocLinks++;
      if (!section.toc)
        notes.push({
          line,
          kind: "skip",
          reason: "table-of-contents",
          message: "a link to a heading of the page, not an entry",
        });
      continue;
    }
    if (!m) {
      notes.push({
        line,
        kind: "skip",
        reason: "not-an-entry",
        message: `not a \`- [Name](url) - description\` item: ${JSON.stringify(text.trim().slice(0, 60))}`,
      });
      continue;
    }
    const s = section;
    const category = ids.add(
      s.key,
      s.title,
      s.title,
      s.description ?? (s.parent ? `${s.parent} / ${s.title}` : s.title),
      s.line,
    );
    items.push(toItem(m[1] as string, m[2] as string, m[3] as string, category.id, line));
  }
  closeToc();
  return { format: "awesome", categories: ids.list, items, notes };
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

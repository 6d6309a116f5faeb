/**
 * DIRECTORY.md within GitHub's rendering limit: GitHub shows at most 512 KiB
 * of a Markdown file. A directory whose list fits is one file, as before;
 * past MARKDOWN_LIMIT the list becomes an index (DIRECTORY.md: title, intro,
 * one line per category with its count) plus one file per category under
 * `directory/` (`directory/CATEGORY.md`; a category too big for one file
 * continues in `CATEGORY-2.md`, `CATEGORY-3.md`, …, each linking to the next).
 */
import { type Branding, DEFAULT_BRANDING } from "../core/branding.js";
import type { Directory } from "../core/model.js";
import {
  escapeListBlock,
  escapeListText,
  markdownHeader,
  projectLine,
  renderMarkdown,
  type Section,
  sections,
} from "./markdown.js";

/** Bytes per file: under GitHub's 512 KiB (524,288 bytes) with room to spare. */
export const MARKDOWN_LIMIT = 500 * 1024;
/** The folder of the per-category files, next to DIRECTORY.md. */
export const PARTS_DIR = "directory";

/** One Markdown file: `path` is relative to the folder of the index. */
export interface MarkdownFile {
  path: string;
  text: string;
}

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");

/** File names of the categories: their ids (unique, URL-safe); "other" for unknown ids. */
function fileNames(all: readonly Section[]): string[] {
  const used = new Set<string>();
  return all.map((s) => {
    const base = s.id === "\0other" ? "other" : s.id;
    let name = base;
    for (let n = 1; used.has(name); n++) name = `${base}-other${n}`;
    used.add(name);
    return name;
  });
}

/** A category's lines cut into pages whose text stays under `limit`. */
function pages(lines: readonly string[], limit: number): string[][] {
  const room = limit - 4096; // the page's heading, description and links
  const out: string[][] = [[]];
  let size = 0;
  for (const line of lines) {
    const n = bytes(line) + 1;
    if (size + n > room && (out.at(-1) as string[]).length > 0) {
      out.push([]);
      size = 0;
    }
    (out.at(-1) as string[]).push(line);
    size += n;
  }
  return out;
}

const pagePath = (name: string, i: number) =>
  `${PARTS_DIR}/${name}${i === 0 ? "" : `-${i + 1}`}.md`;

/**
 * The Markdown files of the directory: [index] when it fits in `limit` bytes,
 * else the index followed by the per-category pages. `indexName` is the
 * index's file name (the pages link back to it).
 */
export function renderMarkdownFiles(
  directory: Directory,
  indexName = "DIRECTORY.md",
  limit = MARKDOWN_LIMIT,
  branding: Pick<Branding, "title" | "tagline"> = DEFAULT_BRANDING,
): MarkdownFile[] {
  const all = sections(directory);
  // Each project's line once: their size alone tells when one file cannot hold them.
  const lines = all.map((s) => s.projects.map(projectLine));
  const listed = lines.reduce((sum, ls) => ls.reduce((n, l) => n + bytes(l) + 1, sum), 0);
  if (listed <= limit) {
    const single = renderMarkdown(directory, branding);
    if (bytes(single) <= limit) return [{ path: indexName, text: single }];
  }
  const names = fileNames(all);
  const index: string[] = [
    ...markdownHeader(branding),
    `The list is split by category, one file each under \`${PARTS_DIR}/\`: GitHub shows at most 512 KB of a Markdown file.`,
    "",
    "## Contents",
    "",
  ];
  const files: MarkdownFile[] = [];
  all.forEach((s, k) => {
    const name = names[k] as string;
    const parts = pages(lines[k] as string[], limit);
    const more =
      parts.length > 1
        ? `; continued in ${parts
            .slice(1)
            .map((_, i) => `[part ${i + 2}](${pagePath(name, i + 1)})`)
            .join(", ")}`
        : "";
    index.push(`- [${escapeListText(s.name)}](${pagePath(name, 0)}) (${s.projects.length}${more})`);
    parts.forEach((lines, i) => {
      const title = `${escapeListText(s.name)}${parts.length > 1 ? ` (part ${i + 1} of ${parts.length})` : ""}`;
      const out = [`# ${title}`, "", `[All categories](../${indexName})`, ""];
      if (i === 0 && s.description.trim() !== "") out.push(escapeListBlock(s.description), "");
      out.push(...lines);
      if (i + 1 < parts.length) out.push("", `[Part ${i + 2} →](${`${name}-${i + 2}.md`})`);
      files.push({ path: pagePath(name, i), text: `${out.join("\n")}\n` });
    });
  });
  return [{ path: indexName, text: `${index.join("\n")}\n` }, ...files];
}

/**
 * The directory as an awesome-list style Markdown document (DIRECTORY.md),
 * committed next to directory.json so the list reads well on GitHub itself.
 *
 * Format: a title, an intro, a table of contents, then one section per
 * category (in `directory.categories` order, with its description) listing
 * its projects by name (a project in several categories under each of them):
 *
 *     - [name](link) - tagline ★1.2k *(archived)*
 *     - [name](link) - tagline ★310 *(stable; no changes needed)*
 *
 * The link is the homepage, else the GitHub repository; a URL that is not
 * https renders no link. Stars use `formatCompactCount`: exact below 1,000, else
 * rounded down to one decimal ("1.2k" = at least 1,200), so the nightly
 * refresh does not rewrite every line. Archived, inactive, moved and missing
 * repositories are marked (stale is not: it is a transient fetch failure); a
 * curator's maintenance note is shown instead of the maintenance mark. No
 * dates: a night in which nothing changed leaves the file as it was.
 *
 * All text from the data is untrusted: Markdown and HTML syntax in it is
 * backslash-escaped and whitespace collapsed, so it cannot inject HTML, links,
 * emphasis or new blocks. Pure and importable without side effects (`cooltech
 * build` calls it too).
 */

import { type Branding, DEFAULT_BRANDING } from "../core/branding.js";
import { formatCompactCount, safeHttps } from "../core/format.js";
import { type Category, type Directory, type DirectoryProject, isFetched } from "../core/model.js";
import { stripControls } from "../core/text.js";

const MAX_TAGLINE = 200;

/**
 * Escapes what could make inline Markdown or HTML (emphasis, code, links,
 * images, autolinks, tags, entities, strikethrough, heading closers) and
 * collapses whitespace (a newline could start a block). Parentheses need no
 * escape: with every `[` escaped, they cannot form a link.
 */
export function escapeListText(text: string): string {
  return stripControls(text)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>#~&]/g, "\\$&");
}

/** Like `escapeListText`, for text that starts a line: also defuses list, quote and rule markers. */
export function escapeListBlock(text: string): string {
  return escapeListText(text)
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** A URL fit for `[text](url)`: https only, and no bare parentheses or spaces to end it early. */
export function markdownUrl(url: string | null | undefined): string | null {
  const href = safeHttps(url);
  return href === null ? null : href.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
export function headingSlug(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

function truncate(text: string, max: number): string {
  const chars = [...stripControls(text).replace(/\s+/g, " ").trim()];
  return chars.length <= max
    ? chars.join("")
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/**
 * The maintenance mark: the curator's note when there is one (instead of the
 * mark), else `*(inactive)*`, `*(archived)*`, `*(feature-complete)*` or
 * `*(deprecated)*`; nothing for active. A directory.json written before marks
 * existed has none: its archived entries are marked from the GitHub data.
 */
function maintenanceMark(p: DirectoryProject): string {
  const m = p.maintenance;
  if (m === undefined) return p.github?.archived === true ? " *(archived)*" : "";
  if (m === null) return "";
  if (m.note !== null && m.note.trim() !== "") return ` *(${escapeListText(m.note)})*`;
  return m.status === "active" ? "" : ` *(${m.status})*`;
}

function marks(p: DirectoryProject): string {
  const gh = p.github;
  const out: string[] = [maintenanceMark(p)];
  if (gh?.status === "moved") out.push(` *(moved to ${escapeListText(gh.nameWithOwner)})*`);
  if (gh?.status === "missing") out.push(" *(repository missing)*");
  return out.join("");
}

export function projectLine(p: DirectoryProject): string {
  const name = escapeListText(p.name);
  const repoUrl = p.github?.url ?? (p.repo === null ? null : `https://github.com/${p.repo}`);
  const link = markdownUrl(p.homepage) ?? markdownUrl(repoUrl);
  let line = link === null ? `- ${name}` : `- [${name}](${link})`;
  const tagline = p.description ?? p.github?.description ?? null;
  if (tagline !== null && tagline.trim() !== "") {
    line += ` - ${escapeListText(truncate(tagline, MAX_TAGLINE))}`;
  }
  // A repository never found on GitHub has no stars to show: only its mark.
  if (isFetched(p.github)) line += ` ★${formatCompactCount(p.github.stars)}`;
  return line + marks(p);
}

/** Case-insensitive by name, by code unit (no locale data), then by position: deterministic. */
function byName(a: Indexed, b: Indexed) {
  const x = a.folded;
  const y = b.folded;
  return x < y ? -1 : x > y ? 1 : a.i - b.i;
}

/** A project, its position and its name in lower case (folded once, not at each comparison). */
interface Indexed {
  p: DirectoryProject;
  i: number;
  folded: string;
}

export interface Section {
  /** The category id ("\0other" for entries in a category the directory does not define). */
  id: string;
  name: string;
  description: string;
  projects: DirectoryProject[];
}

/** Every category of a project; a directory written before `categories` existed has only `category`. */
function projectCategories(p: DirectoryProject): string[] {
  return p.categories ?? [p.category];
}

/**
 * Categories in directory order, without empty ones; a project in several
 * categories is listed under each; one in no known category goes to a last "Other".
 */
export function sections(directory: Directory): Section[] {
  const known = new Set(directory.categories.map((c) => c.id));
  const withOther: Category[] = [
    ...directory.categories,
    {
      id: "\0other",
      name: "Other",
      description: "Projects in a category the directory does not define.",
    },
  ];
  const indexed: Indexed[] = directory.projects.map((p, i) => ({
    p,
    i,
    folded: p.name.toLowerCase(),
  }));
  return withOther
    .map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      projects: indexed
        .filter(({ p }) =>
          c.id === "\0other"
            ? !projectCategories(p).some((id) => known.has(id))
            : projectCategories(p).includes(c.id),
        )
        .sort(byName)
        .map(({ p }) => p),
    }))
    .filter((s) => s.projects.length > 0);
}

/** The note under the intro: where the file comes from, and what ★ means. */
export const GENERATED_NOTE = `Generated from [\`directory.json\`](directory.json) by cooltech (\`cooltech build\` or \`cooltech markdown\`): edit the curated YAML, not this file. ★ is GitHub stars at the last refresh (\`refreshedAt\` in directory.json; this file carries no date, so a night in which nothing changed leaves it as it was), rounded down (1.2k means at least 1,200). *(inactive)*: the last push was in a month more than \`inactiveAfterMonths\` (12 by default) before the month of that refresh; a note in italics is the curator's word on how the project is maintained.`;

/** The title, the tagline (from data/cooltech.yaml) and the note above every list. */
export function markdownHeader(branding: Pick<Branding, "title" | "tagline">): string[] {
  return [
    `# ${escapeListText(branding.title)}`,
    "",
    escapeListBlock(branding.tagline),
    "",
    GENERATED_NOTE,
    "",
  ];
}

export function renderMarkdown(
  directory: Directory,
  branding: Pick<Branding, "title" | "tagline"> = DEFAULT_BRANDING,
): string {
  const out: string[] = [...markdownHeader(branding), "## Contents", ""];
  const all = sections(directory);
  const used = new Set([headingSlug(branding.title), "contents"]);
  const slugs = all.map((s) => {
    const base = headingSlug(s.name);
    let slug = base;
    for (let n = 1; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
  all.forEach((s, i) => {
    out.push(`- [${escapeListText(s.name)}](#${slugs[i]}) (${s.projects.length})`);
  });
  for (const s of all) {
    out.push("", `## ${escapeListText(s.name)}`, "");
    if (s.description.trim() !== "") out.push(escapeListBlock(s.description), "");
    for (const p of s.projects) out.push(projectLine(p));
  }
  return `${out.join("\n")}\n`;
}

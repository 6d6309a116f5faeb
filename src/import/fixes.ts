/**
 * Fixes that are safe to make to an imported item (each reported as a note):
 * a name or category text made one clean line, a description cut at a word
 * boundary, an http:// homepage upgraded to https://, tags slugged. An item
 * that cannot be made valid is skipped with the reason.
 */
import { normalizeRepo } from "../core/repo-url.js";
import type { Note, SourceItem } from "./types.js";

export const LIMITS = {
  name: 100,
  description: 200,
  tags: 10,
  tag: 40,
  categories: 10,
  categoryId: 50,
  categoryName: 60,
  categoryDescription: 300,
};

/** The project fields an item maps to (category ids are resolved later). */
export interface Candidate {
  line: number;
  name: string;
  repo?: string;
  homepage?: string;
  categories: string[];
  tags?: string[];
  description?: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the schema forbids
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One line of text: control and invisible characters dropped, white space collapsed. */
export function oneLine(text: string): string {
  return text.replace(INVISIBLE, " ").replace(/\s+/g, " ").trim();
}

/** Lowercase kebab-case (`Automation & Configuration` → `automation-configuration`), at most `max` long. */
export function slug(text: string, max: number = LIMITS.categoryId): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return cutSlug(s, max);
}

function cutSlug(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max + 1);
  const at = cut.lastIndexOf("-");
  return (at > 0 ? cut.slice(0, at) : s.slice(0, max)).replace(/-+$/, "");
}

/** Cut at the last word boundary that leaves room for `…`, within `max` characters. */
export function cutText(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join("");
  const space = head.lastIndexOf(" ");
  const base = space > max / 2 ? head.slice(0, space) : head;
  return `${base.replace(/[\s,;:.-]+$/, "")}…`;
}

const HOMEPAGE = /^https:\/\/[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][^\s]*)?$/;
const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;

/** `owner/name` when `url` is a GitHub repository (its page, not a file or folder in it). */
export function githubRepo(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const repo = normalizeRepo(url);
  if (repo === undefined || !REPO.test(repo)) return undefined;
  // A folder or file in a repository (`…/o/n/tree/main/x`) is a part of it, listed as its own
  // project by the list: its link is a homepage, not the repository.
  if (/github\.com\/[^/?#]+\/[^/?#]+\/[^?#]*[^/?#]/i.test(url)) return undefined;
  // `owner/name` alone only when it is not a URL of another host (`gitlab.com/x` has no scheme).
  if (!/github\.com/i.test(url) && /[:.]/.test(url.split("/")[0] ?? "")) return undefined;
  return repo;
}

/** Turns a source item into a candidate entry, with a note per fix; undefined (and a skip note) when it cannot be one. */
export function fixItem(item: SourceItem, notes: Note[]): Candidate | undefined {
  const note = (kind: Note["kind"], reason: string, message: string, name?: string) =>
    notes.push({ line: item.line, kind, reason, message, ...(name !== undefined && { name }) });
  let name = oneLine(item.name);
  if (name === "") {
    note("skip", "no-name", "the entry has no name");
    return undefined;
  }
  if ([...name].length > LIMITS.name) {
    const cut = cutText(name, LIMITS.name);
    note("fix", "name-cut", `name cut to ${LIMITS.name} characters: "${cut}"`, name);
    name = cut;
  }
  if (oneLine(item.name) !== item.name.trim()) {
    note("fix", "name-cleaned", "line breaks or control characters removed from the name", name);
  }
  const repo = githubRepo(item.repo);
  let homepage = item.homepage;
  if (item.repo !== undefined && repo === undefined) {
    if (homepage === undefined) {
      homepage = item.repo;
      note(
        "fix",
        "repo-not-github",
        `repository ${item.repo} is not a GitHub repository: used as the homepage`,
        name,
      );
    } else {
      note(
        "fix",
        "repo-not-github",
        `repository ${item.repo} is not a GitHub repository: left out (the homepage is kept)`,
        name,
      );
    }
  }
  homepage = fixHomepage(homepage, name, note);
  if (repo === undefined && homepage === undefined) {
    note("skip", "no-link", "no GitHub repository and no usable homepage", name);
    return undefined;
  }
  return {
    line: item.line,
    name,
    ...(repo !== undefined && { repo }),
    ...(homepage !== undefined && { homepage }),
    categories: fixCategories(item.categories, name, note),
    ...fixTags(item.tags, name, note),
    ...fixDescription(item.description, name, note),
  };
}

type NoteFn = (kind: Note["kind"], reason: string, message: string, name?: string) => void;

function fixHomepage(url: string | undefined, name: string, note: NoteFn): string | undefined {
  if (url === undefined || url.trim() === "") return undefined;
  let u = url.trim();
  if (/^http:\/\//i.test(u)) {
    u = `https://${u.slice(7)}`;
    note("fix", "http-homepage", `homepage ${url} upgraded to ${u}`, name);
  }
  if (HOMEPAGE.test(u) && u.length <= 2048) return u;
  note("fix", "bad-homepage", `homepage ${url} is not an https URL: left out`, name);
  return undefined;
}

function fixCategories(ids: string[], name: string, note: NoteFn): string[] {
  const unique = [...new Set(ids)];
  if (unique.length <= LIMITS.categories) return unique;
  note("fix", "too-many-categories", `only the first ${LIMITS.categories} categories kept`, name);
  return unique.slice(0, LIMITS.categories);
}

function fixTags(tags: string[] | undefined, name: string, note: NoteFn): { tags?: string[] } {
  if (tags === undefined || tags.length === 0) return {};
  const out = [...new Set(tags.map((t) => slug(t, LIMITS.tag)).filter((t) => t !== ""))];
  const changed = tags.filter((t) => !out.includes(t));
  if (changed.length > 0) {
    note(
      "fix",
      "tag-slugged",
      `tags ${changed.join(", ")} written as ${out.join(", ") || "nothing"}`,
      name,
    );
  }
  if (out.length > LIMITS.tags) {
    note("fix", "too-many-tags", `only the first ${LIMITS.tags} tags kept`, name);
    out.length = LIMITS.tags;
  }
  return out.length > 0 ? { tags: out } : {};
}

function fixDescription(
  text: string | undefined,
  name: string,
  note: NoteFn,
): { description?: string } {
  if (text === undefined) return {};
  const clean = oneLine(text);
  if (clean === "") return {};
  if ([...clean].length <= LIMITS.description) return { description: clean };
  const cut = cutText(clean, LIMITS.description);
  note(
    "fix",
    "description-cut",
    `description of ${[...clean].length} characters cut at a word boundary to ${[...cut].length}`,
    name,
  );
  return { description: cut };
}

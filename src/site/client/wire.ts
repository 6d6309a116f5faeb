/**
 * How the page embeds its data: by column (one array per field) rather than
 * one object per project, so 10,000 projects do not repeat 30 key names each
 * and JSON.parse reads flat arrays. Values a column can rebuild are left out:
 * the slug (from the names), the primary category (the first of the
 * categories), the avatar host, and GitHub times equal to the directory's
 * refresh. `decodeSiteData` turns it back into `SiteData`; site/build/wire.ts
 * writes it, and a test checks the round trip.
 */
import { AVATAR_ORIGIN } from "../../core/format.js";
import type { SiteData, SiteProject, SiteRelease } from "./data.js";

/** The fields stored as they are, in column order. */
export const PLAIN_COLUMNS = [
  "name",
  "categories",
  "tags",
  "topics",
  "description",
  "homepage",
  "repo",
  "stars",
  "stars7d",
  "stars30d",
  "forks",
  "openIssues",
  "license",
  "language",
  "createdAt",
  "pushedAt",
  "archived",
  "status",
  "movedTo",
  "confirmedAt",
  "history",
] as const satisfies ReadonlyArray<keyof SiteProject>;

export type PlainColumn = (typeof PLAIN_COLUMNS)[number];

export interface WireData {
  refreshedAt: string | null;
  fetchedAt: string | null;
  historyStart: string | null;
  historyEnd: string | null;
  categories: SiteData["categories"];
  columns: { [K in PlainColumn]: Array<SiteProject[K]> } & {
    /** null when the slug is the lower-cased name (most are). */
    slug: Array<string | null>;
    /** "" when it is https://github.com/ + repo. */
    repoUrl: Array<string | null>;
    /** The avatar's path and query on AVATAR_ORIGIN. */
    avatar: Array<string | null>;
    /** "" when the same as the directory's refreshedAt. */
    fetchedAt: Array<string | null>;
    checkedAt: Array<string | null>;
    /** [tag, url ("" when it is the repository's URL + /releases/tag/ + tag), publishedAt] */
    release: Array<[string, string | null, string | null] | null>;
    /** [status, note, source], or the status alone when computed without a note. */
    maintenance: Array<[string, string | null, string] | string | null>;
  };
}

/** The preview block (preview.ts): the first projects of the default view, and their positions. */
export interface PreviewWire extends WireData {
  order: number[];
}

/** The name as an address: lower-cased, runs of anything but letters and digits as one dash. */
export function slugOf(name: string): string {
  const slug = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "project" : slug;
}

/** One slug per project, in directory order; a repeat ("C" and "C++") gets -2, -3, … */
export function uniqueSlugs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = slugOf(name);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}

/** https://github.com/ + repo: the repository URL most entries have. */
export const githubUrl = (repo: string | null): string | null =>
  repo === null ? null : `https://github.com/${repo}`;

/** The release page most releases have: the repository's URL + /releases/tag/ + tag. */
export const releaseUrl = (repoUrl: string | null, tag: string): string | null =>
  repoUrl === null ? null : `${repoUrl}/releases/tag/${tag}`;

type WireRelease = [string, string | null, string | null] | null | undefined;

function release(v: WireRelease, repoUrl: string | null): SiteRelease | null {
  if (v == null) return null;
  return { tag: v[0], url: v[1] === "" ? releaseUrl(repoUrl, v[0]) : v[1], publishedAt: v[2] };
}

type WireMaintenance = [string, string | null, string] | string | null | undefined;

function maintenance(v: WireMaintenance): SiteProject["maintenance"] {
  if (v == null) return null;
  const [status, note, source] = typeof v === "string" ? [v, null, "computed"] : v;
  return { status, note, source } as SiteProject["maintenance"];
}

/** The page's data back from its columns (every project object built with the same shape). */
export function decodeSiteData(wire: WireData): SiteData {
  const c = wire.columns;
  const time = (v: string | null | undefined) => (v === "" ? wire.refreshedAt : (v ?? null));
  const projects = c.name.map((name, i): SiteProject => {
    const repo = c.repo[i] ?? null;
    const categories = c.categories[i] ?? [];
    const rawUrl = c.repoUrl[i];
    const repoUrl = rawUrl === "" ? githubUrl(repo) : (rawUrl ?? null);
    const avatar = c.avatar[i];
    return {
      name,
      slug: c.slug[i] ?? name.toLowerCase(),
      category: categories[0] ?? "",
      categories,
      tags: c.tags[i] ?? [],
      topics: c.topics[i] ?? [],
      description: c.description[i] ?? null,
      homepage: c.homepage[i] ?? null,
      repoUrl,
      repo,
      avatar: avatar == null ? null : AVATAR_ORIGIN + avatar,
      stars: c.stars[i] ?? null,
      stars7d: c.stars7d[i] ?? null,
      stars30d: c.stars30d[i] ?? null,
      forks: c.forks[i] ?? null,
      openIssues: c.openIssues[i] ?? null,
      license: c.license[i] ?? null,
      language: c.language[i] ?? null,
      createdAt: c.createdAt[i] ?? null,
      pushedAt: c.pushedAt[i] ?? null,
      release: release(c.release[i], repoUrl),
      archived: c.archived[i] ?? false,
      status: c.status[i] ?? null,
      movedTo: c.movedTo[i] ?? null,
      fetchedAt: time(c.fetchedAt[i]),
      checkedAt: time(c.checkedAt[i]),
      confirmedAt: c.confirmedAt[i] ?? null,
      maintenance: maintenance(c.maintenance[i]),
      history: c.history[i] ?? null,
    };
  });
  const { refreshedAt, fetchedAt, historyStart, historyEnd, categories } = wire;
  return { refreshedAt, fetchedAt, historyStart, historyEnd, categories, projects };
}

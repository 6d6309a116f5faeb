/**
 * Projects a `Directory` onto what the page needs (`SiteData`): the fields a
 * card shows or a search reads. URLs that are not https are dropped here
 * already (the page checks them again).
 */

import { safeHttps } from "../../core/format.js";
import type { Directory, DirectoryProject } from "../../core/model.js";
import { stripControls } from "../../core/text.js";
import type { SiteData, SiteProject } from "../client/data.js";

function repoUrl(p: DirectoryProject): string | null {
  const fromGithub = safeHttps(p.github?.url);
  if (fromGithub !== null) return fromGithub;
  return p.repo === null ? null : safeHttps(`https://github.com/${p.repo}`);
}

export function toSiteProject(p: DirectoryProject): SiteProject {
  const gh = p.github;
  const release = gh?.latestRelease ?? null;
  return {
    name: p.name,
    category: p.category,
    categories: p.categories ?? [p.category],
    tags: p.tags,
    topics: gh?.topics ?? [],
    description: p.description,
    homepage: safeHttps(p.homepage),
    repoUrl: repoUrl(p),
    repo: p.repo,
    stars: gh?.stars ?? null,
    stars7d: p.trend?.stars7d ?? null,
    stars30d: p.trend?.stars30d ?? null,
    license: gh?.license ?? null,
    language: gh?.language ?? null,
    pushedAt: gh?.pushedAt ?? null,
    release:
      release === null
        ? null
        : { tag: release.tag, url: safeHttps(release.url), publishedAt: release.publishedAt },
    archived: gh?.archived ?? false,
    status: gh?.status ?? null,
    movedTo: gh?.status === "moved" ? gh.nameWithOwner : null,
  };
}

/** Every string of `v` without control or bidi characters (src/core/text.ts). */
function clean<T>(v: T): T {
  if (typeof v === "string") return stripControls(v) as T;
  if (Array.isArray(v)) return v.map(clean) as T;
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)])) as T;
  }
  return v;
}

/** The page's data; its text carries no control or bidi characters, whatever directory.json holds. */
export function toSiteData(directory: Directory): SiteData {
  let fetchedAt: string | null = null;
  for (const p of directory.projects) {
    const at = p.github?.fetchedAt ?? null;
    if (at !== null && (fetchedAt === null || at > fetchedAt)) fetchedAt = at;
  }
  return clean({
    refreshedAt: directory.refreshedAt,
    fetchedAt,
    categories: directory.categories.map(({ id, name, description }) => ({
      id,
      name,
      description,
    })),
    projects: directory.projects.map(toSiteProject),
  });
}

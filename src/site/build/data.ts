/**
 * Projects a `Directory` onto what the page needs (`SiteData`): the fields a
 * card, a row, the detail view or a search reads. URLs that are not https
 * (avatars not on GitHub's avatar host) are dropped here already; the page
 * checks them again.
 */

import { safeAvatar, safeHttps } from "../../core/format.js";
import { type Directory, type DirectoryProject, isFetched } from "../../core/model.js";
import { hasControls, stripControls } from "../../core/text.js";
import type { SiteData, SiteProject } from "../client/data.js";
import { slugOf, uniqueSlugs } from "../client/wire.js";
import {
  encodeSeries,
  type HistoryWindow,
  historyKey,
  historyWindow,
  type StarHistory,
} from "./history.js";

function repoUrl(p: DirectoryProject): string | null {
  const fromGithub = safeHttps(p.github?.url);
  if (fromGithub !== null) return fromGithub;
  return p.repo === null ? null : safeHttps(`https://github.com/${p.repo}`);
}

function githubFields(p: DirectoryProject) {
  const gh = isFetched(p.github) ? p.github : null;
  const release = gh?.latestRelease ?? null;
  return {
    avatar: safeAvatar(gh?.avatarUrl),
    stars: gh?.stars ?? null,
    forks: gh?.forks ?? null,
    openIssues: gh?.openIssues ?? null,
    license: gh?.license ?? null,
    language: gh?.language ?? null,
    createdAt: gh?.createdAt ?? null,
    pushedAt: gh?.pushedAt ?? null,
    release:
      release === null
        ? null
        : { tag: release.tag, url: safeHttps(release.url), publishedAt: release.publishedAt },
    archived: gh?.archived ?? false,
    fetchedAt: gh?.fetchedAt ?? null,
    confirmedAt: gh?.status === "stale" ? (gh.confirmedAt ?? null) : null,
  };
}

export function toSiteProject(
  p: DirectoryProject,
  slug = slugOf(p.name),
  history?: StarHistory,
  window?: HistoryWindow | null,
): SiteProject {
  const gh = p.github;
  const key = history === undefined ? null : historyKey(p);
  return {
    name: p.name,
    slug,
    category: p.category,
    categories: p.categories ?? [p.category],
    tags: p.tags,
    topics: gh?.topics ?? [],
    description: p.description,
    homepage: safeHttps(p.homepage),
    repoUrl: repoUrl(p),
    repo: p.repo,
    stars7d: p.trend?.stars7d ?? null,
    stars30d: p.trend?.stars30d ?? null,
    ...githubFields(p),
    status: gh?.status ?? null,
    movedTo: gh?.status === "moved" ? gh.nameWithOwner : null,
    checkedAt: gh?.checkedAt ?? null,
    maintenance: p.maintenance ?? null,
    history: key === null || window == null ? null : encodeSeries(history?.get(key), window),
  };
}

/**
 * Every string of `v` without control or bidi characters (src/core/text.ts).
 * Copies only what changes (most data has none of them): 10,000 projects
 * stay quick.
 */
function clean<T>(v: T): T {
  if (typeof v === "string") return (hasControls(v) ? stripControls(v) : v) as T;
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    let out: unknown[] = v;
    v.forEach((x, i) => {
      const c = clean(x);
      if (c !== x) {
        if (out === v) out = [...v];
        out[i] = c;
      }
    });
    return out as T;
  }
  let out = v as Record<string, unknown>;
  for (const [k, x] of Object.entries(v)) {
    const c = clean(x);
    if (c !== x) {
      if (out === v) out = { ...out };
      out[k] = c;
    }
  }
  return out as T;
}

/** The page's data; its text carries no control or bidi characters, whatever directory.json holds. */
export function toSiteData(directory: Directory, history: StarHistory = new Map()): SiteData {
  let fetchedAt: string | null = null;
  for (const p of directory.projects) {
    const at = p.github?.fetchedAt ?? null;
    if (at !== null && (fetchedAt === null || at > fetchedAt)) fetchedAt = at;
  }
  const window = historyWindow(directory, history);
  const slugs = uniqueSlugs(directory.projects.map((p) => p.name));
  return clean({
    refreshedAt: directory.refreshedAt,
    fetchedAt,
    historyStart: window?.start ?? null,
    historyEnd: window?.end ?? null,
    categories: directory.categories.map(({ id, name, description }) => ({
      id,
      name,
      description,
    })),
    projects: directory.projects.map((p, i) =>
      toSiteProject(p, slugs[i] ?? "project", history, window),
    ),
  });
}

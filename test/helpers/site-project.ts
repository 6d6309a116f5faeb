/** A page project (SiteProject) with every field empty, for the site's unit tests. */
import type { SiteData, SiteProject } from "../../src/site/client/data.js";

export function siteProject(name: string, extra: Partial<SiteProject> = {}): SiteProject {
  return {
    name,
    slug: name.toLowerCase(),
    category: "c",
    categories: ["c"],
    tags: [],
    topics: [],
    description: null,
    homepage: null,
    repoUrl: null,
    repo: null,
    avatar: null,
    stars: null,
    stars7d: null,
    stars30d: null,
    forks: null,
    openIssues: null,
    license: null,
    language: null,
    createdAt: null,
    pushedAt: null,
    release: null,
    archived: false,
    status: null,
    movedTo: null,
    fetchedAt: null,
    checkedAt: null,
    confirmedAt: null,
    maintenance: null,
    history: null,
    ...extra,
  };
}

export function siteData(projects: SiteProject[], extra: Partial<SiteData> = {}): SiteData {
  return {
    refreshedAt: null,
    fetchedAt: null,
    historyStart: null,
    historyEnd: null,
    categories: [],
    projects,
    ...extra,
  };
}

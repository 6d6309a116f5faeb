/** Writes the page's data by column (see site/client/wire.ts, which reads it back). */
import { AVATAR_ORIGIN } from "../../core/format.js";
import type { SiteData, SiteProject } from "../client/data.js";
import { buildIndex, selectProjects } from "../client/select.js";
import { DEFAULT_STATE, FIRST_BATCH } from "../client/state.js";
import {
  githubUrl,
  PLAIN_COLUMNS,
  type PlainColumn,
  type PreviewWire,
  releaseUrl,
  type WireData,
} from "../client/wire.js";

export function encodeSiteData(data: SiteData): WireData {
  const { refreshedAt, fetchedAt, historyStart, historyEnd, categories, projects } = data;
  const column = <T>(get: (p: SiteProject) => T): T[] => projects.map(get);
  const time = (v: string | null) => (v !== null && v === refreshedAt ? "" : v);
  const plain = Object.fromEntries(PLAIN_COLUMNS.map((key) => [key, column((p) => p[key])])) as {
    [K in PlainColumn]: Array<SiteProject[K]>;
  };
  return {
    refreshedAt,
    fetchedAt,
    historyStart,
    historyEnd,
    categories,
    columns: {
      ...plain,
      slug: column((p) => (p.slug === p.name.toLowerCase() ? null : p.slug)),
      repoUrl: column((p) =>
        p.repoUrl !== null && p.repoUrl === githubUrl(p.repo) ? "" : p.repoUrl,
      ),
      avatar: column((p) =>
        p.avatar?.startsWith(`${AVATAR_ORIGIN}/`) ? p.avatar.slice(AVATAR_ORIGIN.length) : null,
      ),
      fetchedAt: column((p) => time(p.fetchedAt)),
      checkedAt: column((p) => time(p.checkedAt)),
      release: column((p) => {
        if (p.release === null) return null;
        const { tag, url, publishedAt } = p.release;
        return [tag, url !== null && url === releaseUrl(p.repoUrl, tag) ? "" : url, publishedAt];
      }),
      maintenance: column((p) => {
        const m = p.maintenance;
        if (m === null) return null;
        return m.source === "computed" && m.note === null ? m.status : [m.status, m.note, m.source];
      }),
    },
  };
}

/**
 * The preview block (site/client/preview.ts): the projects the default view
 * shows first, sorted as the page sorts them, with their positions.
 */
export function previewData(data: SiteData): PreviewWire {
  const first = selectProjects(buildIndex(data.projects), DEFAULT_STATE).slice(0, FIRST_BATCH);
  return {
    ...encodeSiteData({ ...data, projects: first.map((e) => e.project) }),
    order: first.map((e) => e.order),
  };
}

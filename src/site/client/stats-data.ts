/**
 * The numbers behind the stats view. Pure (no DOM), unit-tested in Node.
 *
 * Entries carry no "added on" date, so growth is shown as what the data
 * really has: the GitHub repositories by the year they were created.
 */
import { maintenanceStatus } from "./badges.js";
import type { SiteData, SiteProject } from "./data.js";

/** [label, count], in display order. */
export type Row = [string, number];

function counted(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** Most first, ties by label; past `top` rows the rest are summed as "Other (N)". */
export function topRows(counts: Map<string, number>, top: number): Row[] {
  const rows = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (rows.length <= top) return rows;
  const rest = rows.slice(top);
  const sum = rest.reduce((n, r) => n + r[1], 0);
  return [...rows.slice(0, top), [`${rest.length} others`, sum]];
}

/** Projects per category (a project counts in each of its categories), by display name. */
export function perCategory(data: SiteData, top = 25): Row[] {
  const names = new Map(data.categories.map((c) => [c.id, c.name]));
  return topRows(
    counted(data.projects.flatMap((p) => p.categories.map((id) => names.get(id) ?? id))),
    top,
  );
}

export function byField(
  projects: readonly SiteProject[],
  get: (p: SiteProject) => string | null,
  unknown: string,
  top = 12,
): Row[] {
  return topRows(counted(projects.map((p) => get(p) ?? unknown)), top);
}

/** Upper bounds (exclusive) of the star buckets, and their labels. */
const STAR_BUCKETS: ReadonlyArray<[number, string]> = [
  [100, "< 100"],
  [1000, "100–999"],
  [5000, "1k–5k"],
  [10_000, "5k–10k"],
  [50_000, "10k–50k"],
  [Number.POSITIVE_INFINITY, "≥ 50k"],
];

/** How many projects have how many stars; projects without a count are left out. */
export function starBuckets(projects: readonly SiteProject[]): Row[] {
  const rows: Row[] = STAR_BUCKETS.map(([, label]) => [label, 0]);
  for (const p of projects) {
    if (p.stars === null) continue;
    const i = STAR_BUCKETS.findIndex(([bound]) => (p.stars as number) < bound);
    (rows[i] as Row)[1]++;
  }
  return rows;
}

/** Archived, inactive, deprecated and curator-marked projects (a curator's mark counts in its status too). */
export function maintenanceRows(projects: readonly SiteProject[]): Row[] {
  let archived = 0;
  let inactive = 0;
  let deprecated = 0;
  let curator = 0;
  for (const p of projects) {
    const status = maintenanceStatus(p);
    if (status === "archived") archived++;
    if (status === "inactive") inactive++;
    if (status === "deprecated") deprecated++;
    if (p.maintenance?.source === "curator") curator++;
  }
  return [
    ["Archived", archived],
    ["Inactive", inactive],
    ["Deprecated", deprecated],
    ["Marked by a curator", curator],
  ];
}

/** Repositories created each year, oldest first, every year in between included. */
export function creationYears(projects: readonly SiteProject[]): Row[] {
  const years = counted(
    projects
      .map((p) =>
        p.createdAt !== null && /^\d{4}-/.test(p.createdAt) ? p.createdAt.slice(0, 4) : "",
      )
      .filter((y) => y !== ""),
  );
  const known = [...years.keys()].map(Number);
  if (known.length === 0) return [];
  const [first, last] = [Math.min(...known), Math.max(...known)];
  // A bogus date far off would make thousands of empty years: then only the years that occur.
  if (last - first > 60) return [...years].sort((a, b) => Number(a[0]) - Number(b[0]));
  const rows: Row[] = [];
  for (let y = first; y <= last; y++) {
    rows.push([String(y), years.get(String(y)) ?? 0]);
  }
  return rows;
}

/** A share as "12%" (one decimal below 10%, "<0.1%" for a tiny non-zero one). */
export function percent(n: number, total: number): string {
  if (total === 0 || n === 0) return "0%";
  const p = (n / total) * 100;
  if (p < 0.1) return "<0.1%";
  return p < 10 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}

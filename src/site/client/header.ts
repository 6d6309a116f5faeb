/**
 * The line under the page title: what the directory holds, how fresh its
 * GitHub data is, and how many entries are stale (their last lookup failed)
 * or missing (GitHub does not find them). When the last refresh reached
 * GitHub for no entry (all stale), it says when the data was really fetched
 * instead of claiming the refresh date; when the refresh is more than a week
 * old, it says how old.
 */
import { formatCount, formatDay, plural } from "../../core/format.js";
import type { SiteData } from "./data.js";
import { daysSince, OLD_AFTER_DAYS } from "./freshness.js";

export function summaryText(data: SiteData, categoriesShown: number, now: number): string {
  const what = `${plural(data.projects.length, "project")} in ${plural(categoriesShown, "category", "categories")}`;
  return `${[what, freshness(data, now), problems(data)].filter((s) => s !== "").join(" · ")}.`;
}

function age(iso: string | null, now: number): string {
  const days = daysSince(iso, now);
  return days !== null && days > OLD_AFTER_DAYS ? `, ${days} days ago` : "";
}

function freshness(data: SiteData, now: number): string {
  const refreshed = formatDay(data.refreshedAt);
  if (refreshed === null) return "";
  const looked = data.projects.filter((p) => p.status !== null);
  // ok, moved and missing are GitHub's answers of that refresh; stale means it failed.
  if (looked.length === 0 || looked.some((p) => p.status !== "stale")) {
    return `GitHub data from ${refreshed}${age(data.refreshedAt, now)}`;
  }
  const fetched = formatDay(data.fetchedAt);
  const why = `the refresh of ${refreshed} could not reach GitHub`;
  return fetched === null
    ? `no GitHub data yet (${why})`
    : `GitHub data from ${fetched}${age(data.fetchedAt, now)} (${why})`;
}

/** "2 stale, 1 missing" ("" when every entry was found). */
function problems(data: SiteData): string {
  let stale = 0;
  let missing = 0;
  for (const p of data.projects) {
    if (p.status === "stale") stale++;
    if (p.status === "missing") missing++;
  }
  const parts: string[] = [];
  if (stale > 0) parts.push(`${formatCount(stale)} stale`);
  if (missing > 0) parts.push(`${formatCount(missing)} missing`);
  return parts.join(", ");
}

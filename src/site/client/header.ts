/**
 * The line under the page title: what the directory holds, and how fresh its
 * GitHub data is. When the last refresh reached GitHub for no entry (all
 * stale), it says when the data was really fetched instead of claiming the
 * refresh date.
 */
import { formatDay, plural } from "../../core/format.js";
import type { SiteData } from "./data.js";

export function summaryText(data: SiteData, categoriesShown: number): string {
  const what = `${plural(data.projects.length, "project")} in ${plural(categoriesShown, "category", "categories")}`;
  return `${what}${freshness(data)}`;
}

function freshness(data: SiteData): string {
  const refreshed = formatDay(data.refreshedAt);
  if (refreshed === null) return ".";
  const looked = data.projects.filter((p) => p.status !== null);
  // ok, moved and missing are GitHub's answers of that refresh; stale means it failed.
  if (looked.length === 0 || looked.some((p) => p.status !== "stale")) {
    return ` · GitHub data from ${refreshed}.`;
  }
  const fetched = formatDay(data.fetchedAt);
  const why = `the refresh of ${refreshed} could not reach GitHub`;
  return fetched === null
    ? ` · no GitHub data yet (${why}).`
    : ` · GitHub data from ${fetched} (${why}).`;
}

/**
 * An entry's maintenance mark in directory.json (and DIRECTORY.md, the site).
 *
 * - The curator's `maintenance` in projects.yaml, when set: source "curator",
 *   with its note (shown instead of the mark).
 * - Else, computed from the GitHub data: "archived" when GitHub says so; else
 *   "inactive" when the last push is older than `inactiveAfterMonths` before
 *   the directory's `refreshedAt`, counted in calendar months (inactiveSince);
 *   else "active" when the last push is known.
 * - null when nothing is known (never fetched, no push date, no curator's mark).
 *
 * Measured from `refreshedAt`, never the clock, so `build` is deterministic and
 * offline. Counting whole months keeps the freshness contract: a mark changes
 * only when the data does or at the first refresh of a month, never on an
 * ordinary night in which GitHub's data did not change (with exact times, some
 * entry of a large catalog would pass its threshold almost every night, and
 * the nightly job would commit every night). A directory never refreshed
 * (refreshedAt null) measures from the entry's own checkedAt.
 */
import { type GithubBlock, isFetched, type Maintenance, type Project } from "../core/model.js";

/**
 * The first instant (UTC) a push must be at or after to count as activity:
 * the first day of the month `months` calendar months before the month of
 * `refreshedAt`. With 12, a refresh in November 2026 counts pushes since
 * 1 November 2025: a last push in October 2025 makes the project inactive
 * from the first refresh of November 2026 on.
 */
export function inactiveSince(refreshedAt: string, months: number): number {
  const t = new Date(refreshedAt);
  return Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - months, 1);
}

export function maintenanceOf(
  project: Pick<Project, "maintenance">,
  github: GithubBlock | null,
  refreshedAt: string | null,
  inactiveAfterMonths: number,
): Maintenance | null {
  const curated = project.maintenance;
  if (curated !== undefined) {
    return { status: curated.status, note: curated.note ?? null, source: "curator" };
  }
  if (!isFetched(github)) return null;
  if (github.archived) return { status: "archived", note: null, source: "computed" };
  if (github.pushedAt === null) return null;
  const pushed = Date.parse(github.pushedAt);
  const from = refreshedAt ?? github.checkedAt;
  if (Number.isNaN(pushed) || Number.isNaN(Date.parse(from))) return null;
  const inactive = pushed < inactiveSince(from, inactiveAfterMonths);
  return { status: inactive ? "inactive" : "active", note: null, source: "computed" };
}

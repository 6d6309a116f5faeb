import { plural } from "../../core/format.js";
import type { LookupStats } from "../../github/lookup.js";

/** The progress line drawn on a terminal. */
export function progressLine(done: number, total: number, s: LookupStats, api: string): string {
  const used = api === "graphql" ? plural(s.points, "point") : `${s.points} charged`;
  const left = s.remaining === null ? "" : `, ${s.remaining.toLocaleString("en-US")} left`;
  return `refresh: ${done}/${plural(total, "repository", "repositories")} · ${plural(s.requests, "request")} · ${used}${left}`;
}

/** REST without a token: the budget, and whether it covers the run. */
export function budgetLine(s: LookupStats, total: number): string {
  if (s.remaining === null) return "";
  const reset = s.resetAt ? `, resets at ${s.resetAt}` : "";
  const line = `REST budget: ${plural(s.remaining, "request")} left${reset}; ${plural(total, "repository", "repositories")} to check.`;
  const short =
    s.remaining < total
      ? ` It may not cover them all: the oldest data is refreshed first, the rest stays stale until the next run.`
      : "";
  return `${line}${short}\n`;
}

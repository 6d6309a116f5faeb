import { plural } from "../core/format.js";
import type { MoveSkip } from "../edit/fix-moved.js";
import type { ChangeEvent } from "../generate/changes.js";
import type { SetAside } from "../generate/degrade.js";
import type { LookupStats } from "../github/rate-state.js";
import { displayPath } from "../load/yaml-source.js";
import type { EntryReport, RefreshResult } from "./refresh.js";

/** The end-of-run summary; also what `--json` prints. */
export interface Summary {
  refreshedAt: string;
  dryRun: boolean;
  api: "graphql" | "rest";
  total: number;
  /** Entries whose GitHub data changed since the previous run (the rest are byte-identical). */
  changed: number;
  counts: { ok: number; moved: number; missing: number; stale: number };
  moved: Array<{ name: string; from: string; to: string; fixed: boolean }>;
  missing: Array<{ name: string; repo: string; fetchedAt: string | null }>;
  stale: Array<{ name: string; repo: string; reason: string; fetchedAt: string | null }>;
  /** Archived on GitHub since the previous refresh. */
  archived: Array<{ name: string; repo: string }>;
  /** The events this run appended to changes.json (none on a dry run). */
  changes: ChangeEvent[];
  /** Biggest star gains since the previous refresh. */
  gains: Array<{ name: string; repo: string; stars: number; gain: number }>;
  fixSkipped: MoveSkip[];
  /** Invalid curated entries: kept at their last-known record, or left out. */
  invalid: SetAside[];
  /** GitHub values that broke the directory's schema: dropped or shortened, per repository. */
  contract: Array<{ name: string; repo: string; changes: string[] }>;
  usage: LookupStats;
  /** Files this run changed. */
  written: string[];
  durationMs: number;
  /** Why the run stopped early (signal, run time limit), or null: the entries not fetched are stale. */
  stopped: string | null;
  /** What a killed earlier run left, repaired before this one started. */
  repaired: { completed: string[]; removed: string[] };
}

export const TOP_GAINS = 5;

export function summarize(
  result: RefreshResult,
  dryRun: boolean,
  durationMs: number,
  cwd?: string,
): Summary {
  const e = result.entries;
  const is = (s: EntryReport["status"]) => e.filter((x) => x.status === s);
  const moved = e.filter((x) => x.status === "moved" || x.fixed);
  return {
    refreshedAt: result.refreshedAt,
    dryRun,
    api: result.api,
    total: e.length,
    changed: e.filter((x) => x.changed).length,
    counts: {
      ok: is("ok").length - moved.filter((x) => x.status === "ok").length,
      moved: moved.length,
      missing: is("missing").length,
      stale: is("stale").length,
    },
    moved: moved.map((x) => ({
      name: x.name,
      from: x.repo,
      to: x.nameWithOwner ?? "",
      fixed: x.fixed === true,
    })),
    missing: is("missing").map(({ name, repo, fetchedAt }) => ({ name, repo, fetchedAt })),
    stale: is("stale").map(({ name, repo, reason, fetchedAt }) => ({
      name,
      repo,
      reason: reason ?? "failed",
      fetchedAt,
    })),
    changes: result.changes,
    archived: e.filter((x) => x.newlyArchived).map(({ name, repo }) => ({ name, repo })),
    gains: e
      .filter((x) => x.gain !== null && x.gain > 0 && x.stars !== null)
      .sort((a, b) => (b.gain ?? 0) - (a.gain ?? 0) || (a.name < b.name ? -1 : 1))
      .slice(0, TOP_GAINS)
      .map((x) => ({ name: x.name, repo: x.repo, stars: x.stars ?? 0, gain: x.gain ?? 0 })),
    fixSkipped: result.fix?.skipped ?? [],
    invalid: result.setAside,
    contract: e.flatMap((x) =>
      x.changes ? [{ name: x.name, repo: x.repo, changes: x.changes }] : [],
    ),
    usage: result.stats,
    written: result.written.filter((w) => w.changed).map((w) => displayPath(w.path, cwd)),
    durationMs,
    stopped: result.stopped,
    repaired: {
      completed: result.recovered.completed.map((f) => displayPath(f, cwd)),
      removed: result.recovered.removed.map((f) => displayPath(f, cwd)),
    },
  };
}

/** Whether every refreshed entry is ok or moved, and the run was not stopped (exit 0). */
export const complete = (s: Summary): boolean =>
  s.counts.missing + s.counts.stale === 0 && s.stopped === null;

/** The stop, in one sentence, or null. */
export function stoppedLine(s: Summary): string | null {
  if (s.stopped === null) return null;
  const kept = s.dryRun ? "nothing written (dry run)" : "what was fetched is written";
  return `Stopped early (${s.stopped.replace(/^not fetched: /, "")}): ${kept}, the ${s.counts.stale} entries not fetched are kept as stale.`;
}

/** What was repaired of a killed earlier run, in one sentence, or null. */
export function repairedLine(s: Summary): string | null {
  const { completed, removed } = s.repaired;
  const parts: string[] = [];
  if (completed.length > 0) {
    parts.push(`finished the interrupted write of ${completed.join(", ")}`);
  }
  if (removed.length > 0) parts.push(`removed ${removed.length} leftover temporary file(s)`);
  return parts.length === 0 ? null : `A run killed earlier was repaired: ${parts.join("; ")}.`;
}

const n = (x: number): string => x.toLocaleString("en-US");

/** The budget sentence shared by the text and Markdown summaries. */
export function usageLine(s: Summary): string {
  const u = s.usage;
  const used =
    s.api === "graphql"
      ? plural(u.points, "GraphQL point")
      : `${plural(u.points, "REST request")} charged (304s are free)`;
  const left = u.remaining === null ? "" : `; ${n(u.remaining)} left`;
  const reset = u.resetAt === null ? "" : `, resets at ${u.resetAt}`;
  const secondary =
    u.secondaryHits > 0
      ? `; ${plural(u.secondaryHits, "secondary rate limit")} (concurrency down to ${u.lowestConcurrency ?? "?"}, then grown back step by step)`
      : "";
  return `${plural(u.requests, "HTTP request")}, ${used}${batchNote(u)}${scalarNote(u)}${left}${reset}${secondary}`;
}

/** Pass 1's measured batch size (two-pass GraphQL). */
function scalarNote(u: LookupStats): string {
  return u.scalarBatch === null ? "" : ` (pass 1: ${n(u.scalarBatch)} repositories per query)`;
}

/** " (100 repositories per query)", or how the first query's cost changed that. */
function batchNote(u: LookupStats): string {
  const b = u.batchSize;
  if (b === null) return "";
  const repos = (x: number) => plural(x, "repository", "repositories");
  if (b.final === b.initial) return ` (${repos(b.initial)} per query)`;
  return ` (${repos(b.initial)} per query, then ${n(b.final)}: the first query cost ${plural(b.firstCost ?? 0, "point")})`;
}

export function headline(s: Summary): string {
  const c = s.counts;
  const via = s.api === "graphql" ? "GraphQL" : "the REST API (no token)";
  return `${s.dryRun ? "Dry run: looked up" : "Refreshed"} ${plural(s.total, "repository", "repositories")} via ${via} in ${(s.durationMs / 1000).toFixed(1)} s: ${c.ok} ok, ${c.moved} moved, ${c.missing} missing, ${c.stale} stale; ${n(s.changed)} changed on GitHub`;
}

/** Why the rest is stale, when the budget ran out. */
export function exhaustedLine(s: Summary): string | null {
  if (!s.usage.rateLimited) return null;
  const when = s.usage.resetAt ? ` It resets at ${s.usage.resetAt}.` : "";
  const hint =
    s.api === "rest"
      ? " Set GITHUB_TOKEN (GraphQL refreshes 74 to 100 repositories per point)."
      : " Run again after the reset.";
  return `The rate limit ran out: the entries not yet fetched were kept as stale.${when}${hint}`;
}

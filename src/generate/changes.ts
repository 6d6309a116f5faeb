import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { plain } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import { type Directory, type DirectoryProject, isFetched } from "../core/model.js";
import { validateAgainst } from "../core/schema.js";
import { displayPath } from "../load/yaml-source.js";

/** The change feed committed next to the directory (read by `cooltech site` for its feeds). */
export const CHANGES_FILE = "changes.json";

/** Bounds of changes.json: events of the last 90 days (counted back from the newest), and at most 500. */
export const KEEP_DAYS = 90;
export const KEEP_EVENTS = 500;

/** Stars thresholds whose crossing is an event. */
export const STAR_MILESTONES = [
  1_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000,
] as const;

export type ChangeType =
  | "added"
  | "removed"
  | "archived"
  | "unarchived"
  | "moved"
  | "release"
  | "stars";

/** One event of data/changes.json (schemas/changes.schema.json). */
export interface ChangeEvent {
  /** Stable id: a hash of the event's content and time. */
  id: string;
  /** The run that saw the change (ISO time). */
  at: string;
  type: ChangeType;
  /** The project's curated name. */
  name: string;
  /** owner/name on GitHub (the new one for "moved"), or null without a repository. */
  repo: string | null;
  /** "moved": the previous owner/name. */
  from?: string;
  /** "release": the new latest release. */
  tag?: string;
  url?: string | null;
  /** "stars": the milestone crossed (the highest when several were). */
  milestone?: number;
}

export interface ChangesFile {
  $schema: string;
  events: ChangeEvent[];
}

type Draft = Omit<ChangeEvent, "id" | "at">;

/** The GitHub name a project answers under: GitHub's own once fetched, else the curated one. */
function repoOf(p: DirectoryProject): string | null {
  return isFetched(p.github) ? p.github.nameWithOwner : p.repo;
}

function milestoneOf(stars: number): number {
  let m = 0;
  for (const x of STAR_MILESTONES) if (stars >= x) m = x;
  return m;
}

/**
 * What the feed compares of a previous project: a few fields, so a run keeps
 * this instead of the previous directory whole (refresh drops the parsed file
 * as soon as it is indexed).
 */
export interface ChangeBasis {
  repo: string | null;
  /** null until GitHub data was fetched (a first fetch is not news). */
  github: { archived: boolean; releaseTag: string | null; stars: number } | null;
}

/** The previous directory's projects by curated name, as the feed compares them. */
export type ChangeBase = Map<string, ChangeBasis>;

export function changeBase(directory: Directory): ChangeBase {
  return new Map(directory.projects.map((p) => [p.name, basisOf(p)]));
}

function basisOf(p: DirectoryProject): ChangeBasis {
  const g = p.github;
  if (!isFetched(g)) return { repo: repoOf(p), github: null };
  const info = { archived: g.archived, releaseTag: g.latestRelease?.tag ?? null, stars: g.stars };
  return { repo: repoOf(p), github: info };
}

function projectChanges(before: ChangeBasis, after: DirectoryProject): Draft[] {
  const out: Draft[] = [];
  const name = after.name;
  const now = basisOf(after);
  const repo = now.repo;
  const was = before.repo;
  if (was !== null && repo !== null && was.toLowerCase() !== repo.toLowerCase()) {
    out.push({ type: "moved", name, repo, from: was });
  }
  const b = before.github;
  const a = after.github;
  if (b === null || !isFetched(a)) return out;
  if (a.archived !== b.archived)
    out.push({ type: a.archived ? "archived" : "unarchived", name, repo });
  const rel = a.latestRelease;
  if (rel !== null && rel.tag !== b.releaseTag) {
    out.push({ type: "release", name, repo, tag: rel.tag, url: rel.url });
  }
  const m = milestoneOf(a.stars);
  if (m > milestoneOf(b.stars)) out.push({ type: "stars", name, repo, milestone: m });
  return out;
}

const ORDER: ChangeType[] = [
  "added",
  "removed",
  "moved",
  "archived",
  "unarchived",
  "release",
  "stars",
];

/**
 * What changed between two directories, as events at time `at`: deterministic
 * (same inputs, same events, in order of type then name) and empty when
 * nothing changed. Projects are matched by their curated name. `previous` is
 * the earlier directory, or its ChangeBase (changeBase).
 */
export function diffDirectories(
  previous: Directory | ChangeBase,
  next: Directory,
  at: string,
): ChangeEvent[] {
  const before = previous instanceof Map ? previous : changeBase(previous);
  const after = new Set(next.projects.map((p) => p.name));
  const drafts: Draft[] = [];
  for (const p of next.projects) {
    const old = before.get(p.name);
    if (old === undefined) drafts.push({ type: "added", name: p.name, repo: repoOf(p) });
    else drafts.push(...projectChanges(old, p));
  }
  for (const [name, old] of before) {
    if (!after.has(name)) drafts.push({ type: "removed", name, repo: old.repo });
  }
  drafts.sort(
    (x, y) =>
      ORDER.indexOf(x.type) - ORDER.indexOf(y.type) ||
      (x.name < y.name ? -1 : x.name > y.name ? 1 : 0),
  );
  return drafts.map((d) => ({ id: eventId(d, at), at, ...d }));
}

function eventId(d: Draft, at: string): string {
  const content = JSON.stringify([at, d.type, d.name, d.repo, d.from, d.tag, d.milestone]);
  return createHash("sha256").update(content).digest("hex").slice(0, 16);
}

/** Events of one family undo each other (added/removed, archived/unarchived). */
const FAMILY: Record<ChangeType, string> = {
  added: "presence",
  removed: "presence",
  archived: "archive",
  unarchived: "archive",
  moved: "moved",
  release: "release",
  stars: "stars",
};
const what = (e: ChangeEvent) => JSON.stringify([e.type, e.repo, e.from, e.tag, e.milestone]);

/**
 * The feed with `events` appended (newest first), then bounded: events older
 * than KEEP_DAYS before the newest one go, then all past KEEP_EVENTS. An
 * event is not appended twice: not with the same id, nor when it repeats the
 * project's latest event of its family (a run whose directory write failed
 * after the feed was written, then run again later). Only appending prunes,
 * so a run without events leaves the file as it was.
 */
export function appendChanges(existing: readonly ChangeEvent[], events: readonly ChangeEvent[]) {
  const seen = new Set(existing.map((e) => e.id));
  const latest = new Map<string, string>();
  for (const e of [...existing].sort(newestFirst)) {
    const k = JSON.stringify([e.name, FAMILY[e.type]]);
    if (!latest.has(k)) latest.set(k, what(e));
  }
  const fresh = events.filter(
    (e) => !seen.has(e.id) && latest.get(JSON.stringify([e.name, FAMILY[e.type]])) !== what(e),
  );
  const all = [...fresh, ...existing].sort(newestFirst);
  const newest = all[0] ? Date.parse(all[0].at) : 0;
  const cutoff = newest - KEEP_DAYS * 86_400_000;
  return {
    added: fresh,
    events: all.filter((e) => Date.parse(e.at) >= cutoff).slice(0, KEEP_EVENTS),
  };
}

const newestFirst = (x: ChangeEvent, y: ChangeEvent) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0);

export function serializeChanges(events: readonly ChangeEvent[]): string {
  const file: ChangesFile = { $schema: "../schemas/changes.schema.json", events: [...events] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The events of DIR/changes.json: none when it is missing. A file that is not
 * a feed stops the run (its events would be lost) with the way out.
 */
export async function readChanges(dataDir: string, cwd?: string): Promise<ChangeEvent[]> {
  const path = join(dataDir, CHANGES_FILE);
  const text = await readFile(path, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return null;
    throw new UserError(`${displayPath(path, cwd)}: cannot read (${e.code})`, "io");
  });
  if (text === null) return [];
  let value: unknown;
  let problem: string | null = null;
  try {
    value = JSON.parse(text);
    const errors = validateAgainst("changes", value);
    const first = errors[0];
    if (first) problem = `${first.instancePath || "/"} ${first.message ?? ""}`;
  } catch (error) {
    problem = `not JSON (${plain((error as Error).message, 120)})`;
  }
  if (problem !== null) {
    throw new UserError(
      `${displayPath(path, cwd)} is not a change feed: ${problem}; restore it from git, or delete it to start a new feed`,
    );
  }
  return (value as ChangesFile).events;
}

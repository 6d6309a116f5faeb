/**
 * Pass 2 of the two-pass refresh asks a repository's connections (open-issue
 * count, topics), the only fields that cost points. It asks them when:
 * - the entry has no last-known data, or pass 1 found any other field changed
 *   (stars, pushedAt, description, a rename…): activity is when these change;
 * - or it is the entry's turn to be re-checked: each entry has one day of the
 *   week (a hash of its repository), so about a seventh of the unchanged
 *   entries are re-checked each night and, with nightly runs, no entry's
 *   open-issue count or topics are older than DETAILS_MAX_AGE_DAYS.
 * Otherwise the last-known values are kept (and the entry stays byte-identical).
 * An answer equal to the last-known data, field by field, is that data: the
 * lookup records the block already held (no second copy, no garbage to collect).
 */
import type { GithubInfo } from "../core/model.js";
import type { Known } from "../generate/directory.js";
import type { Details, KnownDetails, Scalars } from "../github/lookup.js";
import { sanitizeRepoInfo } from "../github/repo-info.js";

export const DETAILS_MAX_AGE_DAYS = 7;

/**
 * Whether pass 1 found the known data unchanged. GitHub's answer is first held
 * to the directory's rules as the stored data was (sanitizeRepoInfo), so a
 * value the directory keeps dropping or shortening is no change every night.
 * The owner's avatar is not compared: a new avatar says nothing of open issues
 * or topics, and data fetched before avatars were asked has none.
 */
function sameScalars(known: GithubInfo, answer: Scalars): boolean {
  const { openIssues, topics } = known;
  const clean = sanitizeRepoInfo({ ...answer, openIssues, topics }).info;
  return clean !== null && equalScalars(known, clean, false);
}

/**
 * Whether `s` holds the known values, field by field; the avatar too when
 * `avatar`. The known block was stored after sanitizeRepoInfo, so an answer
 * equal to it would pass unchanged. A block from before avatars were asked has
 * none: an answer's avatar is then new data.
 */
function equalScalars(known: GithubInfo, s: Scalars, avatar: boolean): boolean {
  const a = known.latestRelease;
  const b = s.latestRelease;
  const sameRelease =
    a === b ||
    (a !== null &&
      b !== null &&
      a.tag === b.tag &&
      a.publishedAt === b.publishedAt &&
      a.url === b.url);
  return (
    sameRelease &&
    known.nameWithOwner === s.nameWithOwner &&
    known.url === s.url &&
    known.description === s.description &&
    known.stars === s.stars &&
    known.forks === s.forks &&
    known.license === s.license &&
    known.language === s.language &&
    known.archived === s.archived &&
    known.pushedAt === s.pushedAt &&
    known.createdAt === s.createdAt &&
    (!avatar || known.avatarUrl === s.avatarUrl)
  );
}

/** The entry's re-check day: 0..DETAILS_MAX_AGE_DAYS-1, from a hash of its key (FNV-1a). */
export function recheckSlot(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % DETAILS_MAX_AGE_DAYS;
}

/** Whether `today` (YYYY-MM-DD) is the entry's re-check day, and its data is not from today. */
export function dueForRecheck(key: string, github: GithubInfo, today: string): boolean {
  const day = Math.floor(Date.parse(`${today}T00:00:00Z`) / 86_400_000);
  return day % DETAILS_MAX_AGE_DAYS === recheckSlot(key) && github.fetchedAt.slice(0, 10) < today;
}

/** The decision above, for lookupRepos (keys: lower-cased curated `owner/name`). */
export function knownDetails(known: ReadonlyMap<string, Known>, today: string): KnownDetails {
  const usable = (key: string) => {
    const github = known.get(key)?.github;
    return github && github.status !== "missing" ? github : null;
  };
  return {
    has: (key) => usable(key) !== null,
    keep: (key, scalars): Details | null => {
      const github = usable(key);
      if (github === null) return null;
      if (!sameScalars(github, scalars) || dueForRecheck(key, github, today)) return null;
      return { openIssues: github.openIssues, topics: github.topics };
    },
    unchanged: (key, scalars) => {
      const github = usable(key);
      if (github === null || !equalScalars(github, scalars, true)) return null;
      return dueForRecheck(key, github, today) ? null : github;
    },
  };
}

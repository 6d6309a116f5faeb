/**
 * The online part of `validate --online`: looks the selected entries up on
 * GitHub (through the enrich stage's client) and judges each one. Only what a
 * pull request introduces fails the check; a network failure never does.
 */

import type { Diagnostic } from "../core/diagnostic.js";
import { normalizeRepo } from "../core/repo-url.js";
import type { LookupOptions, LookupResult, RepoInfo } from "../github/lookup.js";
import { positionOf } from "../load/locate.js";
import type { YamlSource } from "../load/yaml-source.js";
import type { Item } from "../validate/rules/rule.js";
import { type ChangedEntry, repoIsNew } from "./changed.js";

/** The enrich stage's lookupRepos, or a stand-in for tests. */
export type LookupFn = (
  repos: string[],
  options: LookupOptions,
) => Promise<{ results: Map<string, LookupResult> }>;

/** The outcome for one entry, in the order of the worst news first. */
export type Verdict =
  | { kind: "missing" }
  | { kind: "duplicate"; info: RepoInfo; of: { name: string; line: number } }
  | { kind: "archived"; info: RepoInfo }
  | { kind: "moved"; info: RepoInfo }
  | { kind: "failed"; reason: string }
  | { kind: "ok"; info: RepoInfo }
  /** No `repo` (a project without a GitHub repository), or one that is not owner/name. */
  | { kind: "skipped" };

export interface EntryCheck {
  entry: ChangedEntry;
  name: string;
  /** `owner/name` looked up (a URL in the data is normalised first). */
  repo: string | undefined;
  /** Where annotations point: the entry's `repo` value, else the entry. */
  line: number;
  column: number;
  verdict: Verdict;
  /** Error when the pull request introduced the problem, else warning (or none). */
  severity: Diagnostic["severity"] | null;
}

export interface OnlineCheck {
  checks: EntryCheck[];
  diagnostics: Diagnostic[];
  /** Whether a token was used (without one, REST at 60 requests/hour). */
  authenticated: boolean;
}

export interface OnlineInput {
  entries: readonly ChangedEntry[];
  /** Every entry of projects.yaml now, for the duplicate check. */
  items: readonly Item[];
  source: YamlSource;
  /** Entry name (lower case) → its current nameWithOwner, from the last refresh (directory.json). */
  knownNames?: ReadonlyMap<string, string>;
  /** Looks the repositories up; may throw (then every entry is "not checked"). */
  lookup: (repos: string[]) => Promise<{ results: Map<string, LookupResult> }>;
  /** Whether a token is set (only reported: the lookup itself reads it). */
  authenticated: boolean;
}

const OWNER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*)\/[A-Za-z0-9._-]+$/;

/** Looks every entry up in one batched call, then judges each. Never throws for a network problem. */
export async function checkOnline(input: OnlineInput): Promise<OnlineCheck> {
  const targets = input.entries.map((e) => lookupName(e.item));
  const repos = [...new Set(targets.filter((r): r is string => r !== undefined))];
  let results = new Map<string, LookupResult>();
  if (repos.length > 0) {
    try {
      results = (await input.lookup(repos)).results;
    } catch (error) {
      // A rejected token, an unreachable host, a bad GITHUB_API_URL: every entry unverified.
      const reason = error instanceof Error ? error.message : String(error);
      for (const r of repos) results.set(r, { kind: "failed", reason });
    }
  }
  const checks = input.entries.map((entry, i): EntryCheck => {
    const repo = targets[i];
    const where = position(input.source, entry.item);
    const result = repo === undefined ? undefined : results.get(repo);
    const verdict = judge(result, entry, repo, input);
    return {
      entry,
      name: String(entry.item.value.name ?? ""),
      repo,
      ...where,
      verdict,
      severity: severityOf(verdict, entry),
    };
  });
  return {
    checks,
    diagnostics: checks.flatMap((c) => diagnostic(c, input.source.file)),
    authenticated: input.authenticated,
  };
}

function lookupName(item: Item): string | undefined {
  const raw = item.value.repo;
  if (typeof raw !== "string") return undefined;
  const repo = normalizeRepo(raw);
  return repo !== undefined && OWNER_NAME.test(repo) ? repo : undefined;
}

function position(source: YamlSource, item: Item): { line: number; column: number } {
  return item.value.repo === undefined
    ? positionOf(source, [item.index])
    : positionOf(source, [item.index, "repo"]);
}

function judge(
  result: LookupResult | undefined,
  entry: ChangedEntry,
  repo: string | undefined,
  input: OnlineInput,
): Verdict {
  if (repo === undefined || result === undefined) return { kind: "skipped" };
  if (result.kind === "missing") return { kind: "missing" };
  if (result.kind === "failed") return { kind: "failed", reason: result.reason };
  const info = result.info;
  const of = duplicateOf(entry, info.nameWithOwner, input);
  if (of !== undefined) return { kind: "duplicate", info, of };
  if (info.archived) return { kind: "archived", info };
  if (info.nameWithOwner.toLowerCase() !== repo.toLowerCase()) return { kind: "moved", info };
  return { kind: "ok", info };
}

/**
 * Another entry that is the same repository under the name GitHub gives it
 * now: by its `repo`, or by the name the last refresh found for it. The plain
 * same-string duplicate is the offline `duplicate-repo` rule's to report.
 */
function duplicateOf(
  entry: ChangedEntry,
  current: string,
  input: OnlineInput,
): { name: string; line: number } | undefined {
  const target = current.toLowerCase();
  const own = lookupName(entry.item)?.toLowerCase();
  for (const other of input.items) {
    if (other.index === entry.item.index) continue;
    const repo = lookupName(other)?.toLowerCase();
    if (repo !== undefined && repo === own) continue;
    const name = typeof other.value.name === "string" ? other.value.name : "";
    const known = input.knownNames?.get(name.toLowerCase())?.toLowerCase();
    if (repo === target || known === target) {
      return { name, line: positionOf(input.source, [other.index]).line };
    }
  }
  return undefined;
}

function severityOf(verdict: Verdict, entry: ChangedEntry): Diagnostic["severity"] | null {
  switch (verdict.kind) {
    case "missing":
    case "archived":
      // An archived or deleted repository the PR adds fails it; one it merely
      // touches (say, a typo fix in the tagline) is the maintainers' to handle.
      return repoIsNew(entry) ? "error" : "warning";
    case "duplicate":
      return "error";
    case "moved":
    case "failed":
      return "warning";
    default:
      return null;
  }
}

function diagnostic(c: EntryCheck, file: string): Diagnostic[] {
  if (c.severity === null || c.repo === undefined) return [];
  const at = { file, line: c.line, column: c.column, severity: c.severity };
  const repo = `\`${c.repo}\``;
  const v = c.verdict;
  switch (v.kind) {
    case "missing":
      return [
        {
          ...at,
          rule: "repo-not-found",
          message: `GitHub has no repository ${repo} (deleted, private, or misspelt); check https://github.com/${c.repo} and fix \`repo\`${c.severity === "warning" ? " (it was already listed: fix it in a separate pull request)" : ""}`,
        },
      ];
    case "archived":
      return [
        {
          ...at,
          rule: "repo-archived",
          message:
            c.severity === "error"
              ? `${repo} is archived on GitHub (read-only, no longer maintained); the directory lists maintained projects: point \`repo\` at the maintained fork or successor, or drop the entry`
              : `${repo} was archived on GitHub since it was listed; consider removing the entry or pointing it at a maintained successor in a separate pull request`,
        },
      ];
    case "duplicate":
      return [
        {
          ...at,
          rule: "duplicate-repo",
          message: `${repo} is \`${v.info.nameWithOwner}\` on GitHub, which is already listed at line ${v.of.line} (${JSON.stringify(v.of.name)}); remove this duplicate entry or merge the two`,
        },
      ];
    case "moved":
      return [
        {
          ...at,
          rule: "repo-moved",
          message: `${repo} moved to \`${v.info.nameWithOwner}\` on GitHub (renamed or transferred); write \`repo: ${v.info.nameWithOwner}\``,
        },
      ];
    case "failed":
      return [
        {
          ...at,
          rule: "github-lookup",
          message: `could not check ${repo} on GitHub (${oneLine(v.reason)}); the entry is not verified: re-run the check later`,
        },
      ];
    default:
      return [];
  }
}

/** Reasons come from the network layer: keep them to one short line. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

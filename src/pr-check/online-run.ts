/**
 * Wires `validate --online [--changed-since REF]`: which entries to check,
 * the GitHub configuration from the environment, the last-known names from
 * directory.json, then checkOnline.
 */
import { join } from "node:path";
import { isFetched } from "../core/model.js";
import type { LookupOptions, LookupResult } from "../github/lookup.js";
import { DIRECTORY_FILE, type LoadedCatalog } from "../load/catalog.js";
import { readDirectory } from "../load/directory.js";
import type { Item } from "../validate/rules/rule.js";
import { allEntries, changedEntries, type Git, readAtRef } from "./changed.js";
import { checkOnline, type LookupFn, type OnlineCheck } from "./online.js";

export interface OnlineRunOptions {
  dataDir: string;
  /** Compare with this git ref and check only what changed; all entries when absent. */
  since?: string;
  env: Record<string, string | undefined>;
  cwd: string;
  git?: Git;
  /** Default: the enrich stage's lookupRepos. */
  lookup?: LookupFn;
  /** Overrides of the lookup's options (tests shorten retry delays). */
  lookupOptions?: Partial<LookupOptions>;
}

/**
 * A pull-request check should answer within a minute even when GitHub is
 * struggling: shorter deadlines and fewer retries than the nightly refresh.
 */
const PR_LOOKUP: Partial<LookupOptions> = { timeoutMs: 15_000, retries: 2, maxWaitSeconds: 30 };

/** null when projects.yaml did not parse (its syntax errors are reported already). */
export async function runOnlineCheck(
  loaded: LoadedCatalog,
  options: OnlineRunOptions,
): Promise<OnlineCheck | null> {
  const { source, value } = loaded.projects;
  if (source === null || !Array.isArray(value)) return null;
  const items = toItems(value);
  const entries =
    options.since === undefined
      ? allEntries(items)
      : changedEntries(
          items,
          await readAtRef(options.since, source.path, options.cwd, options.git),
        );
  const token = options.env.GITHUB_TOKEN?.trim() || options.env.GH_TOKEN?.trim() || undefined;
  return checkOnline({
    entries,
    items,
    source,
    knownNames: await knownNames(options.dataDir, options.cwd),
    authenticated: token !== undefined,
    lookup: async (repos) => {
      const enrich = await import("../github/lookup.js");
      const lookup = options.lookup ?? enrich.lookupRepos;
      try {
        // githubConfigFromEnv throws for a malformed GITHUB_API_URL: the lookup fails, not the check.
        const config = enrich.githubConfigFromEnv(options.env);
        const { results } = await lookup(repos, {
          ...config,
          ...PR_LOOKUP,
          ...options.lookupOptions,
        });
        return { results: redactResults(results, token, enrich.redact) };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(enrich.redact(message, token), { cause: error });
      }
    },
  });
}

/** Project name (lower case) → the nameWithOwner the last refresh found; best effort. */
async function knownNames(dataDir: string, cwd: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const directory = await readDirectory(join(dataDir, DIRECTORY_FILE), cwd);
    for (const p of directory?.projects ?? []) {
      if (isFetched(p.github)) names.set(p.name.toLowerCase(), p.github.nameWithOwner);
    }
  } catch {
    // An unreadable directory only weakens the duplicate check; `build` reports it.
  }
  return names;
}

function redactResults(
  results: Map<string, LookupResult>,
  token: string | undefined,
  redact: (text: string, token: string | undefined) => string,
): Map<string, LookupResult> {
  const out = new Map<string, LookupResult>();
  for (const [repo, r] of results) {
    out.set(repo, r.kind === "failed" ? { kind: "failed", reason: redact(r.reason, token) } : r);
  }
  return out;
}

function toItems(value: unknown[]): Item[] {
  const out: Item[] = [];
  value.forEach((v, index) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      out.push({ index, value: v as Record<string, unknown> });
    }
  });
  return out;
}

/** The shapes `refresh` takes and returns. */
import type { Diagnostic } from "../core/diagnostic.js";
import type { Directory, GithubStatus } from "../core/model.js";
import type { SetAside } from "../generate/degrade.js";
import type { Written } from "../generate/output.js";
import type { GitHubConfig, LookupOptions, LookupStats } from "../github/lookup.js";
import type { AppliedFix } from "./apply-fix.js";

export interface RefreshOptions {
  dataDir: string;
  cwd?: string | undefined;
  config: GitHubConfig;
  /** Project names or repos to refresh; all entries with a repo when empty. */
  only?: string[];
  dryRun?: boolean;
  fixMoved?: boolean;
  /**
   * Ask every field of every repository in one pass (the approach before the
   * two-pass refresh; kept for comparison in bench/refresh.ts).
   */
  onePass?: boolean;
  /** Stop looking up after this many seconds: the rest stays stale (last-known data kept). */
  maxTimeSeconds?: number;
  /** The clock (injected so tests are deterministic). */
  now: () => Date;
  lookup?: Pick<
    LookupOptions,
    | "batchSize"
    | "concurrency"
    | "timeoutMs"
    | "retryDelayMs"
    | "fetch"
    | "onProgress"
    | "onBudget"
    | "api"
  >;
}

/** What happened to one refreshed entry. */
export interface EntryReport {
  name: string;
  /** `repo` as curated before this run. */
  repo: string;
  status: GithubStatus;
  /** GitHub's current name, when known. */
  nameWithOwner: string | null;
  stars: number | null;
  /** Stars gained since the previous refresh (null: no earlier figure, or not fetched now). */
  gain: number | null;
  /** Why the lookup failed (stale). */
  reason?: string;
  /** Values GitHub sent that broke the directory's schema: dropped or shortened. */
  changes?: string[];
  /** Moved, and `repo` rewritten in projects.yaml (--fix-moved). */
  fixed?: boolean;
  /** When the entry's data last changed (see merge.ts), when any. */
  fetchedAt: string | null;
  /** GitHub's data differs from the previous run's. */
  changed: boolean;
  /** Archived on GitHub now, and was not at the previous refresh (or there was none). */
  newlyArchived: boolean;
}

export interface RefreshResult {
  diagnostics: Diagnostic[];
  /**
   * null when the catalog cannot be used at all (a file missing or
   * unparseable): nothing was fetched or written. An invalid entry alone
   * does not stop the run: see setAside.
   */
  directory: Directory | null;
  /** Invalid entries: kept at their last-known record, or left out. */
  setAside: SetAside[];
  api: "graphql" | "rest";
  entries: EntryReport[];
  fix: AppliedFix | null;
  stats: LookupStats;
  written: Written[];
  refreshedAt: string;
  projectsFile: string;
}

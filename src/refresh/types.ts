/** The shapes `refresh` takes and returns. */
import type { Recovery } from "../core/commit.js";
import type { Diagnostic } from "../core/diagnostic.js";
import type { LockInfo } from "../core/lock.js";
import type { Directory, GithubStatus } from "../core/model.js";
import type { ChangeEvent } from "../generate/changes.js";
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
  /** The clock (injected so tests are deterministic). */
  now: () => Date;
  /** Stops the run early (SIGTERM, SIGINT): its reason, a string, becomes the stale reason. */
  signal?: AbortSignal;
  /** Longest time spent looking up, in ms; then the run stops as on `signal`. */
  maxTimeMs?: number;
  /** How long to wait for another run's lock on the data folder, in ms (default 0). */
  lockWaitMs?: number;
  /** Called once when the lock is busy and the wait starts. */
  onLockWait?: (holder: LockInfo | null) => void;
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
  /** The events appended to changes.json (none on a dry run). */
  changes: ChangeEvent[];
  refreshedAt: string;
  projectsFile: string;
  /** What this run repaired of a killed run (finished renames, removed temporary files). */
  recovered: Recovery;
  /** Why the run stopped before every lookup was done (signal, time limit), or null. */
  stopped: string | null;
}

import type { Octokit } from "octokit";
import type { GitHubConfig } from "./config.js";
import type { Failure } from "./failure.js";
import type { RateState } from "./rate-state.js";
import type { RepoInfo, Sanitized } from "./repo-info.js";

export type LookupResult =
  /** `changes`: values GitHub sent that broke the output contract and were dropped or shortened. */
  | { kind: "ok"; info: RepoInfo; changes?: string[] }
  | { kind: "missing" }
  | {
      kind: "failed";
      reason: string;
      /** Never sent: the run stopped (budget, time limit) before this lookup. */
      skipped?: true;
    };

/** One repository to look up: `key` is the lower-cased `owner/name` the caller asked for. */
export interface Target {
  key: string;
  owner: string;
  name: string;
}

/** The state of one lookupRepos call, shared by its requests. */
export class LookupRun {
  readonly results = new Map<string, LookupResult>();
  /** Targets whose request was sent (a stop that cuts one is still an attempt). */
  readonly sent = new Set<string>();
  /** Set when the run must not start more requests (budget exhausted, token rejected). */
  private stopped: Failure | null = null;

  constructor(
    readonly octokit: Octokit,
    readonly config: GitHubConfig,
    readonly state: RateState,
    readonly total: number,
    private readonly progress: (done: number) => void,
    private readonly onSuccess: () => void = () => {},
  ) {}

  private progressPending = false;

  /** The request for `targets` is about to be sent. */
  sending(targets: readonly Target[]): void {
    for (const t of targets) this.sent.add(t.key);
  }

  /** A request was answered (2xx): lets the concurrency grow back. */
  succeeded(): void {
    this.onSuccess();
  }

  /**
   * Records a result. Progress is reported once the current batch is recorded
   * (after the synchronous run that records it), so a 100-repository answer
   * shows as 100 done, not 1.
   */
  record(target: Target, result: LookupResult): void {
    this.results.set(target.key, result);
    if (this.progressPending) return;
    this.progressPending = true;
    queueMicrotask(() => {
      this.progressPending = false;
      this.progress(this.results.size);
    });
  }

  fail(targets: readonly Target[], reason: string): void {
    for (const t of targets) this.record(t, { kind: "failed", reason });
  }

  /** Fails lookups that were never sent (the run stopped first). */
  skip(targets: readonly Target[], reason: string): void {
    for (const t of targets) this.record(t, { kind: "failed", reason, skipped: true });
  }

  get stop(): Failure | null {
    return this.stopped;
  }

  /** Stops the run: a rejected token, a wrong endpoint or an exhausted budget fails whatever is left. */
  halt(failure: Failure): void {
    if (failure.kind === "primary") this.state.rateLimited = true;
    const fatal = (f: Failure | null) => f?.kind === "auth" || f?.kind === "endpoint";
    if (this.stopped === null || (fatal(failure) && !fatal(this.stopped))) this.stopped = failure;
  }

  /** Why a lookup not attempted failed, once the run stopped. */
  stopReason(): string | null {
    const s = this.stopped;
    if (s === null) return null;
    if (s.kind === "primary") {
      return `rate limit exhausted${s.resetAt ? `; it resets at ${s.resetAt}` : ""}`;
    }
    return s.reason;
  }

  /** Handles a request that failed for a whole group of targets. */
  failure(targets: readonly Target[], failure: Failure): void {
    if (failure.kind !== "failed") {
      this.halt(failure);
      this.fail(targets, this.stopReason() ?? "stopped");
      return;
    }
    this.fail(targets, failure.reason);
  }
}

/** Splits `owner/name`; null when it is not of that form (GitHub cannot have it). */
export function target(repo: string): Target | null {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(repo.trim());
  if (!m?.[1] || !m[2]) return null;
  return { key: repo.trim().toLowerCase(), owner: m[1], name: m[2] };
}

/** The lookup result of a sanitised answer. */
export function okOrFailed(s: Sanitized): LookupResult {
  if (s.info === null)
    return { kind: "failed", reason: s.problem ?? "GitHub sent an unusable answer" };
  return s.changes.length > 0
    ? { kind: "ok", info: s.info, changes: s.changes }
    : { kind: "ok", info: s.info };
}

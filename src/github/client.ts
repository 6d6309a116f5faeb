import { Octokit } from "octokit";
import type { GitHubConfig } from "./config.js";
import type { RateState } from "./rate-state.js";

export interface ClientOptions {
  config: GitHubConfig;
  fetch: typeof fetch;
  state: RateState;
  /** Milliseconds per second of GitHub-requested wait (1000 in production; tiny in tests). */
  retryDelayMs: number;
  /** Retries of a failed request (5xx, reset, timeout), octokit's default 3. */
  retries: number;
  /** Longest wait honoured (retry-after, or until x-ratelimit-reset), in GitHub seconds. */
  maxWaitSeconds: number;
  /** Epoch ms after which no wait is worth it (the run's time bound), or null. */
  deadline?: number | null;
  /** Called when a secondary limit is hit, so the caller can slow down. */
  onSecondaryLimit?: () => void;
}

/** Secondary limits: retry the same request at most this many times. */
const SECONDARY_RETRIES = 3;

/**
 * A stand-in for a Bottleneck group that runs every job at once.
 * plugin-throttling sends every GraphQL request through its module-level
 * "write" group (maxConcurrent 1, minTime 1 s: all queries one at a time,
 * one second apart) and every request through a "global" group capped at 10.
 * We replace both: concurrency is owned by the lookup's p-limit (a few
 * queries in flight, well under GitHub's 100 concurrent requests), and
 * secondary limits pause new requests (RateState.gate). The plugin's
 * retry-after / x-ratelimit-reset handling is kept.
 */
const passThrough = {
  key: () => ({
    schedule: async (...args: unknown[]) => {
      const [first, ...rest] = args;
      const [fn, ...fnArgs] = (typeof first === "function" ? args : rest) as [
        (...a: unknown[]) => unknown,
        ...unknown[],
      ];
      return fn(...fnArgs);
    },
  }),
};

/** octokit logs to the console by default; the lookup reports through its own results. */
const silent = { debug() {}, info() {}, warn() {}, error() {} };

export function createClient(options: ClientOptions): Octokit {
  const { config, state, retryDelayMs, maxWaitSeconds } = options;
  const deadline = options.deadline ?? null;
  /** Whether a wait of `seconds` (GitHub seconds) ends before the run's time bound. */
  const fits = (seconds: number) =>
    deadline === null || Date.now() + seconds * retryDelayMs < deadline;
  return new Octokit({
    ...(config.token !== undefined && { auth: config.token }),
    baseUrl: config.apiUrl,
    userAgent: "cooltech",
    log: silent,
    request: { fetch: options.fetch },
    retry: {
      retries: options.retries,
      retryAfterBaseValue: retryDelayMs,
      // 429 is a (secondary) rate limit: plugin-throttling waits for retry-after; plugin-retry
      // must not retry it a second time on its own schedule.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      write: passThrough as never,
      global: passThrough,
      retryAfterBaseValue: retryDelayMs,
      // "If you receive a secondary rate limit error ... If the retry-after response header is
      // present, ... Otherwise, wait for at least one minute before retrying."
      fallbackSecondaryRateRetryAfter: 60,
      onSecondaryRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) => {
        state.secondaryHits++;
        state.pause(retryAfter * retryDelayMs);
        options.onSecondaryLimit?.();
        return retryCount < SECONDARY_RETRIES && retryAfter <= maxWaitSeconds && fits(retryAfter);
      },
      // Primary budget exhausted: wait for x-ratelimit-reset only when it is near; otherwise
      // stop (the lookup marks the rest failed and reports when the budget resets).
      onRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) => {
        if (retryCount === 0 && retryAfter <= maxWaitSeconds && fits(retryAfter)) {
          state.pause(retryAfter * retryDelayMs);
          return true;
        }
        state.rateLimited = true;
        return false;
      },
    } as never,
  });
}

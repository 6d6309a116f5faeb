import pLimit, { type LimitFunction } from "p-limit";
import type { Dispatcher } from "undici";
import { checkUrl, type UrlCheckDeps } from "./check-url.js";
import { abortableSleep, Deadlines, type UrlClock } from "./deadlines.js";
import { createLinkAgent, type Probe, probe } from "./http.js";
import type { LinkResult, SkipRule } from "./types.js";

export interface CheckOptions {
  /** Requests in flight overall. */
  concurrency?: number | undefined;
  /** Requests in flight per host (host:port). */
  perHost?: number | undefined;
  /** Per request, and per phase (connect, headers, body). */
  timeoutMs?: number | undefined;
  /** Pause before the one retry. */
  retryDelayMs?: number | undefined;
  maxRetryAfterMs?: number | undefined;
  maxRedirects?: number | undefined;
  /** Hosts not to check (data/link-check.yaml). */
  skip?: readonly SkipRule[];
  /** Tests only: real data is https-only, local test servers speak http. */
  allowHttp?: boolean;
  /** Where requests go; tests pass an Agent of their own. Default: a keep-alive Agent, closed at the end. */
  dispatcher?: Dispatcher;
  userAgent?: string;
  /** All the time one URL may take, from its first request (attempts, waits, redirects). */
  urlDeadlineMs?: number | undefined;
  /** All the time requests to one host may take, from its first request. */
  hostBudgetMs?: number | undefined;
  /** All the time the check may take (`--max-time`). */
  maxTimeMs?: number | undefined;
  /** Stops the check: the URLs not finished are reported unchecked. */
  signal?: AbortSignal | undefined;
  /** Called after each URL is settled. */
  onProgress?(done: number, total: number): void;
  sleep?(ms: number): Promise<void>;
}

export const LINK_DEFAULTS = {
  concurrency: 16,
  // Small enough not to look like an attack on anybody's site, nor to trip
  // github.com's secondary limits on unauthenticated page views.
  perHost: 2,
  timeoutMs: 10_000,
  retryDelayMs: 1_000,
  maxRetryAfterMs: 10_000,
  maxRedirects: 5,
  // A URL gets HEAD and GET, each retried once, and a few redirects: 3 timeouts' worth.
  urlDeadlineMs: 30_000,
  // A host with many entries that answers slowly or 429 to all of them costs this much at most.
  hostBudgetMs: 120_000,
  // Honest, but shaped like a browser's: some servers refuse user agents that are not.
  userAgent: "Mozilla/5.0 (compatible; cooltech-link-check/0.1)",
} as const;

/** The rule of `skip` that covers `hostname`: the host itself or any subdomain of it. */
export function skipRuleFor(skip: readonly SkipRule[], hostname: string): SkipRule | undefined {
  const host = hostname.toLowerCase();
  return skip.find((r) => host === r.host || host.endsWith(`.${r.host}`));
}

/**
 * Checks each distinct URL once, with at most `perHost` requests per host and
 * `concurrency` overall. Each request takes its host slot first, then a global
 * slot, so requests queued behind a busy host never hold global slots.
 */
export async function checkLinks(
  urls: readonly string[],
  options: CheckOptions = {},
): Promise<Map<string, LinkResult>> {
  const o = {
    concurrency: options.concurrency ?? LINK_DEFAULTS.concurrency,
    perHost: options.perHost ?? LINK_DEFAULTS.perHost,
    timeoutMs: options.timeoutMs ?? LINK_DEFAULTS.timeoutMs,
    retryDelayMs: options.retryDelayMs ?? LINK_DEFAULTS.retryDelayMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? LINK_DEFAULTS.maxRetryAfterMs,
    maxRedirects: options.maxRedirects ?? LINK_DEFAULTS.maxRedirects,
    userAgent: options.userAgent ?? LINK_DEFAULTS.userAgent,
    urlMs: options.urlDeadlineMs ?? LINK_DEFAULTS.urlDeadlineMs,
    hostMs: options.hostBudgetMs ?? LINK_DEFAULTS.hostBudgetMs,
  };
  const deadlines = new Deadlines({
    urlMs: o.urlMs,
    hostMs: o.hostMs,
    totalMs: options.maxTimeMs,
    signal: options.signal,
  });
  const unique = [...new Set(urls)];
  const ownAgent = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ?? createLinkAgent({ timeoutMs: o.timeoutMs, perHost: o.perHost });
  const global = pLimit(o.concurrency);
  const hosts = new Map<string, LimitFunction>();
  const hostLimit = (host: string): LimitFunction => {
    let limit = hosts.get(host);
    if (limit === undefined) {
      limit = pLimit(o.perHost);
      hosts.set(host, limit);
    }
    return limit;
  };
  const probeOptions = { dispatcher, timeoutMs: o.timeoutMs, userAgent: o.userAgent };
  /** One request of the URL timed by `clock`, unless a deadline ran out (then "stopped"). */
  const send = async (clock: UrlClock, url: string, method: "HEAD" | "GET"): Promise<Probe> => {
    const host = new URL(url).host;
    return hostLimit(host)(() =>
      global(async (): Promise<Probe> => {
        const why = deadlines.stopped(clock, host);
        if (why !== null) return { kind: "stopped", reason: why };
        const signal = deadlines.begin(clock, host);
        const answer = await probe(url, method, { ...probeOptions, signal });
        const late = deadlines.stopped(clock, host);
        return late === null ? answer : { kind: "stopped", reason: late };
      }),
    );
  };
  const depsFor = (clock: UrlClock): UrlCheckDeps => ({
    send: (url, method) => send(clock, url, method),
    sleep: options.sleep
      ? (ms) => options.sleep?.(ms) ?? Promise.resolve()
      : (ms, url) => abortableSleep(ms, deadlines.signal(clock, new URL(url).host)),
    retryDelayMs: o.retryDelayMs,
    maxRetryAfterMs: o.maxRetryAfterMs,
    maxRedirects: o.maxRedirects,
    allowHttp: options.allowHttp === true,
    skipFor: (url: URL) => skipRuleFor(options.skip ?? [], url.hostname),
  });
  let done = 0;
  const results = new Map<string, LinkResult>();
  try {
    await Promise.all(
      unique.map(async (url) => {
        results.set(url, await checkUrl(url, depsFor(deadlines.url())));
        options.onProgress?.(++done, unique.length);
      }),
    );
  } finally {
    deadlines.dispose();
    // Requests abandoned at a deadline may still hold sockets: drop them rather than wait.
    if (ownAgent) await dispatcher.destroy();
  }
  return results;
}

import { setTimeout as sleep } from "node:timers/promises";
import pLimit, { type LimitFunction } from "p-limit";
import type { Dispatcher } from "undici";
import { checkUrl } from "./check-url.js";
import { createLinkAgent, probe } from "./http.js";
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
  };
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
  const deps = {
    send: (url: string, method: "HEAD" | "GET") =>
      hostLimit(new URL(url).host)(() => global(() => probe(url, method, probeOptions))),
    sleep: options.sleep ?? ((ms: number) => sleep(ms)),
    retryDelayMs: o.retryDelayMs,
    maxRetryAfterMs: o.maxRetryAfterMs,
    maxRedirects: o.maxRedirects,
    allowHttp: options.allowHttp === true,
    skipFor: (url: URL) => skipRuleFor(options.skip ?? [], url.hostname),
  };
  let done = 0;
  const results = new Map<string, LinkResult>();
  try {
    await Promise.all(
      unique.map(async (url) => {
        results.set(url, await checkUrl(url, deps));
        options.onProgress?.(++done, unique.length);
      }),
    );
  } finally {
    if (ownAgent) await dispatcher.close();
  }
  return results;
}

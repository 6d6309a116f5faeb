import { STATUS_CODES } from "node:http";
import type { Probe } from "./http.js";
import type { Hop, LinkResult, SkipRule } from "./types.js";

/** What checking one URL needs; `send` is already behind the host and global limiters. */
export interface UrlCheckDeps {
  /** One request, no retry, no redirect. */
  send(url: string, method: "HEAD" | "GET"): Promise<Probe>;
  /** A pause before retrying `url` (cut short when a deadline of its host runs out). */
  sleep(ms: number, url: string): Promise<void>;
  retryDelayMs: number;
  /** A longer `Retry-After` is not waited for: the link is reported unverified instead. */
  maxRetryAfterMs: number;
  maxRedirects: number;
  allowHttp: boolean;
  skipFor(url: URL): SkipRule | undefined;
}

/** Redirect statuses (RFC 9110 §15.4); 301 and 308 are permanent, the others are not. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);
/** Statuses that prove a page is gone (RFC 9110 §15.5.5, §15.5.11). Nothing else counts as dead. */
const GONE = new Set([404, 410]);

export function statusText(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `${status} ${text}` : `status ${status}`;
}

/** A LinkResult without what checkUrl fills in itself (the URL, its hops, where it moved). */
type Verdict = Omit<LinkResult, "url" | "hops" | "movedTo" | "finalUrl">;

/**
 * Checks one URL: HEAD, then a ranged GET when HEAD does not say yes (many
 * servers refuse or mishandle HEAD), one retry on network errors, 429 and 5xx,
 * and redirects followed by hand so permanent ones can be reported.
 */
export async function checkUrl(start: string, deps: UrlCheckDeps): Promise<LinkResult> {
  const hops: Hop[] = [];
  const seen = new Set<string>([start]);
  let current = start;
  let movedTo: string | undefined;
  let permanentSoFar = true;
  const result = (r: Verdict): LinkResult => ({
    url: start,
    finalUrl: current,
    hops,
    ...r,
    ...(movedTo !== undefined ? { movedTo } : {}),
  });

  for (;;) {
    const refused = notFetched(new URL(current), hops, deps);
    if (refused) return result(refused);
    const answer = await fetchStatus(current, deps);
    const { probe } = answer;
    if (probe.kind !== "response" || !REDIRECTS.has(probe.status) || probe.location === undefined) {
      // A check stopped midway suggests no new URL.
      if (probe.kind === "stopped") movedTo = undefined;
      return result(verdictOf(answer, hops, current));
    }
    const { status } = probe;
    let next: string;
    try {
      next = new URL(probe.location, current).href;
    } catch {
      return result({
        status: "unverified",
        detail: via(hops, current, `${statusText(status)} with an invalid Location header`),
      });
    }
    hops.push({ url: current, status });
    // Never suggest a downgrade: a permanent redirect from https to http is no new address.
    const downgrade = new URL(current).protocol === "https:" && new URL(next).protocol !== "https:";
    if (permanentSoFar && PERMANENT.has(status) && !downgrade) movedTo = next;
    else {
      permanentSoFar = false;
      if (downgrade) movedTo = undefined;
    }
    if (seen.has(next) || hops.length > deps.maxRedirects) {
      // A chain that goes nowhere suggests no new URL.
      movedTo = undefined;
      return result({
        status: "unverified",
        detail: seen.has(next)
          ? "it redirects in a loop"
          : `it redirects more than ${deps.maxRedirects} times`,
      });
    }
    seen.add(next);
    current = next;
  }
}

/** Why a URL (the first, or one a redirect leads to) is not fetched: not https, or skipped. */
function notFetched(url: URL, hops: readonly Hop[], deps: UrlCheckDeps): Verdict | undefined {
  const schemeOk = url.protocol === "https:" || (deps.allowHttp && url.protocol === "http:");
  if (!schemeOk) {
    const detail =
      hops.length === 0 ? "it is not an https URL" : `it redirects to a non-https URL ${url.href}`;
    return { status: "unverified", detail };
  }
  const skip = deps.skipFor(url);
  return skip ? { status: "skipped", detail: skip.reason, skip } : undefined;
}

/**
 * The verdict on an answer that is not a redirect: ok, dead (only 404/410 or a
 * dead network error), unchecked (stopped by a deadline or a signal), else unverified.
 */
function verdictOf(answer: Answer, hops: Hop[], current: string): Verdict {
  const { probe } = answer;
  if (probe.kind === "stopped") {
    return { status: "unchecked", detail: via(hops, current, probe.reason) };
  }
  const retried = answer.retried ? " (tried twice)" : "";
  if (probe.kind === "error") {
    const { failure } = probe;
    return {
      status: failure.dead ? "dead" : "unverified",
      detail: via(hops, current, `${failure.detail}${retried}`),
      network: true,
    };
  }
  const { status } = probe;
  // 206 answers the ranged GET; 416 means the range did not fit (an empty file): the page exists.
  if ((status >= 200 && status < 300) || status === 416) return { status: "ok", detail: "" };
  if (GONE.has(status)) return { status: "dead", detail: via(hops, current, statusText(status)) };
  if (answer.refused) {
    return {
      status: "unverified",
      refused: true,
      detail: via(hops, current, "403 Forbidden to both HEAD and GET"),
    };
  }
  return { status: "unverified", detail: via(hops, current, `${statusText(status)}${retried}`) };
}

function via(hops: Hop[], current: string, detail: string): string {
  return hops.length === 0 ? detail : `it redirects to ${current}, which answers: ${detail}`;
}

interface Answer {
  probe: Probe;
  retried: boolean;
  /** HEAD and GET both answered 403: a site that turns bots away. */
  refused: boolean;
}

async function fetchStatus(url: string, deps: UrlCheckDeps): Promise<Answer> {
  const head = await attempt(url, "HEAD", deps, false);
  if (head.probe.kind !== "response") return { ...head, refused: false };
  const headStatus = head.probe.status;
  if (headStatus < 400) return { ...head, refused: false };
  // A 429 to HEAD asks us to slow down before the GET too.
  if (headStatus === 429) {
    const wait = retryWait(head.probe, deps);
    if (wait === undefined) return { ...head, refused: false };
    await deps.sleep(wait, url);
  }
  const get = await attempt(url, "GET", deps, true);
  const refused = headStatus === 403 && get.probe.kind === "response" && get.probe.status === 403;
  return { ...get, refused };
}

/** One request, and one more after a pause when the failure may be passing. */
async function attempt(
  url: string,
  method: "HEAD" | "GET",
  deps: UrlCheckDeps,
  retryStatus: boolean,
): Promise<{ probe: Probe; retried: boolean }> {
  const first = await deps.send(url, method);
  let wait: number | undefined;
  if (first.kind === "stopped") return { probe: first, retried: false };
  if (first.kind === "error") wait = first.failure.transient ? deps.retryDelayMs : undefined;
  else if (retryStatus && (first.status === 429 || first.status >= 500))
    wait = retryWait(first, deps);
  if (wait === undefined) return { probe: first, retried: false };
  await deps.sleep(wait, url);
  return { probe: await deps.send(url, method), retried: true };
}

/** The pause before retrying a 429/5xx: `Retry-After` (RFC 9110 §10.2.3) when given, capped. */
function retryWait(probe: Probe, deps: UrlCheckDeps): number | undefined {
  if (probe.kind !== "response" || probe.retryAfter === undefined) return deps.retryDelayMs;
  const value = probe.retryAfter.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  if (Number.isNaN(ms)) return deps.retryDelayMs;
  if (ms > deps.maxRetryAfterMs) return undefined;
  return Math.max(ms, deps.retryDelayMs);
}

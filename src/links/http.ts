import { Agent, type Dispatcher, request } from "undici";

/** The answer to one request, or why there was none. Never throws. */
export type Probe =
  | { kind: "response"; status: number; location?: string; retryAfter?: string }
  | { kind: "error"; failure: NetworkFailure }
  /** Not sent, or abandoned: a deadline of the check ran out (deadlines.ts). */
  | { kind: "stopped"; reason: string };

export interface NetworkFailure {
  /** What the contributor reads, e.g. `connection refused (ECONNREFUSED)`. */
  detail: string;
  /** Worth one more try (resets, timeouts, DNS hiccups); TLS certificate errors are not. */
  transient: boolean;
  /** After the retry: is the link dead, or only unverified? */
  dead: boolean;
}

export interface ProbeOptions {
  dispatcher: Dispatcher;
  timeoutMs: number;
  userAgent: string;
  /** Abandons the request (a deadline of the check: the caller reports it). */
  signal?: AbortSignal;
}

/** We read at most this much of a body before dropping it: the status is all we need. */
const BODY_LIMIT = 64 * 1024;

/**
 * A keep-alive agent for link checks. `connections` caps sockets per origin
 * (a second guard behind the per-host limiter); the timeouts bound every phase.
 */
export function createLinkAgent(opts: { timeoutMs: number; perHost: number }): Agent {
  return new Agent({
    keepAliveTimeout: 10_000,
    connections: opts.perHost,
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    connect: { timeout: opts.timeoutMs },
  });
}

/**
 * One HEAD, or one GET of the first byte (`Range: bytes=0-0`, RFC 9110 §14.2),
 * without following redirects (undici v7's `request` never does).
 */
export async function probe(
  url: string,
  method: "HEAD" | "GET",
  opts: ProbeOptions,
): Promise<Probe> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  const headers: Record<string, string> = {
    "user-agent": opts.userAgent,
    accept: "text/html,application/xhtml+xml,*/*;q=0.8",
  };
  if (method === "GET") headers.range = "bytes=0-0";
  try {
    const res = await request(url, {
      method,
      headers,
      dispatcher: opts.dispatcher,
      signal,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
    });
    // Drain (or drop) the body so the socket returns to the keep-alive pool.
    await res.body.dump({ limit: BODY_LIMIT, signal }).catch(() => undefined);
    const out: Probe = { kind: "response", status: res.statusCode };
    const location = header(res.headers.location);
    if (location !== undefined) out.location = location;
    const retryAfter = header(res.headers["retry-after"]);
    if (retryAfter !== undefined) out.retryAfter = retryAfter;
    return out;
  } catch (error) {
    return { kind: "error", failure: classifyFailure(error, opts.timeoutMs) };
  }
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

const TIMEOUTS = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ETIMEDOUT",
]);
const RESETS = new Set(["ECONNRESET", "UND_ERR_SOCKET", "EPIPE", "UND_ERR_CLOSED"]);

/** Turns an undici/Node error into a contributor-readable failure. */
export function classifyFailure(error: unknown, timeoutMs: number): NetworkFailure {
  const err = error as { name?: string; code?: unknown; message?: string; cause?: unknown };
  const code = errorCode(error);
  if (err?.name === "TimeoutError" || err?.name === "AbortError" || TIMEOUTS.has(code)) {
    return { detail: `no answer within ${timeoutMs} ms`, transient: true, dead: true };
  }
  if (code === "ENOTFOUND") {
    return { detail: "the host name does not resolve (ENOTFOUND)", transient: true, dead: true };
  }
  if (code === "EAI_AGAIN") {
    return { detail: "DNS lookup failed temporarily (EAI_AGAIN)", transient: true, dead: false };
  }
  if (code === "ECONNREFUSED") {
    return { detail: "connection refused (ECONNREFUSED)", transient: true, dead: true };
  }
  if (RESETS.has(code)) {
    return {
      detail: `the connection was closed without an answer (${code})`,
      transient: true,
      dead: true,
    };
  }
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") {
    return { detail: `the host is unreachable (${code})`, transient: true, dead: true };
  }
  if (isTlsCode(code)) {
    const text = (err?.message ?? "").split("\n")[0]?.slice(0, 120) ?? "";
    return { detail: `TLS error: ${text} (${code})`, transient: false, dead: true };
  }
  const text = (err?.message ?? String(error)).split("\n")[0]?.slice(0, 120) ?? "";
  return {
    detail: `request failed: ${text}${code ? ` (${code})` : ""}`,
    transient: true,
    dead: false,
  };
}

function errorCode(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return "";
}

/** Node's certificate and handshake error codes (see `tls` and OpenSSL's verify codes). */
function isTlsCode(code: string): boolean {
  return (
    code.startsWith("ERR_SSL_") ||
    code.startsWith("ERR_TLS_") ||
    code.startsWith("CERT_") ||
    code.includes("SELF_SIGNED") ||
    code.startsWith("UNABLE_TO_") ||
    code === "HOSTNAME_MISMATCH"
  );
}

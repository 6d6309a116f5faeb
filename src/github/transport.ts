import { Agent, fetch as undiciFetch } from "undici";

/**
 * The HTTP transport under octokit (its `request.fetch`): undici v7 with a
 * keep-alive Agent, a deadline per attempt, and a whole-body read so that a
 * connection reset mid-body or a truncated JSON body becomes an error octokit
 * retries, instead of a half-parsed answer (octokit parses what it gets).
 */
export interface TransportOptions {
  /** Deadline of one attempt: connect, headers and the whole body. */
  timeoutMs: number;
  /** Sockets kept per origin (the lookup's concurrency). */
  connections: number;
  /** Injected transport (tests); undici's fetch over our Agent otherwise. */
  fetch?: typeof fetch | undefined;
  /** Sees every response (status and headers), e.g. for x-ratelimit-*. */
  onResponse?: (response: { status: number; headers: Headers }) => void;
  /** Counts every attempt. */
  onRequest?: () => void;
  /** Aborts every request, in flight or to come (the run's time bound). */
  signal?: AbortSignal | undefined;
}

export interface Transport {
  fetch: typeof fetch;
  close(): Promise<void>;
}

/** A failure of the transport, worded for people (never contains the request headers). */
export class TransportError extends Error {
  override name = "TransportError";
}

/** Statuses whose responses have no body (a Response with one cannot be constructed). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** How long an idle socket is kept for the next request. */
const KEEP_ALIVE_MS = 10_000;
/** TCP/TLS connect deadline; the request deadline covers the rest. */
const CONNECT_TIMEOUT_MS = 10_000;

export function createTransport(options: TransportOptions): Transport {
  const { timeoutMs } = options;
  const agent = options.fetch
    ? undefined
    : new Agent({
        keepAliveTimeout: KEEP_ALIVE_MS,
        connections: options.connections,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        connect: { timeout: Math.min(timeoutMs, CONNECT_TIMEOUT_MS) },
      });
  const base =
    options.fetch ??
    ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      undiciFetch(
        input as string,
        {
          ...(init as object),
          dispatcher: agent,
        } as Parameters<typeof undiciFetch>[1],
      ) as unknown as Promise<Response>);

  const wrapped = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    options.onRequest?.();
    const deadline = AbortSignal.timeout(timeoutMs);
    const signals = [deadline, init?.signal, options.signal].filter((s) => s != null);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : deadline;
    try {
      const response = await base(input, { ...init, signal });
      const text = NULL_BODY.has(response.status) ? null : await response.text();
      options.onResponse?.(response);
      if (text !== null && text !== "" && isJson(response.headers.get("content-type"))) {
        try {
          JSON.parse(text);
        } catch {
          throw new TransportError(
            `malformed JSON in a ${response.status} response (${text.length} bytes)`,
          );
        }
      }
      return new Response(text, {
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
      });
    } catch (error) {
      if (error instanceof TransportError) throw error;
      if (options.signal?.aborted)
        throw new TransportError("stopped: the run reached its time limit");
      if (deadline.aborted) throw new TransportError(`timed out after ${timeoutMs} ms`);
      throw new TransportError(describeNetworkError(error), { cause: error });
    }
  };
  return {
    fetch: wrapped as typeof fetch,
    close: async () => {
      await agent?.close();
    },
  };
}

function isJson(contentType: string | null): boolean {
  return contentType !== null && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType);
}

/** undici reports "fetch failed" / "terminated" with the socket error as `cause`. */
export function describeNetworkError(error: unknown): string {
  const err = error instanceof Error ? error : new Error(String(error));
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === "UND_ERR_SOCKET" || code === "ECONNRESET" || err.message === "terminated") {
    return "connection reset by GitHub";
  }
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") return "timed out";
  if (code === "UND_ERR_CONNECT_TIMEOUT") return "connect timed out";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `host not found (${code})`;
  return cause?.message ?? err.message;
}

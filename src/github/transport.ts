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
  /** Aborts every request, now and later (the lookup was stopped). */
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
  const agent = options.fetch ? undefined : keepAliveAgent(options);
  const base = options.fetch ?? agentFetch(agent as Agent);
  return {
    fetch: checkedFetch(base, options),
    close: async () => {
      // After a stop, sockets still busy are dropped rather than waited for.
      if (options.signal?.aborted) await agent?.destroy();
      else await agent?.close();
    },
  };
}

/** The keep-alive Agent: `connections` sockets, every phase bounded by the attempt's deadline. */
function keepAliveAgent({ timeoutMs, connections }: TransportOptions): Agent {
  return new Agent({
    keepAliveTimeout: KEEP_ALIVE_MS,
    connections,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { timeout: Math.min(timeoutMs, CONNECT_TIMEOUT_MS) },
  });
}

/** undici's fetch over `agent`, typed as the global fetch octokit expects. */
function agentFetch(agent: Agent): typeof fetch {
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(
      input as string,
      { ...(init as object), dispatcher: agent } as Parameters<typeof undiciFetch>[1],
    ) as unknown as Promise<Response>) as typeof fetch;
}

/**
 * `base` with the attempt's deadline and the stop signal, the whole body read
 * (a JSON body that does not parse is an error), and failures worded as
 * TransportError; a stop is an AbortError (octokit never retries one).
 */
function checkedFetch(base: typeof fetch, options: TransportOptions): typeof fetch {
  const { timeoutMs } = options;
  const wrapped = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const stop = options.signal;
    if (stop?.aborted) throw abortError();
    options.onRequest?.();
    const deadline = AbortSignal.timeout(timeoutMs);
    const signals = [deadline, ...(init?.signal ? [init.signal] : []), ...(stop ? [stop] : [])];
    const signal = signals.length === 1 ? deadline : AbortSignal.any(signals);
    try {
      const response = await base(input, { ...init, signal });
      const text = NULL_BODY.has(response.status) ? null : await response.text();
      options.onResponse?.(response);
      const json = checkJson(response, text);
      const checked = new Response(text, {
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
      });
      if (json !== undefined && checked.body !== null) parsedBodies.set(checked.body, json);
      return checked;
    } catch (error) {
      if (error instanceof TransportError) throw error;
      if (stop?.aborted) throw abortError();
      if (deadline.aborted) throw new TransportError(`timed out after ${timeoutMs} ms`);
      throw new TransportError(describeNetworkError(error), { cause: error });
    }
  };
  return wrapped as typeof fetch;
}

/**
 * What checkJson parsed, by the body of the response the transport returned.
 * A caller that asks octokit not to parse a success (`request:
 * { parseSuccessResponseBody: false }`) gets that body as `data` and reads
 * the value with parsedJson: one native JSON.parse per answer instead of two,
 * the second of which (octokit's, big-number aware) copies the whole text.
 */
const parsedBodies = new WeakMap<object, unknown>();

/** The JSON value of a body the transport returned (see parsedBodies); undefined when none. */
export function parsedJson(body: unknown): unknown {
  return typeof body === "object" && body !== null ? parsedBodies.get(body) : undefined;
}

/** A JSON response whose body does not parse (truncated, say) is a TransportError; returns the value. */
function checkJson(response: Response, text: string | null): unknown {
  if (text === null || text === "" || !isJson(response.headers.get("content-type"))) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new TransportError(
      `malformed JSON in a ${response.status} response (${text.length} bytes)`,
    );
  }
}

/** The message of a request abandoned because the lookup was stopped. */
export const STOPPED_MESSAGE = "the lookup was stopped";

function abortError(): Error {
  const error = new Error(STOPPED_MESSAGE);
  error.name = "AbortError";
  return error;
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

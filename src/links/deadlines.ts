/**
 * The time limits of a link check, so that no site can hold the weekly job:
 * - per URL: from its first request, all its attempts, waits and redirects;
 * - per host: from the first request to a host, all requests to it (a host
 *   answering 429 or slowly to every URL costs this much at most);
 * - overall (`--max-time`), and the caller's signal.
 * A URL stopped by one of them is reported `unchecked`, with the reason.
 */

export interface DeadlineOptions {
  urlMs: number;
  hostMs: number;
  totalMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** An AbortController whose timer starts on the first `start()`. */
class Clock {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  constructor(
    private readonly ms: number,
    private readonly reason: string,
  ) {}
  get signal(): AbortSignal {
    return this.controller.signal;
  }
  start(): void {
    if (this.timer !== undefined || this.controller.signal.aborted) return;
    this.timer = setTimeout(() => this.controller.abort(this.reason), this.ms);
    this.timer.unref();
  }
  stop(): void {
    clearTimeout(this.timer);
  }
}

export class Deadlines {
  private readonly total: Clock | undefined;
  private readonly hosts = new Map<string, Clock>();
  private readonly urls: Clock[] = [];

  constructor(private readonly o: DeadlineOptions) {
    if (o.totalMs !== undefined) {
      this.total = new Clock(o.totalMs, `not reached within --max-time (${seconds(o.totalMs)})`);
      this.total.start();
    }
  }

  private host(host: string): Clock {
    let clock = this.hosts.get(host);
    if (clock === undefined) {
      clock = new Clock(
        this.o.hostMs,
        `not reached within the budget of its host ${host} (${seconds(this.o.hostMs)})`,
      );
      this.hosts.set(host, clock);
    }
    return clock;
  }

  /** A new URL's clock (started by its first request). */
  url(): Clock {
    const clock = new Clock(
      this.o.urlMs,
      `not finished within the per-URL deadline (${seconds(this.o.urlMs)})`,
    );
    this.urls.push(clock);
    return clock;
  }

  /** Starts the clocks of a request about to be sent; returns its signal. */
  begin(url: Clock, host: string): AbortSignal {
    url.start();
    this.host(host).start();
    return this.signal(url, host);
  }

  /** What stops a request of `url` to `host` now or later. */
  signal(url: Clock, host: string): AbortSignal {
    const all = [url.signal, this.host(host).signal];
    if (this.total) all.push(this.total.signal);
    if (this.o.signal) all.push(this.o.signal);
    return AbortSignal.any(all);
  }

  /** Why a request of `url` to `host` may not go ahead, or null when it may. */
  stopped(url: Clock, host: string): string | null {
    const s = this.signal(url, host);
    if (!s.aborted) return null;
    return typeof s.reason === "string" ? s.reason : "not reached: the check was stopped";
  }

  /** Clears every timer (the check is over). */
  dispose(): void {
    this.total?.stop();
    for (const c of this.hosts.values()) c.stop();
    for (const c of this.urls) c.stop();
  }
}

export type UrlClock = ReturnType<Deadlines["url"]>;

/** A sleep that ends early when `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

import type { LimitFunction } from "p-limit";

/**
 * Requests in flight, adapted to GitHub's secondary limits: each secondary
 * limit halves the concurrency; once requests succeed again it grows back one
 * step at a time (one more after as many successes in a row as requests are
 * in flight, i.e. a whole round without a limit), up to where it started.
 */
export class Concurrency {
  private streak = 0;
  /** Lowest concurrency the run fell to. */
  lowest: number;

  constructor(
    readonly limit: LimitFunction,
    readonly initial: number,
  ) {
    this.lowest = initial;
  }

  get current(): number {
    return this.limit.concurrency;
  }

  /** A secondary limit: halve, and start counting successes again. */
  backOff(): void {
    this.streak = 0;
    this.limit.concurrency = Math.max(1, Math.floor(this.limit.concurrency / 2));
    this.lowest = Math.min(this.lowest, this.limit.concurrency);
  }

  /** A request succeeded: after a round of successes, one more request in flight. */
  succeeded(): void {
    if (this.limit.concurrency >= this.initial) return;
    this.streak++;
    if (this.streak >= this.limit.concurrency) {
      this.streak = 0;
      this.limit.concurrency += 1;
    }
  }
}

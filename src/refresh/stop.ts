/**
 * The signal that stops a refresh early: the caller's (SIGTERM, SIGINT: the
 * CLI wires them) or the run time limit (`--max-time`). Its reason is a
 * string, which becomes the stale reason of every entry not fetched.
 */
export function runSignal(
  signal: AbortSignal | undefined,
  maxTimeMs: number | undefined,
): { signal: AbortSignal | undefined; dispose(): void } {
  if (maxTimeMs === undefined) return { signal, dispose() {} };
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(`not fetched: the run time limit (${maxTimeMs / 1000} s) was reached`),
    maxTimeMs,
  );
  timer.unref();
  return {
    signal: signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal,
    dispose: () => clearTimeout(timer),
  };
}

/** Settings the commands read from the environment (COOLTECH_NOW and the test-only knobs). */
import { UserError } from "../core/errors.js";

/**
 * The clock: the real one, or COOLTECH_NOW (an ISO time) so tests and demos
 * can simulate days passing (star trends need several days of history).
 */
export function clockFromEnv(env: Record<string, string | undefined>): () => Date {
  const fixed = env.COOLTECH_NOW;
  if (!fixed) return () => new Date();
  const ms = Date.parse(fixed);
  if (Number.isNaN(ms)) throw new UserError(`COOLTECH_NOW is not an ISO time: '${fixed}'`);
  return () => new Date(ms);
}

/**
 * Knobs for tests only (documented as such): COOLTECH_RETRY_BASE_MS scales
 * every wait GitHub asks for (default 1000 ms per second), COOLTECH_TIMEOUT_MS
 * is the deadline of one request (default 30000).
 */
export function testKnobs(env: Record<string, string | undefined>) {
  const num = (name: string): number | undefined => {
    const v = env[name];
    if (v === undefined || v === "") return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0)
      throw new UserError(`${name} must be a number of ms, not '${v}'`);
    return n;
  };
  const retryDelayMs = num("COOLTECH_RETRY_BASE_MS");
  const timeoutMs = num("COOLTECH_TIMEOUT_MS");
  return {
    ...(retryDelayMs !== undefined && { retryDelayMs }),
    ...(timeoutMs !== undefined && { timeoutMs }),
  };
}

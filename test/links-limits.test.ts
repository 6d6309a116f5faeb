import assert from "node:assert/strict";
import { test } from "node:test";
import { Agent } from "undici";
import { checkLinks } from "../src/links/index.js";
import { type Gauge, startLinkServer } from "./helpers/links-server.js";

/**
 * Two local "hosts" (two ports: the limiter keys on host:port) with slow
 * pages. The agent has no socket cap of its own, so only the limiters keep
 * the numbers down.
 */
async function measure(perHost: number, concurrency: number) {
  const gauge: Gauge = { inFlight: 0, max: 0 };
  const a = await startLinkServer({ busyMs: 60, gauge });
  const b = await startLinkServer({ busyMs: 60, gauge });
  const agent = new Agent();
  try {
    const urls = [a, b].flatMap((s) =>
      Array.from({ length: 8 }, (_, i) => `${s.origin}/busy?page=${i}`),
    );
    const results = await checkLinks(urls, {
      allowHttp: true,
      dispatcher: agent,
      perHost,
      concurrency,
      // Generous: every page answers; only a loaded machine could make one late.
      timeoutMs: 30_000,
    });
    assert.equal(results.size, 16);
    assert.ok([...results.values()].every((r) => r.status === "ok"));
    return { a: a.maxInFlight, b: b.maxInFlight, total: gauge.max };
  } finally {
    await agent.close();
    await Promise.all([a.close(), b.close()]);
  }
}

test("at most --per-host requests per host, and --concurrency overall", async () => {
  const m = await measure(2, 3);
  // The upper bounds are the point; A's pages are queued first, so A and the
  // global limit are certainly reached, B's peak depends on timing.
  assert.ok(m.a === 2 && m.b <= 2 && m.b >= 1 && m.total === 3, JSON.stringify(m));
});

test("one request at a time per host still checks hosts in parallel", async () => {
  const m = await measure(1, 16);
  assert.ok(m.a === 1 && m.b === 1 && m.total === 2, JSON.stringify(m));
});

test("with a loose per-host limit the global limit is what binds", async () => {
  const m = await measure(8, 5);
  assert.equal(m.total, 5);
  assert.ok(m.a <= 5 && m.b <= 5, JSON.stringify(m));
});

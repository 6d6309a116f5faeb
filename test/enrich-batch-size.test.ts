/** The batch size measured from the first query's cost (src/github/batch-size.ts). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  adaptedBatchSize,
  BatchSizer,
  onePointBatch,
  pointsFor,
  requestsPerRepo,
} from "../src/github/batch-size.js";

describe("batch size", () => {
  test("pointsFor is GitHub's formula: requests / 100, rounded, minimum 1", () => {
    assert.deepEqual(
      [0, 1, 148, 149, 150, 200, 249, 250, 5_101].map(pointsFor),
      [1, 1, 1, 1, 2, 2, 2, 3, 51],
    );
  });

  test("requests per repository, inferred from a measured cost", () => {
    assert.equal(requestsPerRepo(100, 2), 2); // 150..249 requests over 100 repos
    assert.equal(requestsPerRepo(100, 3), 3);
    assert.equal(requestsPerRepo(50, 2), 4); // 3 or 4 fit: the cautious 4
    assert.equal(requestsPerRepo(100, 1), null); // the minimum charge says nothing
    assert.equal(requestsPerRepo(100, 1.5), null);
    assert.equal(requestsPerRepo(0, 2), null);
  });

  test("onePointBatch: the most repositories one point buys", () => {
    assert.equal(onePointBatch(2, 100), 74); // 148 requests → 1 point; 75 × 2 = 150 → 2
    assert.equal(onePointBatch(1, 100), 100);
    assert.equal(onePointBatch(3, 100), 49);
    assert.equal(onePointBatch(2, 10), 10);
    assert.equal(onePointBatch(500, 100), 1);
  });

  test("adaptedBatchSize: 100 repos cost 2 → 74; 1 point → unchanged; never grows", () => {
    assert.equal(adaptedBatchSize(100, 100, 2), 74);
    assert.equal(adaptedBatchSize(100, 100, 1), 100);
    assert.equal(adaptedBatchSize(10, 10, 1), 10);
    assert.equal(adaptedBatchSize(60, 60, 2), onePointBatch(requestsPerRepo(60, 2) ?? 0, 60));
  });

  test("for every per-repo rate and batch, the adapted batch costs 1 point, and is optimal from 100", () => {
    for (let k = 1; k <= 12; k++) {
      for (let size = 1; size <= 100; size++) {
        const cost = pointsFor(k * size);
        const n = adaptedBatchSize(size, size, cost);
        assert.ok(n >= 1 && n <= size, `k=${k} size=${size}: ${n}`);
        if (cost > 1) assert.equal(pointsFor(k * n), 1, `k=${k} size=${size}: ${n}`);
        if (size === 100) {
          const best = Math.max(
            ...Array.from({ length: 100 }, (_, i) => i + 1).filter((m) => pointsFor(k * m) === 1),
          );
          assert.equal(n, best, `k=${k}`);
        }
      }
    }
  });

  test("BatchSizer: only the first measurement counts", () => {
    const sizer = new BatchSizer(100);
    assert.deepEqual(sizer.stats(), { initial: 100, final: 100, firstCost: null });
    sizer.measure(100, 2);
    assert.equal(sizer.size, 74);
    sizer.measure(74, 1);
    sizer.measure(74, 9);
    assert.deepEqual(sizer.stats(), { initial: 100, final: 74, firstCost: 2 });
  });
});

/**
 * Two small cores of the contributor's messages: one reading of `repo` for
 * every command (normalizeRepo), and which entries `sort-order` blames
 * (misplaced: the fewest moves, untouched entries kept in place first).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { misplaced } from "../src/core/order.js";
import { isRepoUrl, normalizeRepo, repoKey } from "../src/core/repo-url.js";
import { prng } from "./helpers/prng.js";

describe("normalizeRepo", () => {
  const same: Array<[string, string]> = [
    ["o/n", "o/n"],
    ["o/n.git", "o/n"],
    ["o/n/", "o/n"],
    ["o/n.git/", "o/n"],
    ["https://github.com/o/n", "o/n"],
    ["https://github.com/o/n/", "o/n"],
    ["https://github.com/o/n.git", "o/n"],
    ["https://github.com/o/n/tree/main/x", "o/n"],
    ["https://github.com/o/n/blob/main/README.md#install", "o/n"],
    ["https://github.com/o/n?tab=readme", "o/n"],
    ["https://github.com/o/n#readme", "o/n"],
    ["https://www.github.com/o/n", "o/n"],
    ["http://github.com/o/n", "o/n"],
    ["github.com/o/n", "o/n"],
    ["git@github.com:o/n.git", "o/n"],
    ["git@github.com:o/n", "o/n"],
    ["ssh://git@github.com/o/n.git", "o/n"],
    ["git://github.com/o/n.git", "o/n"],
    ["  o/n  ", "o/n"],
    ["Rook/Rook.GIT", "Rook/Rook"],
    ["kubernetes-sigs/kind", "kubernetes-sigs/kind"],
    ["o/n.js", "o/n.js"],
    ["o/.github", "o/.github"],
  ];
  for (const [input, want] of same) {
    test(`${JSON.stringify(input)} means ${want}`, () => {
      assert.equal(normalizeRepo(input), want);
    });
  }

  test("not a GitHub repository: undefined", () => {
    for (const input of [
      "",
      "o",
      "o/n/x",
      "https://gitlab.com/o/n",
      "https://github.com/o",
      "bad_owner/n",
      "-o/n",
      "o/..",
      "o/.git",
      "o/n with space",
      "https://github.com/o/n with space",
    ]) {
      assert.equal(normalizeRepo(input), undefined, input);
    }
  });

  test("isRepoUrl: written another way than owner/name; repoKey: what duplicates compare", () => {
    assert.equal(isRepoUrl("o/n"), false);
    assert.equal(isRepoUrl("o/n.git"), true);
    assert.equal(isRepoUrl("https://github.com/o/n"), true);
    assert.equal(isRepoUrl("not a repo"), false);
    assert.equal(repoKey("rook/rook.git"), repoKey("Rook/Rook"));
    assert.equal(repoKey("git@github.com:Rook/rook.git"), "rook/rook");
    assert.notEqual(repoKey("rook/rook"), repoKey("rook/rook-ceph"));
  });
});

/** The lightest set of items to move, by trying every subset (small lists only). */
function bruteForce(keys: number[], weight: (i: number) => number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << keys.length; mask++) {
    const kept = keys.filter((_, i) => !(mask & (1 << i)));
    if (kept.some((k, i) => i > 0 && (kept[i - 1] as number) > k)) continue;
    let moved = 0;
    keys.forEach((_, i) => {
      if (mask & (1 << i)) moved += weight(i);
    });
    best = Math.min(best, moved);
  }
  return best;
}

describe("misplaced", () => {
  const cmp = (a: number, b: number) => a - b;

  test("a sorted list: nothing; one entry out of place: only it", () => {
    assert.deepEqual(misplaced([1, 2, 2, 3], cmp), []);
    assert.deepEqual(misplaced([2, 3, 4, 5, 1], cmp), [4]);
    assert.deepEqual(misplaced([1, 2, 9, 3, 4], cmp), [2]);
  });

  test("two swapped neighbours: the first is blamed, unless only the second was touched", () => {
    assert.deepEqual(misplaced([1, 3, 2], cmp), [1]);
    const touched = new Set([2]);
    assert.deepEqual(
      misplaced([1, 3, 2], cmp, (i) => (touched.has(i) ? 1 : 100)),
      [2],
    );
  });

  test("an untouched entry is never blamed when moving touched ones is enough", () => {
    // 5 was added at the top; 1..4 are untouched. Plain LIS ties would not care which.
    const keys = [5, 1, 2, 3, 4];
    assert.deepEqual(misplaced(keys, cmp), [0]);
    // Now 5 is untouched and 1, 2 were added before it: moving 1 and 2 beats moving 5.
    const weight = (i: number) => (i === 1 || i === 2 ? 1 : 100);
    assert.deepEqual(
      misplaced([1, 5, 6, 2, 3, 7], cmp, (i) => (i === 3 || i === 4 ? 1 : 100)),
      [3, 4],
    );
    assert.deepEqual(misplaced([5, 1, 2, 6], cmp, weight), [1, 2]);
  });

  test("always a lightest set to move, and moving it sorts the list (random lists against brute force)", () => {
    const random = prng(20261201);
    for (let round = 0; round < 400; round++) {
      const n = 1 + Math.floor(random() * 9);
      const keys = Array.from({ length: n }, () => Math.floor(random() * 6));
      const weights = keys.map(() => (random() < 0.3 ? 1 : 1 + Math.floor(random() * 20)));
      const weight = (i: number) => weights[i] as number;
      const out = misplaced(keys, cmp, weight);
      const moved = out.reduce((sum, i) => sum + weight(i), 0);
      assert.equal(moved, bruteForce(keys, weight), `keys ${keys} weights ${weights}`);
      const kept = keys.filter((_, i) => !out.includes(i));
      assert.ok(
        kept.every((k, i) => i === 0 || (kept[i - 1] as number) <= k),
        `${keys}`,
      );
    }
  });
});

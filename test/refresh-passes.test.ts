/** Units of the two-pass refresh: what pass 2 asks, pass 1's batch size, concurrency regrowth. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import pLimit from "p-limit";
import {
  FIRST_SCALAR_BATCH,
  GROWTH,
  MAX_SCALAR_BATCH,
  SLOW_MS,
  TimedBatchSizer,
} from "../src/github/batch-size.js";
import { Concurrency } from "../src/github/concurrency.js";
import type { Scalars } from "../src/github/lookup.js";
import {
  DETAILS_MAX_AGE_DAYS,
  dueForRecheck,
  knownDetails,
  recheckSlot,
} from "../src/refresh/details.js";
import { addDays } from "../src/refresh/history.js";
import { githubBlock } from "./helpers/github-block.js";

const github = githubBlock({
  nameWithOwner: "a/b",
  url: "https://github.com/a/b",
  description: "d",
  stars: 5,
  forks: 1,
  openIssues: 3,
  license: "MIT",
  language: "Go",
  topics: ["x"],
  pushedAt: "2025-01-01T00:00:00Z",
  createdAt: "2024-01-01T00:00:00Z",
  fetchedAt: "2025-01-01T00:00:00.000Z",
  checkedAt: "2025-01-01T00:00:00.000Z",
});

/** A block's pass-1 fields, as GitHub would answer them (without the avatar, which it has none of). */
function scalarsOf(info: Scalars): Scalars {
  return {
    nameWithOwner: info.nameWithOwner,
    url: info.url,
    description: info.description,
    stars: info.stars,
    forks: info.forks,
    license: info.license,
    language: info.language,
    archived: info.archived,
    pushedAt: info.pushedAt,
    createdAt: info.createdAt,
    latestRelease: info.latestRelease,
  };
}

/** A day that is not "a/b"'s re-check day. */
function notDue(key: string): string {
  for (let i = 0; ; i++) {
    const day = addDays("2025-03-01", i);
    if (!dueForRecheck(key, github, day)) return day;
  }
}

describe("pass 2: which repositories need open issues and topics", () => {
  const known = new Map([["a/b", { github, trend: null }]]);

  test("unchanged and not its re-check day: the last-known values are kept", () => {
    const d = knownDetails(known, notDue("a/b"));
    assert.equal(d.has("a/b"), true);
    assert.deepEqual(d.keep("a/b", scalarsOf(github)), { openIssues: 3, topics: ["x"] });
  });

  test("any other field changed (a push, a star, a rename): fetched", () => {
    const d = knownDetails(known, notDue("a/b"));
    for (const change of [
      { pushedAt: "2025-02-01T00:00:00Z" },
      { stars: 6 },
      { nameWithOwner: "c/b" },
      { latestRelease: { tag: "v1", publishedAt: null, url: "https://github.com/a/b/r" } },
    ]) {
      assert.equal(
        d.keep("a/b", { ...scalarsOf(github), ...change }),
        null,
        JSON.stringify(change),
      );
    }
  });

  test("an answer with exactly the last-known values is that block itself, not a copy", () => {
    const d = knownDetails(known, notDue("a/b"));
    assert.equal(d.unchanged("a/b", scalarsOf(github)), github);
    for (const change of [
      { stars: 6 },
      { description: "d2" },
      { latestRelease: { tag: "v1", publishedAt: null, url: "https://github.com/a/b/r" } },
      // Data fetched before avatars were asked has none: a first avatar is new data.
      { avatarUrl: "https://avatars.githubusercontent.com/u/1?v=4" },
    ]) {
      assert.equal(d.unchanged("a/b", { ...scalarsOf(github), ...change }), null);
    }
    const withAvatar = { ...github, avatarUrl: "https://avatars.githubusercontent.com/u/1?v=4" };
    const d2 = knownDetails(new Map([["a/b", { github: withAvatar, trend: null }]]), notDue("a/b"));
    assert.equal(
      d2.unchanged("a/b", { ...scalarsOf(github), avatarUrl: withAvatar.avatarUrl }),
      withAvatar,
    );
    assert.equal(d2.unchanged("a/b", { ...scalarsOf(github), avatarUrl: null }), null);
  });

  test("on its re-check day, or with no usable data, an unchanged answer is not taken as known", () => {
    const day = [0, 1, 2, 3, 4, 5, 6]
      .map((i) => addDays("2025-03-01", i))
      .find((x) => dueForRecheck("a/b", github, x));
    assert.equal(knownDetails(known, day as string).unchanged("a/b", scalarsOf(github)), null);
    const missing = new Map([
      ["a/b", { github: { ...github, status: "missing" as const }, trend: null }],
    ]);
    assert.equal(knownDetails(missing, notDue("a/b")).unchanged("a/b", scalarsOf(github)), null);
  });

  test("no data, or missing before: not known, so asked in full", () => {
    const missing = new Map([
      ["a/b", { github: { ...github, status: "missing" as const }, trend: null }],
    ]);
    assert.equal(knownDetails(missing, "2025-03-01").has("a/b"), false);
    assert.equal(knownDetails(new Map(), "2025-03-01").has("a/b"), false);
  });

  test(`each entry is re-checked once every ${DETAILS_MAX_AGE_DAYS} days, on its own day`, () => {
    const days = Array.from({ length: 28 }, (_, i) => addDays("2025-03-01", i));
    const due = days.filter((day) => dueForRecheck("a/b", github, day));
    assert.equal(due.length, 28 / DETAILS_MAX_AGE_DAYS);
    const d = knownDetails(known, due[0] as string);
    assert.equal(d.keep("a/b", scalarsOf(github)), null);
    // Not twice on the day its data changed.
    const today = { ...github, fetchedAt: `${due[0]}T01:00:00.000Z` };
    assert.equal(dueForRecheck("a/b", today, due[0] as string), false);
    // Spread over the week: 700 repositories fall on every day, none on more than 2x its share.
    const counts = new Array(DETAILS_MAX_AGE_DAYS).fill(0);
    for (let i = 0; i < 700; i++) counts[recheckSlot(`owner-${i}/repo-${i}`)]++;
    assert.ok(
      counts.every((c) => c > 0 && c < 200),
      counts.join(","),
    );
  });
});

describe("pass 1 batch size: large from the start, shrunk only near GitHub's time limit", () => {
  test(`starts at ${FIRST_SCALAR_BATCH}; a slow answer under ${SLOW_MS} ms (a busy client) does not shrink it`, () => {
    const s = new TimedBatchSizer();
    assert.equal(s.size, FIRST_SCALAR_BATCH);
    s.measure(FIRST_SCALAR_BATCH, SLOW_MS - 1, 1); // would fit fewer in 3 s, but is far from 10 s
    assert.equal(s.size, FIRST_SCALAR_BATCH);
    s.measure(FIRST_SCALAR_BATCH, SLOW_MS + 1_000, 1); // near the limit: back to 3 s
    assert.equal(s.size, Math.floor((3_000 * FIRST_SCALAR_BATCH) / (SLOW_MS + 1_000)));
  });

  test(`sized to take the target time, growing at most ${GROWTH}-fold per answer`, () => {
    const s = new TimedBatchSizer(100, 1_000, 3_000);
    s.measure(100, 600, 1); // 6 ms per repository: 500 fit in 3 s
    assert.equal(s.size, 500);
    s.measure(500, 2_600, 1);
    assert.equal(s.size, 576);
    s.measure(576, 6_000, 1); // past half the limit: shrinks at once
    assert.equal(s.size, 288);
    const fast = new TimedBatchSizer(100, 1_000, 3_000);
    fast.measure(100, 100, 1); // 1 ms per repository: 3,000 would fit, but 5x per step
    assert.equal(fast.size, 500);
  });

  test(`never past ${MAX_SCALAR_BATCH}; a failure halves; a charge above 1 point caps it`, () => {
    const s = new TimedBatchSizer(800);
    s.measure(800, 10, 1);
    assert.equal(s.size, MAX_SCALAR_BATCH);
    s.failed();
    assert.equal(s.size, MAX_SCALAR_BATCH / 2);
    const charged = new TimedBatchSizer(100);
    charged.measure(100, 10, 2); // never assume the pricing: 2 points for 100 → 74 cost 1
    assert.equal(charged.size, 74);
  });
});

describe("concurrency after a secondary limit", () => {
  test("halves at each limit, then grows back one step per round of successes", () => {
    const limit = pLimit(8);
    const c = new Concurrency(limit, 8);
    c.backOff();
    c.backOff();
    assert.equal(limit.concurrency, 2);
    assert.equal(c.lowest, 2);
    const steps: number[] = [];
    for (let i = 0; i < 40; i++) {
      c.succeeded();
      steps.push(limit.concurrency);
    }
    // 2 successes → 3, 3 more → 4, … up to 8, never beyond.
    assert.deepEqual(steps.slice(0, 6), [2, 3, 3, 3, 4, 4]);
    assert.equal(steps.at(-1), 8);
    assert.ok(steps.every((n, i) => i === 0 || n - (steps[i - 1] as number) <= 1));
    c.backOff();
    assert.equal(limit.concurrency, 4, "a new limit halves again");
  });
});

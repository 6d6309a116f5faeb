/** The star history: one point per UTC day, 90-day retention, renames, trend rule, stable text. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type History,
  parseHistory,
  pruneHistory,
  RETENTION_DAYS,
  recordStars,
  renameSeries,
  serializeHistory,
  starGain,
  trendOf,
  utcDay,
} from "../src/refresh/history.js";

const day = (iso: string, plus = 0) =>
  utcDay(new Date(Date.parse(`${iso}T12:00:00Z`) + plus * 86_400_000));

/** A history with `stars(i)` recorded on each of `days` consecutive days up to `last`. */
function daily(last: string, days: number, stars: (i: number) => number, key = "a/b"): History {
  const h: History = new Map();
  for (let i = 0; i < days; i++) recordStars(h, key, day(last, i - days + 1), stars(i));
  return h;
}

describe("recording", () => {
  test("one point per UTC day: the last fetch of a day wins", () => {
    const h: History = new Map();
    recordStars(h, "a/b", utcDay(new Date("2025-11-20T00:30:00Z")), 10);
    recordStars(h, "a/b", utcDay(new Date("2025-11-20T23:59:59Z")), 12);
    recordStars(h, "a/b", utcDay(new Date("2025-11-21T00:00:01Z")), 13);
    assert.deepEqual(h.get("a/b"), { since: "2025-11-20", stars: [12, 13] });
  });

  test("days without a fetch are null; an earlier day extends the series backwards", () => {
    const h: History = new Map();
    recordStars(h, "a/b", "2025-11-20", 10);
    recordStars(h, "a/b", "2025-11-23", 14);
    recordStars(h, "a/b", "2025-11-18", 9);
    assert.deepEqual(h.get("a/b"), { since: "2025-11-18", stars: [9, null, 10, null, null, 14] });
  });

  test("a rename moves the points; points already under the new name win", () => {
    const h: History = new Map();
    recordStars(h, "old/x", "2025-11-19", 5);
    recordStars(h, "old/x", "2025-11-20", 6);
    recordStars(h, "new/x", "2025-11-20", 7);
    renameSeries(h, "old/x", "new/x");
    assert.equal(h.has("old/x"), false);
    assert.deepEqual(h.get("new/x"), { since: "2025-11-19", stars: [5, 7] });
  });
});

describe("retention", () => {
  test(`points older than ${RETENTION_DAYS} days go, and so do repos not kept`, () => {
    const h = daily("2025-11-30", 120, (i) => i);
    recordStars(h, "gone/repo", "2025-11-30", 1);
    pruneHistory(h, "2025-11-30", new Set(["a/b"]));
    const s = h.get("a/b");
    assert.equal(s?.since, day("2025-11-30", -RETENTION_DAYS));
    assert.equal(s?.stars.length, RETENTION_DAYS + 1);
    assert.equal(s?.stars.at(-1), 119);
    assert.equal(h.has("gone/repo"), false);
  });

  test("a series with nothing left inside the window is dropped", () => {
    const h: History = new Map();
    recordStars(h, "a/b", "2025-01-01", 3);
    pruneHistory(h, "2025-11-30", new Set(["a/b"]));
    assert.equal(h.size, 0);
  });
});

describe("trend rule", () => {
  test("gain over 7 and 30 days from the latest point", () => {
    const h = daily("2025-11-30", 40, (i) => 1000 + i * 10);
    assert.deepEqual(trendOf(h, "a/b"), { stars7d: 70, stars30d: 300 });
  });

  test("null until the history reaches back far enough", () => {
    assert.deepEqual(
      trendOf(
        daily("2025-11-30", 7, (i) => i),
        "a/b",
      ),
      { stars7d: null, stars30d: null },
    );
    assert.deepEqual(
      trendOf(
        daily("2025-11-30", 8, (i) => i),
        "a/b",
      ),
      { stars7d: 7, stars30d: null },
    );
    assert.deepEqual(trendOf(new Map(), "a/b"), { stars7d: null, stars30d: null });
  });

  test("a missed day N days back: the nearest earlier point within N/4 days", () => {
    const h: History = new Map();
    recordStars(h, "a/b", "2025-11-22", 100); // 8 days before the latest: within grace (1 day)
    recordStars(h, "a/b", "2025-11-30", 150);
    assert.equal(starGain(h.get("a/b"), 7), 50);
    const far: History = new Map();
    recordStars(far, "a/b", "2025-11-21", 100); // 9 days before: too old for a 7-day trend
    recordStars(far, "a/b", "2025-11-30", 150);
    assert.equal(starGain(far.get("a/b"), 7), null);
  });

  test("losing stars is a negative gain", () => {
    assert.equal(starGain(daily("2025-11-30", 8, (i) => 100 - i).get("a/b"), 7), -7);
  });
});

describe("file", () => {
  test("serialises deterministically (sorted keys, one repo per line) and reads back", () => {
    const a: History = new Map();
    recordStars(a, "z/z", "2025-11-20", 1);
    recordStars(a, "a/a", "2025-11-21", 2);
    const b: History = new Map([...a].reverse());
    const text = serializeHistory(a);
    assert.equal(serializeHistory(b), text);
    assert.match(text, /\n {4}"a\/a": \{"since":"2025-11-21","stars":\[2\]\},\n {4}"z\/z"/);
    assert.deepEqual(parseHistory(text, "history.json"), a);
    assert.equal(
      serializeHistory(parseHistory(serializeHistory(new Map()), "h")),
      serializeHistory(new Map()),
    );
  });

  test("a damaged file is reported with how to recover", () => {
    assert.throws(
      () => parseHistory("{", "data/history.json"),
      /data\/history.json:1:1 is not valid JSON.*git checkout/,
    );
    assert.throws(
      () =>
        parseHistory('{"repos":{"a/b":{"since":"yesterday","stars":[1]}}}', "data/history.json"),
      /series of "a\/b" is invalid/,
    );
  });
});

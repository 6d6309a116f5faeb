/** The star history: a point when the count changes, 90-day retention, renames, trend rule, stable text. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  addDays,
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

/** A history with `stars(i)` recorded on each of `days` consecutive days up to `last`. */
function daily(last: string, days: number, stars: (i: number) => number, key = "a/b"): History {
  const h: History = new Map();
  for (let i = 0; i < days; i++) recordStars(h, key, addDays(last, i - days + 1), stars(i));
  return h;
}

describe("recording", () => {
  test("one point per UTC day: the last fetch of a day wins", () => {
    const h: History = new Map();
    recordStars(h, "a/b", utcDay(new Date("2025-11-20T00:30:00Z")), 10);
    recordStars(h, "a/b", utcDay(new Date("2025-11-20T23:59:59Z")), 12);
    recordStars(h, "a/b", utcDay(new Date("2025-11-21T00:00:01Z")), 13);
    assert.deepEqual(h.get("a/b"), [
      ["2025-11-20", 12],
      ["2025-11-21", 13],
    ]);
  });

  test("an unchanged count adds no point; an earlier day goes in order", () => {
    const h: History = new Map();
    recordStars(h, "a/b", "2025-11-20", 10);
    recordStars(h, "a/b", "2025-11-21", 10);
    recordStars(h, "a/b", "2025-11-22", 10);
    recordStars(h, "a/b", "2025-11-23", 14);
    recordStars(h, "a/b", "2025-11-18", 9);
    assert.deepEqual(h.get("a/b"), [
      ["2025-11-18", 9],
      ["2025-11-20", 10],
      ["2025-11-23", 14],
    ]);
  });

  test("a rename moves the points; points already under the new name win", () => {
    const h: History = new Map();
    recordStars(h, "old/x", "2025-11-19", 5);
    recordStars(h, "old/x", "2025-11-20", 6);
    recordStars(h, "new/x", "2025-11-20", 7);
    renameSeries(h, "old/x", "new/x");
    assert.equal(h.has("old/x"), false);
    assert.deepEqual(h.get("new/x"), [
      ["2025-11-19", 5],
      ["2025-11-20", 7],
    ]);
  });
});

describe("retention", () => {
  test(`points older than ${RETENTION_DAYS} days go, but the one in force then stays`, () => {
    const h = daily("2025-11-30", 120, (i) => i);
    recordStars(h, "gone/repo", "2025-11-30", 1);
    pruneHistory(h, "2025-11-30", new Set(["a/b"]));
    const s = h.get("a/b") ?? [];
    assert.deepEqual(s[0], [addDays("2025-11-30", -RETENTION_DAYS), 120 - RETENTION_DAYS - 1]);
    assert.equal(s.length, RETENTION_DAYS + 1);
    assert.deepEqual(s.at(-1), ["2025-11-30", 119]);
    assert.equal(h.has("gone/repo"), false);
  });

  test("a count unchanged for longer than the retention keeps its one point", () => {
    const h: History = new Map();
    recordStars(h, "a/b", "2025-01-01", 3);
    pruneHistory(h, "2025-11-30", new Set(["a/b"]));
    assert.deepEqual(h.get("a/b"), [["2025-01-01", 3]]);
    assert.deepEqual(trendOf(h, "a/b", "2025-11-30"), { stars7d: 0, stars30d: 0 });
  });
});

describe("trend rule", () => {
  test("gain over 7 and 30 days before today", () => {
    const h = daily("2025-11-30", 40, (i) => 1000 + i * 10);
    assert.deepEqual(trendOf(h, "a/b", "2025-11-30"), { stars7d: 70, stars30d: 300 });
  });

  test("a count holds until the next point: days without change count as unchanged", () => {
    const h: History = new Map();
    recordStars(h, "a/b", "2025-11-01", 100);
    recordStars(h, "a/b", "2025-11-20", 150);
    assert.deepEqual(trendOf(h, "a/b", "2025-12-01"), { stars7d: 0, stars30d: 50 });
    assert.deepEqual(trendOf(h, "a/b", "2025-11-25"), { stars7d: 50, stars30d: null });
  });

  test("null until the history reaches back far enough", () => {
    assert.deepEqual(
      trendOf(
        daily("2025-11-30", 7, (i) => i),
        "a/b",
        "2025-11-30",
      ),
      { stars7d: null, stars30d: null },
    );
    assert.deepEqual(
      trendOf(
        daily("2025-11-30", 8, (i) => i),
        "a/b",
        "2025-11-30",
      ),
      { stars7d: 7, stars30d: null },
    );
    assert.deepEqual(trendOf(new Map(), "a/b", "2025-11-30"), { stars7d: null, stars30d: null });
  });

  test("losing stars is a negative gain", () => {
    const h = daily("2025-11-30", 8, (i) => 100 - i);
    assert.equal(starGain(h.get("a/b"), 7, "2025-11-30"), -7);
  });
});

describe("file", () => {
  test("serialises deterministically (sorted keys, one repo per line) and reads back", () => {
    const a: History = new Map();
    recordStars(a, "z/z", "2025-11-20", 1);
    recordStars(a, "a/a", "2025-11-21", 2);
    recordStars(a, "a/a", "2025-11-22", 3);
    const b: History = new Map([...a].reverse());
    const text = serializeHistory(a);
    assert.equal(serializeHistory(b), text);
    assert.match(text, /\n {4}"a\/a": \[\["2025-11-21",2\],\["2025-11-22",3\]\],\n {4}"z\/z"/);
    assert.deepEqual(parseHistory(text, "history.json"), a);
    assert.equal(
      serializeHistory(parseHistory(serializeHistory(new Map()), "h")),
      serializeHistory(new Map()),
    );
  });

  test("reads the earlier daily form and keeps only the changes", () => {
    const old = '{"repos":{"a/b":{"since":"2025-11-20","stars":[5,5,null,6,6]}}}';
    assert.deepEqual(parseHistory(old, "h").get("a/b"), [
      ["2025-11-20", 5],
      ["2025-11-23", 6],
    ]);
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
    assert.throws(
      () => parseHistory('{"repos":{"a/b":[["2025-11-20",-1]]}}', "data/history.json"),
      /series of "a\/b" is invalid/,
    );
  });
});

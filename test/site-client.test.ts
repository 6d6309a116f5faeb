/** The page's pure logic (src/core/format.ts and src/site/client/state.ts), in Node. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatCompactCount, formatDay, formatGain, safeHttps } from "../src/core/format.js";
import type { SiteProject } from "../src/site/client/data.js";
import {
  buildIndex,
  DEFAULT_STATE,
  normalizeState,
  parseState,
  selectProjects,
  serializeState,
} from "../src/site/client/state.js";

describe("format", () => {
  test("formatCompactCount is exact below 1,000, else rounded down", () => {
    const cases: Array<[number, string]> = [
      [0, "0"],
      [999, "999"],
      [1000, "1k"],
      [1250, "1.2k"],
      [1299, "1.2k"],
      [12_700, "12.7k"],
      [115_000, "115k"],
      [999_999, "999.9k"],
      [1_000_000, "1M"],
      [2_345_678, "2.3M"],
      [-1500, "-1.5k"],
    ];
    for (const [n, text] of cases) assert.equal(formatCompactCount(n), text, `${n}`);
    assert.equal(formatGain(12), "+12");
    assert.equal(formatGain(-3), "-3");
    assert.equal(formatGain(0), "0");
  });

  test("formatDay keeps only ISO dates", () => {
    assert.equal(formatDay("2026-11-20T03:00:00Z"), "2026-11-20");
    assert.equal(formatDay("<script>"), null);
    assert.equal(formatDay(null), null);
  });

  test("safeHttps lets only absolute https URLs without credentials through", () => {
    assert.equal(safeHttps("https://rook.io"), "https://rook.io/");
    for (const bad of [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,x",
      "http://x.example/",
      "https://u:p@x.example/",
      "//x.example/",
      "/relative",
      "",
      null,
      undefined,
    ]) {
      assert.equal(safeHttps(bad), null, String(bad));
    }
  });
});

function project(name: string, extra: Partial<SiteProject> = {}): SiteProject {
  return {
    name,
    category: "c",
    categories: ["c"],
    tags: [],
    topics: [],
    description: null,
    homepage: null,
    repoUrl: null,
    repo: null,
    stars: null,
    stars7d: null,
    stars30d: null,
    license: null,
    language: null,
    pushedAt: null,
    release: null,
    archived: false,
    status: null,
    movedTo: null,
    ...extra,
  };
}

describe("view state", () => {
  test("round-trips through the hash, canonical and minimal", () => {
    const state = { q: "a b&c", category: "storage", tag: "k8s", sort: "name" as const };
    assert.equal(serializeState(state), "#q=a+b%26c&category=storage&tag=k8s&sort=name");
    assert.deepEqual(parseState(serializeState(state)), state);
    assert.equal(serializeState(DEFAULT_STATE), "");
    assert.deepEqual(parseState(""), DEFAULT_STATE);
    assert.deepEqual(parseState("#sort=evil&x=1"), DEFAULT_STATE);
  });

  test("normalizeState forgets unknown categories and tags", () => {
    const state = normalizeState(
      parseState("#category=gone&tag=k8s"),
      new Set(["storage"]),
      new Set(["k8s"]),
    );
    assert.deepEqual(state, { ...DEFAULT_STATE, tag: "k8s" });
  });

  test("search needs every word, in name, description, tags or topics, any case", () => {
    const index = buildIndex([
      project("Rook", { description: "Storage for Kubernetes", stars: 2 }),
      project("Vitess", { topics: ["MySQL"], stars: 3 }),
      project("Longhorn", { tags: ["storage"], stars: 1 }),
    ]);
    const names = (q: string) =>
      selectProjects(index, { ...DEFAULT_STATE, q }).map((e) => e.project.name);
    assert.deepEqual(names("storage"), ["Rook", "Longhorn"]);
    assert.deepEqual(names("  STORAGE   kubernetes "), ["Rook"]);
    assert.deepEqual(names("mysql"), ["Vitess"]);
    assert.deepEqual(names(""), ["Vitess", "Rook", "Longhorn"]);
  });

  test("sorts descending with unknown values last, ties by name then position", () => {
    const index = buildIndex([
      project("b", { stars7d: 5, pushedAt: "2026-01-01T00:00:00Z" }),
      project("a", { stars7d: null, pushedAt: "not a date" }),
      project("C", { stars7d: 5, pushedAt: "2026-02-01T00:00:00Z" }),
      project("a", { stars7d: 9 }),
    ]);
    const order = (sort: typeof DEFAULT_STATE.sort) =>
      selectProjects(index, { ...DEFAULT_STATE, sort }).map((e) => e.order);
    assert.deepEqual(order("trend7"), [3, 0, 2, 1]);
    assert.deepEqual(order("name"), [1, 3, 0, 2]);
    assert.deepEqual(order("pushed"), [2, 0, 1, 3]);
    assert.deepEqual(order("stars"), [1, 3, 0, 2]);
  });
});

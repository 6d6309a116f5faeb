/**
 * Issue #11's page logic in Node: the star history as the page embeds it,
 * slugs, avatar URLs, the step path and its label, maintenance and freshness
 * marks, and the activity filter (the stats' numbers: site-stats.test.ts).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { safeAvatar } from "../src/core/format.js";
import { toSiteData } from "../src/site/build/data.js";
import { encodeSeries } from "../src/site/build/history.js";
import { renderSite } from "../src/site/build/index.js";
import { curatorNote, projectBadges } from "../src/site/client/badges.js";
import { oldData } from "../src/site/client/freshness.js";
import { buildIndex, selectProjects } from "../src/site/client/select.js";
import { decodeHistory, sparkLabel, stepPath, windowDays } from "../src/site/client/star-path.js";
import { DEFAULT_STATE } from "../src/site/client/state.js";
import { uniqueSlugs } from "../src/site/client/wire.js";
import {
  AVATAR_BROKEN,
  AVATAR_OK,
  signalsDirectory,
  signalsHistory,
} from "./fixtures/site/signals.js";
import { siteProject } from "./helpers/site-project.js";

const WINDOW = { start: "2026-08-22", end: "2026-11-20" };
const NOW = Date.parse("2026-11-21T12:00:00Z");

describe("star history on the page", () => {
  test("keeps the window's points, the one in force at its start on day 0, delta-coded", () => {
    const coded = encodeSeries(
      [
        ["2026-07-01", 1000],
        ["2026-08-01", 1050],
        ["2026-09-10", 1100],
        ["2026-11-19", 1234],
        ["2026-11-25", 9999], // after the window's end: not shown
      ],
      WINDOW,
    );
    assert.deepEqual(coded, [0, 1050, 19, 50, 70, 134]);
    assert.deepEqual(decodeHistory(coded), [
      [0, 1050],
      [19, 1100],
      [89, 1234],
    ]);
  });

  test("skips bad days and counts, and repeats of the same count", () => {
    const series = [
      ["not a day", 5],
      ["2026-13-45", 6],
      ["2026-10-01", -1],
      ["2026-10-02", 1.5],
      ["2026-10-03", 7],
      ["2026-10-04", 7],
    ] as Array<[string, number]>;
    assert.deepEqual(decodeHistory(encodeSeries(series, WINDOW)), [[42, 7]]);
    assert.equal(encodeSeries([], WINDOW), null);
    assert.equal(encodeSeries(undefined, WINDOW), null);
  });

  test("toSiteData: the window ends on the refresh day; projects find their series by current name", () => {
    const data = toSiteData(signalsDirectory(), signalsHistory());
    assert.equal(data.historyStart, "2026-08-22");
    assert.equal(data.historyEnd, "2026-11-20");
    assert.equal(windowDays(data), 90);
    const beacon = data.projects.find((p) => p.name === "Beacon");
    assert.deepEqual(decodeHistory(beacon?.history ?? null), [
      [0, 1000],
      [19, 1100],
      [60, 1200],
      [89, 1234],
    ]);
    assert.equal(data.projects.find((p) => p.name === "Drift")?.history, null);
    // Without history: no window, no series, and the page still renders.
    const bare = toSiteData(signalsDirectory());
    assert.equal(bare.historyStart, null);
    assert.ok(bare.projects.every((p) => p.history === null));
  });

  test("the step path holds each count until the next point, to the window's end", () => {
    const box = { width: 100, height: 20, pad: 0 };
    const points: Array<[number, number]> = [
      [0, 10],
      [50, 20],
    ];
    assert.equal(stepPath(points, 100, box), "M0 20H50V0H100");
    assert.equal(stepPath([[25, 5]], 100, box), "M25 10H100");
    assert.equal(stepPath([], 100, box), "");
    assert.equal(
      sparkLabel(
        [
          [0, 1200],
          [80, 1234],
        ],
        90,
      ),
      "Stars over 90 days: 1,200 → 1,234",
    );
  });
});

describe("slugs and avatars", () => {
  test("slugs are the lower-cased name, dashed, unique in the page", () => {
    assert.deepEqual(
      uniqueSlugs(["CRI-O", "Cloud Provider Interface", "C", "C++", "c-2", "é!", "<>"]),
      ["cri-o", "cloud-provider-interface", "c", "c-2", "c-2-2", "é", "project"],
    );
  });

  test("only https avatars on GitHub's avatar host, sized", () => {
    assert.equal(
      safeAvatar(AVATAR_OK, 80),
      "https://avatars.githubusercontent.com/u/1001?v=4&s=80",
    );
    for (const bad of [
      "javascript:alert(1)",
      "http://avatars.githubusercontent.com/u/1",
      "https://avatars.githubusercontent.com.evil.example/u/1",
      "https://evil.example/avatars.githubusercontent.com/u/1",
      "https://user:pass@avatars.githubusercontent.com/u/1",
      "https://avatars.githubusercontent.com:8443/u/1",
      "//avatars.githubusercontent.com/u/1",
      "data:image/svg+xml,<svg onload=alert(1)>",
      null,
    ]) {
      assert.equal(safeAvatar(bad), null, String(bad));
    }
  });

  test("the CSP allows images from GitHub's avatar host only (and data: for the empty icon)", () => {
    const html = renderSite(signalsDirectory()).get("index.html") ?? "";
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    assert.match(csp, /; img-src https:\/\/avatars\.githubusercontent\.com data:;/);
    const data = toSiteData(signalsDirectory());
    assert.deepEqual(
      data.projects.map((p) => p.avatar),
      [AVATAR_OK, AVATAR_BROKEN, null, null, null, null, null, null, null, null],
    );
  });
});

describe("maintenance and freshness marks", () => {
  const data = toSiteData(signalsDirectory());
  const named = (name: string) => {
    const p = data.projects.find((x) => x.name === name);
    assert.ok(p, name);
    return p;
  };
  const kinds = (name: string, now = NOW) =>
    projectBadges(named(name), data.refreshedAt, now).map((b) => b.label);

  test("inactive, archived (also from an older file), a curator's mark, and nothing when active", () => {
    assert.deepEqual(kinds("Sleepy"), ["inactive"]);
    assert.deepEqual(kinds("Retired"), ["archived"]);
    assert.deepEqual(kinds("Fossil"), ["archived"]);
    assert.deepEqual(kinds("Legacy"), ["deprecated"]);
    assert.deepEqual(kinds("Beacon"), []);
    assert.deepEqual(kinds("Gone"), ["missing"]);
  });

  test("a curator's note replaces the mark", () => {
    assert.equal(curatorNote(named("Finished")), "Stable; no changes needed.");
    assert.deepEqual(kinds("Finished"), []);
    assert.equal(curatorNote(named("Legacy")), null);
    assert.equal(curatorNote(named("Sleepy")), null);
  });

  test("data more than 7 days old says so: a stale entry from confirmedAt, others from the refresh", () => {
    assert.deepEqual(kinds("Lagging"), ["stale", "data 16 days old"]);
    assert.deepEqual(oldData(named("Lagging"), data.refreshedAt, NOW), {
      days: 16,
      at: "2026-11-05T03:00:00Z",
    });
    const eightDaysOn = Date.parse("2026-11-28T04:00:00Z");
    assert.deepEqual(kinds("Beacon", eightDaysOn), ["data 8 days old"]);
    assert.deepEqual(kinds("Beacon", Date.parse("2026-11-27T04:00:00Z")), []); // exactly 7: not yet
    const stale = siteProject("S", { status: "stale", fetchedAt: "2026-11-01T00:00:00Z" });
    assert.equal(oldData(stale, "2026-11-20T00:00:00Z", NOW)?.days, 20); // no confirmedAt: fetchedAt
  });

  test("the activity filter: active, inactive, archived, curator-marked", () => {
    const index = buildIndex(data.projects);
    const names = (activity: typeof DEFAULT_STATE.activity) =>
      selectProjects(index, { ...DEFAULT_STATE, activity, sort: "name" }).map(
        (e) => e.project.name,
      );
    assert.deepEqual(names("active"), ["Beacon", "Cinder Block", "Drift", "Finished", "Lagging"]);
    assert.deepEqual(names("inactive"), ["Sleepy"]);
    assert.deepEqual(names("archived"), ["Fossil", "Retired"]);
    assert.deepEqual(names("curator"), ["Finished", "Legacy"]);
    assert.equal(names("").length, 10);
  });
});

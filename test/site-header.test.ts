/**
 * The page's summary line: counts in the right number, honest about stale
 * GitHub data, how many entries are stale or missing, and how old the data is.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { plural } from "../src/core/format.js";
import type { GithubStatus } from "../src/core/model.js";
import type { SiteData } from "../src/site/client/data.js";
import { summaryText } from "../src/site/client/header.js";
import { siteData, siteProject } from "./helpers/site-project.js";

const project = (name: string, status: GithubStatus | null) => siteProject(name, { status });

const data = (
  statuses: Array<GithubStatus | null>,
  refreshedAt: string | null,
  fetchedAt: string | null,
): SiteData =>
  siteData(
    statuses.map((s, i) => project(`p${i}`, s)),
    { refreshedAt, fetchedAt },
  );

/** The day after the last refresh of these tests: nothing is old yet. */
const NOW = Date.parse("2026-11-23T00:00:00Z");

test("plural: one, many, and thousands", () => {
  assert.equal(plural(1, "repository", "repositories"), "1 repository");
  assert.equal(plural(0, "error"), "0 errors");
  assert.equal(plural(1200, "project"), "1,200 projects");
});

test("a refresh that reached GitHub: its date", () => {
  const text = summaryText(
    data(["ok", "stale", "missing"], "2026-11-20T03:23:00Z", "2026-11-20T03:23:05Z"),
    1,
    NOW,
  );
  assert.equal(
    text,
    "3 projects in 1 category · GitHub data from 2026-11-20 · 1 stale, 1 missing.",
  );
  assert.equal(
    summaryText(data(["ok", "moved"], "2026-11-20T03:23:00Z", null), 1, NOW),
    "2 projects in 1 category · GitHub data from 2026-11-20.",
  );
});

test("a refresh more than a week old says how old", () => {
  const later = Date.parse("2026-12-02T12:00:00Z");
  assert.equal(
    summaryText(data(["ok"], "2026-11-20T03:23:00Z", null), 1, later),
    "1 project in 1 category · GitHub data from 2026-11-20, 12 days ago.",
  );
});

test("every entry stale: the date GitHub last answered, and why", () => {
  const text = summaryText(
    data(["stale", "stale"], "2026-11-22T03:23:00Z", "2026-11-19T03:23:05Z"),
    2,
    NOW,
  );
  assert.equal(
    text,
    "2 projects in 2 categories · GitHub data from 2026-11-19 (the refresh of 2026-11-22 could not reach GitHub) · 2 stale.",
  );
});

test("never refreshed, or refreshed without any answer", () => {
  assert.equal(summaryText(data([null], null, null), 1, NOW), "1 project in 1 category.");
  assert.equal(
    summaryText(data(["stale"], "2026-11-22T03:23:00Z", null), 1, NOW),
    "1 project in 1 category · no GitHub data yet (the refresh of 2026-11-22 could not reach GitHub) · 1 stale.",
  );
});

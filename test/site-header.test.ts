/** The page's summary line: counts in the right number, and honest about stale GitHub data. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { plural } from "../src/core/format.js";
import type { GithubStatus } from "../src/core/model.js";
import type { SiteData, SiteProject } from "../src/site/client/data.js";
import { summaryText } from "../src/site/client/header.js";

function project(name: string, status: GithubStatus | null): SiteProject {
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
    status,
    movedTo: null,
  };
}

const data = (
  statuses: Array<GithubStatus | null>,
  refreshedAt: string | null,
  fetchedAt: string | null,
): SiteData => ({
  refreshedAt,
  fetchedAt,
  categories: [],
  projects: statuses.map((s, i) => project(`p${i}`, s)),
});

test("plural: one, many, and thousands", () => {
  assert.equal(plural(1, "repository", "repositories"), "1 repository");
  assert.equal(plural(0, "error"), "0 errors");
  assert.equal(plural(1200, "project"), "1,200 projects");
});

test("a refresh that reached GitHub: its date", () => {
  const text = summaryText(
    data(["ok", "stale", "missing"], "2026-11-20T03:23:00Z", "2026-11-20T03:23:05Z"),
    1,
  );
  assert.equal(text, "3 projects in 1 category · GitHub data from 2026-11-20.");
});

test("every entry stale: the date GitHub last answered, and why", () => {
  const text = summaryText(
    data(["stale", "stale"], "2026-11-22T03:23:00Z", "2026-11-19T03:23:05Z"),
    2,
  );
  assert.equal(
    text,
    "2 projects in 2 categories · GitHub data from 2026-11-19 (the refresh of 2026-11-22 could not reach GitHub).",
  );
});

test("never refreshed, or refreshed without any answer", () => {
  assert.equal(summaryText(data([null], null, null), 1), "1 project in 1 category.");
  assert.equal(
    summaryText(data(["stale"], "2026-11-22T03:23:00Z", null), 1),
    "1 project in 1 category · no GitHub data yet (the refresh of 2026-11-22 could not reach GitHub).",
  );
});

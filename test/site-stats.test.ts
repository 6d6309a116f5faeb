/** The numbers behind the stats view (site/client/stats-data.ts). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { toSiteData } from "../src/site/build/data.js";
import {
  creationYears,
  maintenanceRows,
  percent,
  starBuckets,
  topRows,
} from "../src/site/client/stats-data.js";
import { signalsDirectory } from "./fixtures/site/signals.js";
import { siteProject } from "./helpers/site-project.js";

describe("stats", () => {
  const projects = toSiteData(signalsDirectory()).projects;

  test("star buckets, maintenance shares and creation years", () => {
    assert.deepEqual(starBuckets(projects), [
      ["< 100", 2],
      ["100–999", 3],
      ["1k–5k", 3],
      ["5k–10k", 1],
      ["10k–50k", 0],
      ["≥ 50k", 0],
    ]);
    assert.deepEqual(maintenanceRows(projects), [
      ["Archived", 2],
      ["Inactive", 1],
      ["Deprecated", 1],
      ["Marked by a curator", 2],
    ]);
    assert.deepEqual(creationYears(projects), [
      ["2015", 1],
      ["2016", 0],
      ["2017", 0],
      ["2018", 0],
      ["2019", 8],
    ]);
    const far = [
      siteProject("a", { createdAt: "0001-01-01T00:00:00Z" }),
      siteProject("b", { createdAt: "2020-01-01T00:00:00Z" }),
    ];
    assert.deepEqual(creationYears(far), [
      ["0001", 1],
      ["2020", 1],
    ]);
  });

  test("top rows sum the rest; shares read well", () => {
    const counts = new Map([
      ["Go", 5],
      ["Rust", 3],
      ["C", 3],
      ["Zig", 1],
    ]);
    assert.deepEqual(topRows(counts, 2), [
      ["Go", 5],
      ["C", 3],
      ["2 others", 4],
    ]);
    assert.deepEqual(
      [percent(0, 10), percent(1, 3), percent(1, 30), percent(1, 5000), percent(1, 0)],
      ["0%", "33%", "3.3%", "<0.1%", "0%"],
    );
  });
});

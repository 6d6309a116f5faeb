/**
 * Maintenance marks in directory.json and DIRECTORY.md: computed from the
 * GitHub data and the directory's refreshedAt (archived; inactive when the last
 * push is in a month more than inactiveAfterMonths before the refresh's month;
 * active), or set by a curator in projects.yaml (its note shown instead of the
 * mark, escaped); offline and deterministic. Never reads data/.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import type { Directory, GithubInfo, Maintenance, Project } from "../src/core/model.js";
import { validateAgainst } from "../src/core/schema.js";
import { inactiveSince, maintenanceOf } from "../src/generate/maintenance.js";
import { projectLine, renderMarkdown } from "../src/generate/markdown.js";
import { CATEGORIES, removeTemp, runCli, tempData } from "./helpers/catalog.js";
import { computed, github, known, PROJECTS, project, REFRESHED } from "./helpers/maintenance.js";

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));

const mark = (gh: GithubInfo | null, refreshedAt: string | null = REFRESHED, months = 12) =>
  maintenanceOf({}, gh, refreshedAt, months);

describe("the computed mark", () => {
  test("the boundary: a push in the month exactly N months before the refresh's month is active", () => {
    assert.equal(new Date(inactiveSince(REFRESHED, 12)).toISOString(), "2025-11-01T00:00:00.000Z");
    assert.deepEqual(mark(github({ pushedAt: "2025-11-01T00:00:00Z" })), computed("active"));
    assert.deepEqual(mark(github({ pushedAt: "2025-10-31T23:59:59.999Z" })), computed("inactive"));
    // The first refresh of the next month moves the line by a month, never a night in between.
    const pushed = github({ pushedAt: "2025-11-30T12:00:00Z" });
    assert.deepEqual(mark(pushed, "2026-11-30T23:59:59.999Z"), computed("active"));
    assert.deepEqual(mark(pushed, "2026-12-01T00:00:00.000Z"), computed("inactive"));
    // Other lengths; across a year boundary; a configured value of 1.
    assert.deepEqual(
      mark(github({ pushedAt: "2024-11-15T00:00:00Z" }), REFRESHED, 24),
      computed("active"),
    );
    assert.deepEqual(
      mark(github({ pushedAt: "2024-10-15T00:00:00Z" }), REFRESHED, 24),
      computed("inactive"),
    );
    assert.equal(
      new Date(inactiveSince("2026-01-15T00:00:00Z", 1)).toISOString(),
      "2025-12-01T00:00:00.000Z",
    );
  });

  test("archived wins over the push date; nothing known gives null", () => {
    assert.deepEqual(mark(github({ archived: true })), computed("archived"));
    assert.deepEqual(
      mark(github({ archived: true, pushedAt: "2010-01-01T00:00:00Z" })),
      computed("archived"),
    );
    assert.equal(mark(null), null);
    assert.equal(mark(github({ pushedAt: null })), null);
    const missing = { ...github(), nameWithOwner: null, fetchedAt: null, status: "missing" };
    assert.equal(mark(missing as unknown as GithubInfo), null);
  });

  test("measured from refreshedAt, never the clock; a directory never refreshed uses checkedAt", () => {
    const old = github({ pushedAt: "2020-01-01T00:00:00Z", checkedAt: "2020-06-01T00:00:00.000Z" });
    assert.deepEqual(mark(old, null), computed("active"));
    assert.deepEqual(mark(old, "2021-06-01T00:00:00.000Z"), computed("inactive"));
  });

  test("the curator's mark wins, with its note (or null)", () => {
    for (const status of ["active", "feature-complete", "deprecated", "inactive"] as const) {
      const p: Pick<Project, "maintenance"> = { maintenance: { status, note: `why ${status}` } };
      assert.deepEqual(maintenanceOf(p, github({ archived: true }), REFRESHED, 12), {
        status,
        note: `why ${status}`,
        source: "curator",
      });
      assert.deepEqual(maintenanceOf({ maintenance: { status } }, null, null, 12), {
        status,
        note: null,
        source: "curator",
      });
    }
  });
});

describe("DIRECTORY.md", () => {
  const curator = (status: Maintenance["status"], note: string | null): Maintenance => ({
    status,
    note,
    source: "curator",
  });

  test("inactive and archived marked; active not; no dates", () => {
    assert.equal(
      projectLine(project(computed("inactive"))),
      "- [x](https://github.com/o/n) ★1.2k *(inactive)*",
    );
    assert.equal(
      projectLine(project(computed("archived"))),
      "- [x](https://github.com/o/n) ★1.2k *(archived)*",
    );
    assert.equal(projectLine(project(computed("active"))), "- [x](https://github.com/o/n) ★1.2k");
    assert.equal(projectLine(project(null, null)), "- [x](https://github.com/o/n)");
    // A directory.json written before marks existed: archived from the GitHub data, as before.
    const legacy = project(undefined, github({ archived: true }));
    assert.equal(projectLine(legacy), "- [x](https://github.com/o/n) ★1.2k *(archived)*");
  });

  test("the curator's note instead of the mark; the status when there is no note", () => {
    const archivedRepo = github({ archived: true });
    assert.equal(
      projectLine(project(curator("feature-complete", "stable; no changes needed"), archivedRepo)),
      "- [x](https://github.com/o/n) ★1.2k *(stable; no changes needed)*",
    );
    assert.equal(
      projectLine(project(curator("deprecated", null))),
      "- [x](https://github.com/o/n) ★1.2k *(deprecated)*",
    );
    assert.equal(
      projectLine(project(curator("feature-complete", null))),
      "- [x](https://github.com/o/n) ★1.2k *(feature-complete)*",
    );
    assert.equal(
      projectLine(project(curator("active", null), archivedRepo)),
      "- [x](https://github.com/o/n) ★1.2k",
    );
    // Moved is still said after the maintenance mark.
    const moved = github({ status: "moved", nameWithOwner: "p/n" });
    assert.equal(
      projectLine(project(computed("inactive"), moved)),
      "- [x](https://github.com/o/n) ★1.2k *(inactive)* *(moved to p/n)*",
    );
  });

  test("a hostile note stays inert: Markdown, HTML, links, controls and bidi", () => {
    const note =
      "*bold* _em_ `code` [link](https://e.x) ![img](https://e.x/i.png) <img src=x onerror=alert(1)> &amp; ~~s~~ )* \u202egnp.exe\u202c \u2066x\u2069 \u0000\u001b[31m\nnew line";
    const line = projectLine(project(curator("deprecated", note)));
    assert.equal(
      line,
      "- [x](https://github.com/o/n) ★1.2k *(\\*bold\\* \\_em\\_ \\`code\\` \\[link\\](https://e.x) !\\[img\\](https://e.x/i.png) \\<img src=x onerror=alert(1)\\> \\&amp; \\~\\~s\\~\\~ )\\* gnp.exe x \\[31m new line)*",
    );
    assert.equal(line.includes("\n"), false);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
    assert.doesNotMatch(line, /[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe("cooltech build", () => {
  test("writes each mark from the last-known data and refreshedAt; byte-identical when run again", async () => {
    const previous: Directory = {
      $schema: "../schemas/directory.schema.json",
      refreshedAt: REFRESHED,
      categories: [],
      projects: [
        known("o/aged", { pushedAt: "2025-10-02T00:00:00Z" }),
        known("o/archived", { archived: true }),
        known("o/done", { pushedAt: "2019-01-01T00:00:00Z" }),
        known("o/fresh", { pushedAt: "2026-11-20T00:00:00Z" }),
      ],
    };
    const dir = await tempData({
      "projects.yaml": PROJECTS,
      "categories.yaml": CATEGORIES,
      "directory.json": JSON.stringify(previous),
    });
    temps.push(dir);
    const run = await runCli(["build", "--data", "."], { cwd: dir });
    assert.equal(run.code, 0, run.stderr + run.stdout);
    const text = await readFile(join(dir, "directory.json"), "utf8");
    const d = JSON.parse(text) as Directory;
    assert.deepEqual(validateAgainst("directory", d), []);
    const marks = Object.fromEntries(d.projects.map((p) => [p.name, p.maintenance]));
    assert.deepEqual(marks, {
      Aged: computed("inactive"),
      Archived: computed("archived"),
      Done: {
        status: "feature-complete",
        note: "stable; no changes needed <b>",
        source: "curator",
      },
      Fresh: computed("active"),
      NoRepo: { status: "deprecated", note: null, source: "curator" },
      Unknown: null,
    });
    // The last key of each entry.
    assert.equal(Object.keys(d.projects[0] ?? {}).at(-1), "maintenance");
    const md = await readFile(join(dir, "DIRECTORY.md"), "utf8");
    assert.match(md, /^- \[Aged\]\(https:\/\/github\.com\/o\/aged\) ★1\.2k \*\(inactive\)\*$/m);
    assert.match(md, /^- \[Archived\]\(.*\) ★1\.2k \*\(archived\)\*$/m);
    assert.match(md, /^- \[Done\]\(.*\) ★1\.2k \*\(stable; no changes needed \\<b\\>\)\*$/m);
    assert.match(md, /^- \[Fresh\]\(.*\) ★1\.2k$/m);
    assert.match(md, /^- \[NoRepo\]\(https:\/\/norepo\.example\/\) \*\(deprecated\)\*$/m);
    assert.doesNotMatch(md.replace(/^Generated from.*$/m, ""), /\d{4}-\d{2}-\d{2}/, "no dates");
    assert.equal(
      renderMarkdown(d)
        .split("\n")
        .filter((l) => l.startsWith("- [")).length,
      6 + 1,
    );

    const again = await runCli(["build", "--data", "."], { cwd: dir });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(await readFile(join(dir, "directory.json"), "utf8"), text);

    // inactiveAfterMonths moves the line: with 13 months Aged is active again.
    await writeFile(join(dir, "cooltech.yaml"), "inactiveAfterMonths: 13\n");
    assert.equal((await runCli(["build", "--data", "."], { cwd: dir })).code, 0);
    const d13 = JSON.parse(await readFile(join(dir, "directory.json"), "utf8")) as Directory;
    assert.deepEqual(d13.projects.find((p) => p.name === "Aged")?.maintenance, computed("active"));
  });
});

/**
 * A real list (best-of-ml-python, ../shared/data-real) with the new fields:
 * imported, three entries given a curator's `maintenance` (written in the
 * wrong place, put right by `fmt`), and last-known GitHub data with avatars
 * and push dates spread over 30 months: `build` writes every mark, the
 * directory matches its schema, and DIRECTORY.md marks what it should.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Directory, GithubInfo } from "../src/core/model.js";
import { validateAgainst } from "../src/core/schema.js";
import { ROOT, removeTemp, runCli, tempDir } from "./helpers/catalog.js";

const REAL = join(ROOT, "../shared/data-real/best-of-ml-python-projects.yaml");
const REFRESHED = "2026-11-21T03:00:00.000Z";

let dir: string;
let data: string;
before(async () => {
  dir = await tempDir();
  data = join(dir, "data");
});
after(() => removeTemp(dir));

/** Push dates on the 15th of a month `i % 30` months before November 2026. */
function pushedMonthsAgo(i: number): number {
  return i % 30;
}
const pushedAt = (i: number) =>
  new Date(Date.UTC(2026, 10 - pushedMonthsAgo(i), 15)).toISOString().replace(".000", "");

test("builds with curated and computed marks, avatars, and a stale entry's confirmedAt", async () => {
  const imported = await runCli(["import", REAL, "--data", data]);
  assert.equal(imported.code, 0, imported.stderr);
  const yamlPath = join(data, "projects.yaml");
  const names = [...(await readFile(yamlPath, "utf8")).matchAll(/^- name: (.+)$/gm)]
    .map((m) => m[1] as string)
    .slice(0, 3);
  let yaml = await readFile(yamlPath, "utf8");
  const notes = ["stable; no changes needed", "use *its* successor <b>", "kept for reference"];
  const statuses = ["feature-complete", "deprecated", "inactive"];
  names.forEach((name, i) => {
    yaml = yaml.replace(
      `- name: ${name}\n`,
      `- name: ${name}\n  maintenance: { status: ${statuses[i]}, note: "${notes[i]}" }\n`,
    );
  });
  await writeFile(yamlPath, yaml);
  assert.equal((await runCli(["fmt", "--data", data])).code, 0);
  assert.equal((await runCli(["fmt", "--check", "--data", data])).code, 0);
  const first = await runCli(["build", "--data", data]);
  assert.equal(first.code, 0, first.stderr + first.stdout);

  // Last-known GitHub data, as a refresh would have left it.
  const dirPath = join(data, "directory.json");
  const d = JSON.parse(await readFile(dirPath, "utf8")) as Directory;
  assert.ok(d.projects.length > 900, `${d.projects.length} projects`);
  const expected = new Map<string, string | null>();
  d.refreshedAt = REFRESHED;
  d.projects.forEach((p, i) => {
    if (p.repo === null) return;
    const archived = i % 17 === 0;
    const stale = i % 23 === 0;
    const github: GithubInfo = {
      nameWithOwner: p.repo,
      url: `https://github.com/${p.repo}`,
      description: null,
      stars: 1000 + i,
      forks: 0,
      openIssues: 0,
      license: null,
      language: "Python",
      topics: [],
      archived,
      pushedAt: pushedAt(i),
      createdAt: null,
      latestRelease: null,
      avatarUrl: `https://avatars.githubusercontent.com/u/${i}?v=4`,
      ...(stale && { confirmedAt: "2026-11-20T03:00:00.000Z" }),
      fetchedAt: "2026-11-01T03:00:00.000Z",
      checkedAt: REFRESHED,
      status: stale ? "stale" : "ok",
    };
    p.github = github;
    const computed = archived ? "archived" : pushedMonthsAgo(i) > 12 ? "inactive" : "active";
    expected.set(p.name, computed);
  });
  await writeFile(dirPath, JSON.stringify(d));
  const second = await runCli(["build", "--data", data]);
  assert.equal(second.code, 0, second.stderr + second.stdout);
  const built = JSON.parse(await readFile(dirPath, "utf8")) as Directory;
  assert.deepEqual(validateAgainst("directory", built), []);
  for (const p of built.projects) {
    const i = names.indexOf(p.name);
    if (i >= 0) {
      assert.deepEqual(p.maintenance, { status: statuses[i], note: notes[i], source: "curator" });
    } else {
      assert.equal(p.maintenance?.status ?? null, expected.get(p.name) ?? null, p.name);
      assert.equal(p.maintenance?.source ?? "computed", "computed");
    }
  }
  const counts = (status: string) =>
    built.projects.filter(
      (p) => p.maintenance?.status === status && p.maintenance.source === "computed",
    ).length;
  assert.ok(counts("inactive") > 100 && counts("active") > 100 && counts("archived") > 10);
  const stale = built.projects.filter((p) => p.github?.status === "stale");
  assert.ok(stale.length > 10);
  assert.ok(
    stale.every((p) => (p.github as GithubInfo).confirmedAt === "2026-11-20T03:00:00.000Z"),
  );

  const md = await readFile(join(data, "DIRECTORY.md"), "utf8");
  const lines = md.split("\n").filter((l) => l.startsWith("- ["));
  const marked = (mark: string) => lines.filter((l) => l.endsWith(` *(${mark})*`)).length;
  // A project in several categories is listed under each: count names, not lines.
  const listed = (status: string) =>
    built.projects
      .filter((p) => p.maintenance?.status === status && p.maintenance.source === "computed")
      .reduce((n, p) => n + (p.categories?.length ?? 1), 0);
  assert.equal(marked("inactive"), listed("inactive"));
  assert.equal(marked("archived"), listed("archived"));
  assert.equal(marked("stable; no changes needed"), 1);
  assert.equal(marked("use \\*its\\* successor \\<b\\>"), 1);
  assert.doesNotMatch(md.replace(/^Generated from.*$/m, ""), /\b20\d\d-\d\d-\d\d/, "no dates");
});

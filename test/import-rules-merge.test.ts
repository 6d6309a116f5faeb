/**
 * `cooltech import` into an existing catalog: matching by repository then by
 * name (comments kept, no duplicates, idempotent), a name another repository
 * uses, a catalog with errors blocking the import, and the caps an imported
 * entry meets (name length, tags, shared homepage, taken name, 10 categories).
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { ImportBlocked, importList, sharedHomepageIsError } from "../src/import/run.js";
import {
  AWESOME,
  CATALOG_CATEGORIES,
  CATALOG_PROJECTS,
  LIMITS_BEST_OF,
} from "./fixtures/import/lists.js";
import { removeTemp, tempData } from "./helpers/catalog.js";
import { notes, run } from "./helpers/import.js";

describe("import: merging into an existing catalog", () => {
  test("matches by normalised repo, then by name; adds only what is missing; keeps comments", async () => {
    const dir = await tempData({ "README.md": AWESOME });
    try {
      await writeFile(join(dir, "categories.yaml"), CATALOG_CATEGORIES);
      await writeFile(
        join(dir, "projects.yaml"),
        CATALOG_PROJECTS.replace("https://github.com/o/alpha", "o/alpha"),
      );
      const result = await importList({ file: join(dir, "README.md"), dataDir: dir, cwd: dir });
      const text = await readFile(join(dir, "projects.yaml"), "utf8");
      assert.match(text, /^# Our projects\n- name: Alpha DB # the curated name stays\n/);
      const projects = parse(text) as Array<Record<string, unknown>>;
      assert.deepEqual(projects[0], {
        name: "Alpha DB",
        repo: "o/alpha",
        homepage: "https://alpha.dev",
        category: ["databases", "drivers"],
        description: "The first one, see.",
      });
      // Beta matched by name and repo: its homepage and description are not overwritten.
      assert.deepEqual(projects[1], {
        name: "Beta",
        repo: "o/beta",
        homepage: "https://beta.example/",
        category: "databases",
        description: "Curated tagline.",
      });
      assert.equal(projects.filter((p) => p.name === "Alpha" || p.name === "Beta").length, 1);
      assert.match(await readFile(join(dir, "categories.yaml"), "utf8"), /^# Our categories\n/);
      assert.equal(result.categoriesAdded, 1);
      const again = await importList({ file: join(dir, "README.md"), dataDir: dir, cwd: dir });
      assert.deepEqual([again.imported, again.merged, again.written.length], [0, 0, 0]);
      assert.equal(await readFile(join(dir, "projects.yaml"), "utf8"), text);
    } finally {
      await removeTemp(dir);
    }
  });

  test("a name another repository uses is qualified; a catalog with errors blocks the import", async () => {
    const clash = `## Tools\n\n- [Beta](https://github.com/other/beta) - Another Beta.\n`;
    const { result, projects } = await run("README.md", clash, {
      "projects.yaml": CATALOG_PROJECTS,
      "categories.yaml": CATALOG_CATEGORIES,
    });
    assert.ok(projects.some((p) => p.name === "Beta (other)" && p.repo === "other/beta"));
    assert.deepEqual(notes(result, "fix"), ["3 name-qualified"]);

    const broken = await tempData({
      "README.md": clash,
      "projects.yaml": "- name: x\n",
      "categories.yaml": CATALOG_CATEGORIES,
    });
    try {
      await assert.rejects(
        importList({ file: join(broken, "README.md"), dataDir: broken, cwd: broken }),
        (e) => e instanceof ImportBlocked && e.diagnostics.some((d) => d.rule === "schema"),
      );
    } finally {
      await removeTemp(broken);
    }
  });
});

describe("import: limits and clashes", () => {
  test("name cut or cleaned, bad homepage left out, tags capped, shared homepage, name taken", async () => {
    const { result, projects } = await run("projects.yaml", LIMITS_BEST_OF, {
      "categories.yaml": "- id: tools\n  name: Tools\n  description: Tools.\n",
      "projects.yaml":
        "- name: Clash\n  repo: x/clash\n  category: tools\n- name: Clash (o)\n  repo: y/clash\n  category: tools\n- name: Clash (o/clash)\n  repo: z/clash\n  category: tools\n",
    });
    const by = (name: string) => projects.find((p) => p.name === name);
    assert.ok(projects.some((p) => String(p.name).length <= 100 && String(p.name).endsWith("…")));
    assert.equal(by("Two lines")?.repo, "o/two");
    assert.deepEqual(by("Ftp"), { name: "Ftp", repo: "o/ftp", category: "tools" });
    assert.equal((by("Tagged")?.tags as string[] | undefined)?.length, 10);
    assert.equal(by("First site")?.homepage, "https://shared.example/");
    // While `validate` rejects a shared homepage, the later entry goes without it (reported).
    const dropped = sharedHomepageIsError();
    assert.equal(by("Second site")?.homepage, dropped ? undefined : "https://Shared.example");
    assert.equal(by("Clash")?.repo, "x/clash");
    assert.deepEqual(notes(result, "fix"), [
      "5 name-cut",
      "8 name-cleaned",
      "11 bad-homepage",
      "15 too-many-tags",
      ...(dropped ? ["23 homepage-shared"] : []),
    ]);
    assert.deepEqual(notes(result, "skip"), ["27 name-taken"]);
    assert.equal(result.skipped, 1);
  });
});

describe("import: at most 10 categories", () => {
  test("an item with 11 landscape paths keeps its first 10 categories", async () => {
    const subs = Array.from({ length: 11 }, (_, i) => `S${i}`);
    const items = (i: number) =>
      i === 0
        ? `          - item:\n            name: Everywhere\n            homepage_url: https://everywhere.example/\n            second_path:\n${subs
            .slice(1)
            .map((s) => `              - "C / ${s}"`)
            .join("\n")}\n`
        : `          - item:\n            name: Only ${i}\n            homepage_url: https://only${i}.example/\n`;
    const text = `landscape:\n  - category:\n    name: C\n    subcategories:\n${subs
      .map((s, i) => `      - subcategory:\n        name: ${s}\n        items:\n${items(i)}`)
      .join("")}`;
    const { result, projects } = await run("landscape.yml", text);
    const everywhere = projects.find((p) => p.name === "Everywhere");
    assert.deepEqual(
      everywhere?.category,
      subs.slice(0, 10).map((s) => s.toLowerCase()),
    );
    assert.deepEqual(notes(result, "fix"), ["8 too-many-categories"]);
  });
});

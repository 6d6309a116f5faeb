/**
 * One project in several categories (`category: [a, b]`), through every stage:
 * validate (schema, unknown/unused/duplicate ids), fmt, add, build
 * (directory.json `category` + `categories`), DIRECTORY.md and the site's filter.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { addProject } from "../src/edit/add.js";
import { formatCatalog } from "../src/edit/format-files.js";
import { buildDirectory } from "../src/generate/build.js";
import { renderMarkdown } from "../src/generate/markdown.js";
import { loadCatalog } from "../src/load/catalog.js";
import { toSiteData } from "../src/site/build/data.js";
import { buildIndex, DEFAULT_STATE, selectProjects } from "../src/site/client/state.js";
import { validateCatalog } from "../src/validate/index.js";
import { at, reduce, removeTemp, tempData } from "./helpers/catalog.js";

const CATEGORIES = `- id: databases
  name: Databases
  description: Storing and querying data.
- id: streaming
  name: Streaming
  description: Moving data as it happens.
- id: storage
  name: Storage
  description: Block, file and object storage.
`;

const PROJECTS = `- name: Flink
  repo: apache/flink
  category: [databases, streaming]
- name: Rook
  repo: rook/rook
  category: storage
`;

async function validate(projects: string, categories = CATEGORIES) {
  const dir = await tempData({ "projects.yaml": projects, "categories.yaml": categories });
  try {
    return validateCatalog(await loadCatalog(dir, dir));
  } finally {
    await removeTemp(dir);
  }
}

describe("several categories", () => {
  test("validate: a list is valid; the secondary id counts as used", async () => {
    const result = await validate(PROJECTS);
    assert.deepEqual(reduce(result.diagnostics), []);
    assert.deepEqual(result.catalog?.projects[0]?.category, ["databases", "streaming"]);
    // Without Flink's list, `streaming` would be unused.
    const alone = await validate(PROJECTS.replace("[databases, streaming]", "databases"));
    assert.deepEqual(reduce(alone.diagnostics), [at("categories.yaml", 4, 7, "unused-category")]);
  });

  test("validate: each unknown id is reported at its list item, with a suggestion", async () => {
    const result = await validate(
      PROJECTS.replace("[databases, streaming]", "[databses, streaming, nope]"),
    );
    assert.deepEqual(reduce(result.diagnostics), [
      at("categories.yaml", 1, 7, "unused-category"),
      at("projects.yaml", 3, 14, "unknown-category"),
      at("projects.yaml", 3, 35, "unknown-category"),
    ]);
    assert.match(result.diagnostics[1]?.message ?? "", /`databses` \(did you mean `databases`\?\)/);
  });

  test("validate: a repeated id, an empty list, a bad id and more than 10 ids", async () => {
    const repeated = await validate(
      PROJECTS.replace("[databases, streaming]", "[databases, streaming, databases]"),
    );
    assert.deepEqual(reduce(repeated.diagnostics), [at("projects.yaml", 3, 36, "schema")]);
    assert.match(repeated.diagnostics[0]?.message ?? "", /lists "databases" twice/);
    const empty = await validate(PROJECTS.replace("[databases, streaming]", "[]"));
    assert.ok(
      empty.diagnostics.some((d) => d.rule === "schema" && /must not be empty/.test(d.message)),
    );
    const bad = await validate(
      PROJECTS.replace("[databases, streaming]", "[databases, Streaming]"),
    );
    // One message for the bad id: the "did you mean" wins over the schema's pattern.
    assert.deepEqual(
      reduce(bad.diagnostics).filter((d) => d.file === "projects.yaml"),
      [at("projects.yaml", 3, 25, "unknown-category")],
    );
    assert.ok(bad.diagnostics.some((d) => /did you mean `streaming`/.test(d.message)));
    const ids = Array.from({ length: 11 }, (_, i) => `c${i}`);
    const many = await validate(PROJECTS.replace("[databases, streaming]", `[${ids.join(", ")}]`));
    assert.ok(many.diagnostics.some((d) => /has 11 items; keep at most 10/.test(d.message)));
  });

  test("sort order follows the primary (first) category", async () => {
    const wrong = `- name: Rook
  repo: rook/rook
  category: storage
- name: Flink
  repo: apache/flink
  category: [databases, streaming]
`;
    const result = await validate(wrong);
    assert.deepEqual(
      reduce(result.diagnostics).map((d) => d.rule),
      ["sort-order"],
    );
  });

  test("fmt: one id as a plain string, several as a flow list", async () => {
    const messy = `- name: Rook
  repo: rook/rook
  category: [storage]
- name: Flink
  repo: apache/flink
  category:
    - databases
    - streaming
`;
    const dir = await tempData({ "projects.yaml": messy, "categories.yaml": CATEGORIES });
    try {
      const outcome = await formatCatalog(dir, false, dir);
      assert.deepEqual(outcome.diagnostics, []);
      assert.equal(await readFile(join(dir, "projects.yaml"), "utf8"), PROJECTS);
      const again = await formatCatalog(dir, true, dir);
      assert.ok(again.files.every((f) => !f.changed));
    } finally {
      await removeTemp(dir);
    }
  });

  test("add --category a,b writes a flow list at the primary category's place", async () => {
    const dir = await tempData({ "projects.yaml": PROJECTS, "categories.yaml": CATEGORIES });
    try {
      const outcome = await addProject(
        dir,
        { repo: "apache/kafka", category: ["streaming", "databases"], name: "Kafka" },
        dir,
      );
      assert.equal(outcome.ok, true);
      const text = await readFile(join(dir, "projects.yaml"), "utf8");
      assert.ok(
        text.endsWith("- name: Kafka\n  repo: apache/kafka\n  category: [streaming, databases]\n"),
        text,
      );
    } finally {
      await removeTemp(dir);
    }
  });

  test("build, DIRECTORY.md and the site: listed under each category, counted once", async () => {
    const dir = await tempData({ "projects.yaml": PROJECTS, "categories.yaml": CATEGORIES });
    try {
      const { directory } = await buildDirectory(dir, dir);
      assert.ok(directory);
      const flink = directory.projects.find((p) => p.name === "Flink");
      assert.equal(flink?.category, "databases");
      assert.deepEqual(flink?.categories, ["databases", "streaming"]);
      assert.deepEqual(directory.projects.find((p) => p.name === "Rook")?.categories, ["storage"]);
      assert.equal(directory.projects.length, 2);
      const json = JSON.parse(await readFile(join(dir, "directory.json"), "utf8"));
      assert.deepEqual(json.projects[0].categories, ["databases", "streaming"]);

      const md = renderMarkdown(directory);
      assert.match(
        md,
        /- \[Databases\]\(#databases\) \(1\)\n- \[Streaming\]\(#streaming\) \(1\)\n- \[Storage\]\(#storage\) \(1\)/,
      );
      assert.match(md, /## Databases\n\nStoring and querying data\.\n\n- \[Flink\]/);
      assert.match(md, /## Streaming\n\nMoving data as it happens\.\n\n- \[Flink\]/);

      const site = toSiteData(directory);
      const index = buildIndex(site.projects);
      const names = (category: string) =>
        selectProjects(index, { ...DEFAULT_STATE, category }).map((e) => e.project.name);
      assert.deepEqual(names("databases"), ["Flink"]);
      assert.deepEqual(names("streaming"), ["Flink"]);
      assert.deepEqual(names("storage"), ["Rook"]);
      assert.deepEqual(names("").sort(), ["Flink", "Rook"]);
    } finally {
      await removeTemp(dir);
    }
  });

  test("a directory.json written before `categories` existed still renders", () => {
    const md = renderMarkdown({
      $schema: "x",
      refreshedAt: null,
      categories: [{ id: "storage", name: "Storage", description: "d" }],
      projects: [
        {
          name: "Rook",
          repo: "rook/rook",
          homepage: null,
          category: "storage",
          tags: [],
          description: null,
          github: null,
          trend: null,
        },
      ],
    });
    assert.match(md, /## Storage\n\nd\n\n- \[Rook\]/);
  });
});

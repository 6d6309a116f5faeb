/**
 * `cooltech import` on small hand-made lists: the mapping rules of each format
 * (landscape, awesome, best-of) with their fix and skip reasons, format
 * detection, and sources it cannot read. Merging into an existing catalog,
 * name clashes and the caps: import-rules-merge.test.ts.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { detectFormat } from "../src/import/detect.js";
import { importList } from "../src/import/run.js";
import { AWESOME, BEST_OF, LANDSCAPE } from "./fixtures/import/lists.js";
import { removeTemp, tempData } from "./helpers/catalog.js";
import { notes, run } from "./helpers/import.js";

describe("import: landscape mapping", () => {
  test("subcategories become categories; repo_url, homepage_url, description, second_path", async () => {
    const { result, projects, categories } = await run("landscape.yml", LANDSCAPE);
    assert.equal(result.format, "landscape");
    assert.deepEqual(
      categories.map((c) => [c.id, c.name, c.description]),
      [
        [
          "container-runtime",
          "Container Runtime",
          "Runtime / Container Runtime, from the landscape.",
        ],
        ["runtime-other", "Runtime: Other", "Runtime / Other, from the landscape."],
        ["scheduling", "Scheduling", "Orchestration / Scheduling, from the landscape."],
        [
          "orchestration-other",
          "Orchestration: Other",
          "Orchestration / Other, from the landscape.",
        ],
      ],
    );
    assert.deepEqual(projects[0], {
      name: "containerd",
      repo: "containerd/containerd",
      homepage: "https://containerd.io/",
      category: ["container-runtime", "scheduling"],
      description: "An industry-standard container runtime.",
    });
    // Not on GitHub and no homepage: the repository URL becomes the homepage.
    assert.deepEqual(
      projects.find((p) => p.name === "Zuul"),
      { name: "Zuul", homepage: "https://opendev.org/zuul/zuul", category: "container-runtime" },
    );
    // Each note at the line where its item starts.
    assert.deepEqual(notes(result, "fix"), [
      "8 unknown-second-path",
      "8 http-homepage",
      "16 repo-not-github",
    ]);
    assert.deepEqual(notes(result, "skip"), ["19 no-name", "21 no-link"]);
    // The second containerd (same repo, another subcategory) adds nothing new: one entry.
    assert.equal(projects.filter((p) => p.name === "containerd").length, 1);
    assert.equal(result.unchanged, 1);
  });
});

describe("import: awesome mapping", () => {
  test("## and ### headings become categories; main link, Source Code link, homepage", async () => {
    const { result, projects, categories } = await run("README.md", AWESOME);
    assert.equal(result.format, "awesome");
    assert.deepEqual(
      categories.map((c) => [c.id, c.name, c.description]),
      [
        ["databases", "Databases", "Storing and querying data."],
        ["drivers", "Drivers", "Databases / Drivers"],
      ],
    );
    const by = (name: string) => projects.find((p) => p.name === name);
    assert.deepEqual(by("Alpha"), {
      name: "Alpha",
      repo: "o/alpha",
      homepage: "https://alpha.dev",
      category: ["databases", "drivers"],
      description: "The first one, see.",
    });
    assert.deepEqual(by("Beta"), {
      name: "Beta",
      repo: "o/beta",
      homepage: "https://beta.dev",
      category: "databases",
      description: "Hosted elsewhere.",
    });
    assert.equal(by("Gamma")?.homepage, "https://gamma.dev");
    assert.equal(by("Gamma")?.description, "Plain homepage.");
    // A link into a repository's folder is not the repository: it is the homepage.
    assert.deepEqual(by("Monorepo part"), {
      name: "Monorepo part",
      homepage: "https://github.com/o/mono/tree/main/part",
      category: "databases",
      description: "A folder of a repository.",
    });
    const delta = String(by("Delta")?.description);
    assert.ok([...delta].length <= 200 && delta.endsWith("Long words…"), delta);
    assert.equal(by("Code"), undefined);
    assert.deepEqual(notes(result, "skip"), [
      "5 no-section",
      "7 table-of-contents",
      "19 not-an-entry",
    ]);
    assert.deepEqual(notes(result, "fix"), ["18 http-homepage", "25 description-cut"]);
    assert.deepEqual(notes(result, "merge"), ["24 merged"]);
  });
});

describe("import: best-of mapping", () => {
  test("categories from category/title/subtitle; github_id, labels as tags, homepage", async () => {
    const { result, projects, categories } = await run("projects.yaml", BEST_OF);
    assert.equal(result.format, "best-of");
    assert.deepEqual(categories, [
      {
        id: "ml-frameworks",
        name: "Machine Learning Frameworks",
        description: "General-purpose frameworks.",
      },
      { id: "data-viz", name: "Data Visualization", description: "Data Visualization" },
      { id: "misc", name: "misc", description: "Projects in the category misc." },
    ]);
    assert.deepEqual(
      projects.find((p) => p.name === "PyTorch"),
      {
        name: "PyTorch",
        repo: "pytorch/pytorch",
        homepage: "https://pytorch.org",
        category: "ml-frameworks",
        tags: ["pytorch", "deep-learning", "c"],
      },
    );
    assert.deepEqual(notes(result, "fix"), ["13 tag-slugged", "22 unlisted-category"]);
    assert.deepEqual(notes(result, "skip"), ["25 no-link"]);
  });
});

describe("import: format detection and unreadable sources", () => {
  test("by extension and content; a clear error otherwise", () => {
    assert.equal(detectFormat("list.md", ""), "awesome");
    assert.equal(detectFormat("l.yml", "landscape:\n  - category:\n"), "landscape");
    assert.equal(detectFormat("p.yaml", "configuration: {}\nprojects:\n  - name: a\n"), "best-of");
    assert.equal(detectFormat("README", "# T\n\n## S\n\n- [a](https://a.dev)\n"), "awesome");
    assert.throws(
      () => detectFormat("x.yaml", "- name: a\n"),
      /cannot tell the format .*--from landscape\|awesome\|best-of/,
    );
  });

  test("a YAML syntax error in the source is reported at its line", async () => {
    const dir = await tempData({ "l.yml": "landscape:\n  - category:\n    name: [unclosed\n" });
    try {
      await assert.rejects(
        importList({ file: join(dir, "l.yml"), dataDir: dir, cwd: dir }),
        /l\.yml:\d+:\d+: not valid YAML/,
      );
    } finally {
      await removeTemp(dir);
    }
  });
});

describe("import: hostile sources", () => {
  test("a very long list line, deeply nested YAML, a binary file: reported, quickly, no crash", async () => {
    const long = `## S\n\n- [a](${"(".repeat(50_000)}\n- [b](https://github.com/o/b) - fine\n`;
    const { result, projects } = await run("README.md", long);
    assert.deepEqual(notes(result, "skip"), ["3 not-an-entry"]);
    assert.equal(projects.length, 1);
    const dir = await tempData({
      "deep.yml": `landscape:\n${"[".repeat(20_000)}`,
      "bin.yaml": Buffer.from([0, 1, 2, 255, 254]),
    });
    try {
      await assert.rejects(
        importList({ file: join(dir, "deep.yml"), dataDir: dir, cwd: dir }),
        (e) => /deep\.yml/.test(String((e as Error).message)),
      );
      await assert.rejects(
        importList({ file: join(dir, "bin.yaml"), dataDir: dir, cwd: dir }),
        /cannot tell the format/,
      );
    } finally {
      await removeTemp(dir);
    }
  });
});

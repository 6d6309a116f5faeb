/**
 * `cooltech import` on small hand-made lists: one per mapping rule, fix and
 * skip reason, and merging into an existing catalog (comments kept, no
 * duplicates, idempotent).
 */
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { detectFormat } from "../src/import/detect.js";
import {
  ImportBlocked,
  type ImportResult,
  importList,
  sharedHomepageIsError,
} from "../src/import/run.js";
import { loadCatalog } from "../src/load/catalog.js";
import { validateCatalog } from "../src/validate/index.js";
import { removeTemp, tempData } from "./helpers/catalog.js";

interface Imported {
  result: ImportResult;
  projects: Array<Record<string, unknown>>;
  categories: Array<Record<string, unknown>>;
  projectsText: string;
}

/** Imports `source` (named `name`) into data/ holding `data`; the result must validate. */
async function run(
  name: string,
  source: string,
  data: Record<string, string> = {},
): Promise<Imported> {
  const dir = await tempData({ [name]: source });
  try {
    await mkdir(join(dir, "data"));
    for (const [file, text] of Object.entries(data)) await writeFile(join(dir, "data", file), text);
    const result = await importList({
      file: join(dir, name),
      dataDir: join(dir, "data"),
      cwd: dir,
    });
    const loaded = await loadCatalog(join(dir, "data"), dir);
    const errors = validateCatalog(loaded).diagnostics.filter((d) => d.severity === "error");
    assert.deepEqual(errors, []);
    const projectsText = await readFile(join(dir, "data/projects.yaml"), "utf8");
    return {
      result,
      projects: parse(projectsText),
      categories: parse(await readFile(join(dir, "data/categories.yaml"), "utf8")),
      projectsText,
    };
  } finally {
    await removeTemp(dir);
  }
}

const notes = (r: ImportResult, kind: string) =>
  r.notes.filter((n) => n.kind === kind).map((n) => `${n.line} ${n.reason}`);

const LANDSCAPE = `landscape:
  - category:
    name: Runtime
    subcategories:
      - subcategory:
        name: Container Runtime
        items:
          - item:
            name: containerd
            homepage_url: http://containerd.io/
            repo_url: https://github.com/containerd/containerd.git
            description: An industry-standard container runtime.
            second_path:
              - "Orchestration / Scheduling"
              - "Nowhere / Nothing"
          - item:
            name: Zuul
            repo_url: https://opendev.org/zuul/zuul
          - item:
            homepage_url: https://nameless.example/
          - item:
            name: Lonely
      - subcategory:
        name: Other
        items:
          - item:
            name: Runtime Other
            homepage_url: https://other.example/
  - category:
    name: Orchestration
    subcategories:
      - subcategory:
        name: Scheduling
        items:
          - item:
            name: containerd
            repo_url: https://github.com/containerd/containerd
      - subcategory:
        name: Other
        items:
          - item:
            name: Orchestration Other
            homepage_url: https://other2.example/
`;

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

const AWESOME = `# Awesome Things

[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

- [Stray](https://github.com/a/stray) - Before any section.

## Contents

- [Databases](#databases)
  - [Drivers](#drivers)

## Databases

_Storing and querying data._

- [Alpha](https://github.com/o/alpha) - The **first** one, see [docs](https://alpha.dev).
- [Beta](https://beta.dev) - Hosted elsewhere. [Source Code](https://github.com/o/beta)
- [Gamma](http://gamma.dev) – Plain homepage.
- just some text
- [Monorepo part](https://github.com/o/mono/tree/main/part) - A folder of a repository.

### Drivers

- [Alpha](https://github.com/o/alpha/) - Listed again.
- [Delta](https://github.com/x/delta) - ${"Long words ".repeat(30)}end.

\`\`\`
- [Code](https://github.com/c/code) - inside a code block
\`\`\`

## License

Text without a list.
`;

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

const BEST_OF = `configuration:
  allowed_licenses:
    [
      "MIT",
    ]
categories:
  - category: ml-frameworks
    title: Machine Learning Frameworks
    subtitle: General-purpose frameworks.
  - category: data-viz
    title: Data Visualization
projects:
  - name: PyTorch
    github_id: pytorch/pytorch
    category: ml-frameworks
    labels: ["pytorch", "Deep Learning", "C++"]
    homepage: https://pytorch.org
  - name: Matplotlib
    github_id: matplotlib/matplotlib
    category: data-viz
    description: Plotting with Python.
  - name: Orphan
    github_id: someone/orphan
    category: misc
  - name: PyPI only
    pypi_id: pypionly
    category: data-viz
`;

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

const CATALOG_CATEGORIES = `# Our categories
- id: databases
  name: Databases
  description: Storing and querying data.
`;

const CATALOG_PROJECTS = `# Our projects
- name: Alpha DB # the curated name stays
  repo: o/alpha
  category: databases
- name: Beta
  repo: o/beta
  homepage: https://beta.example/
  category: databases
  description: Curated tagline.
`;

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

const LIMITS_BEST_OF = `categories:
  - category: tools
    title: Tools
projects:
  - name: ${"Very long name ".repeat(8)}end
    github_id: o/long
    category: tools
  - name: "Two\\nlines"
    github_id: o/two
    category: tools
  - name: Ftp
    github_id: o/ftp
    homepage: ftp://files.example/
    category: tools
  - name: Tagged
    github_id: o/tagged
    category: tools
    labels: [a, b, c, d, e, f, g, h, i, j, k, l]
  - name: First site
    github_id: o/first
    homepage: https://shared.example/
    category: tools
  - name: Second site
    github_id: o/second
    homepage: https://Shared.example
    category: tools
  - name: Clash
    github_id: o/clash
    category: tools
`;

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

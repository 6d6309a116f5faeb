/**
 * The Markdown list: a snapshot for the fixture directory (refresh it with
 * UPDATE_SNAPSHOTS=1), escaping of hostile text and URLs, and the command.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { runMain } from "../src/cli/main.js";
import type { Directory, DirectoryProject } from "../src/core/model.js";
import {
  escapeListBlock,
  escapeListText,
  headingSlug,
  projectLine,
  renderMarkdown,
} from "../src/generate/markdown.js";
import { githubBlock } from "./helpers/github-block.js";

const FIXTURE_DIR = fileURLToPath(new URL("../../test/fixtures/site/", import.meta.url));
const EXPECTED = join(FIXTURE_DIR, "expected.md");

async function fixture(): Promise<Directory> {
  return JSON.parse(await readFile(join(FIXTURE_DIR, "directory.json"), "utf8")) as Directory;
}

function project(extra: Partial<DirectoryProject>): DirectoryProject {
  return {
    name: "x",
    repo: null,
    homepage: null,
    category: "c",
    tags: [],
    description: null,
    github: null,
    trend: null,
    ...extra,
  };
}

describe("renderMarkdown", () => {
  test("matches the committed snapshot (UPDATE_SNAPSHOTS=1 to refresh)", async () => {
    const actual = renderMarkdown(await fixture());
    if (process.env.UPDATE_SNAPSHOTS === "1") await writeFile(EXPECTED, actual);
    assert.equal(actual, await readFile(EXPECTED, "utf8"));
  });

  test("is deterministic and independent of project order", async () => {
    const dir = await fixture();
    const shuffled = { ...dir, projects: [...dir.projects].reverse() };
    assert.equal(renderMarkdown(shuffled), renderMarkdown(dir));
  });

  test("puts projects of unknown categories under Other, and skips empty categories", () => {
    const md = renderMarkdown({
      $schema: "",
      refreshedAt: null,
      categories: [
        { id: "a", name: "A", description: "" },
        { id: "b", name: "B", description: "d" },
      ],
      projects: [project({ name: "p", category: "a" }), project({ name: "q", category: "zzz" })],
    });
    assert.match(md, /## A\n\n- p\n\n## Other\n\n.*\n\n- q\n$/);
    assert.doesNotMatch(md, /## B/);
    assert.match(md, /- \[A\]\(#a\) \(1\)\n- \[Other\]\(#other\) \(1\)/);
  });
});

describe("escaping untrusted text", () => {
  test("names cannot break out of the link or inject HTML, emphasis or code", () => {
    const line = projectLine(
      project({
        name: "Evil](https://evil.example) [x",
        homepage: "https://ok.example/",
        description: "<img src=x onerror=alert(1)> *bold* _it_ `code` ~~s~~ &amp; \\",
      }),
    );
    assert.equal(
      line,
      "- [Evil\\](https://evil.example) \\[x](https://ok.example/) - \\<img src=x onerror=alert(1)\\> \\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ \\&amp; \\\\",
    );
  });

  test("newlines cannot start a heading, list or HTML block", () => {
    assert.equal(
      escapeListText("one\n# two\n\n<script>x</script>"),
      "one \\# two \\<script\\>x\\</script\\>",
    );
    assert.equal(escapeListBlock("- item"), "\\- item");
    assert.equal(escapeListBlock("1. item"), "1\\. item");
    assert.equal(escapeListBlock("> quote"), "\\> quote");
  });

  test("links only https; parentheses in URLs are encoded", () => {
    const gh = {
      nameWithOwner: "o/n",
      url: "javascript:alert(1)",
      description: null,
      stars: 1234,
      forks: 0,
      openIssues: 0,
      license: null,
      language: null,
      topics: [],
      archived: true,
      pushedAt: null,
      createdAt: null,
      latestRelease: null,
      fetchedAt: "",
      checkedAt: "",
      status: "ok" as const,
    };
    assert.equal(
      projectLine(project({ homepage: "javascript:alert(1)", repo: "o/n" })),
      "- [x](https://github.com/o/n)",
    );
    assert.equal(projectLine(project({ homepage: "http://x.example/" })), "- x");
    assert.equal(
      projectLine(project({ homepage: "https://x.example/a_(b)" })),
      "- [x](https://x.example/a_%28b%29)",
    );
    assert.equal(
      projectLine(project({ homepage: "javascript:x", repo: "o/n", github: gh })),
      "- x ★1.2k *(archived)*",
    );
  });

  test("marks moved and missing repositories, and shortens long taglines", () => {
    const base = githubBlock({
      nameWithOwner: "new/home",
      url: "https://github.com/new/home",
      description: "From GitHub",
      stars: 5,
      fetchedAt: "",
      checkedAt: "",
    });
    assert.equal(
      projectLine(project({ github: { ...base, status: "moved" } })),
      "- [x](https://github.com/new/home) - From GitHub ★5 *(moved to new/home)*",
    );
    assert.match(
      projectLine(project({ github: { ...base, status: "missing" } })),
      /\*\(repository missing\)\*$/,
    );
    const long = projectLine(project({ description: "word ".repeat(100) }));
    assert.ok(long.length < 220 && long.endsWith("word…"), long);
  });

  test("heading slugs follow GitHub's", () => {
    assert.equal(headingSlug("Open standards"), "open-standards");
    assert.equal(headingSlug("C++ & Go!"), "c--go");
    assert.equal(headingSlug("Ünïcode_ok"), "ünïcode_ok");
  });
});

describe("cooltech markdown", () => {
  test("writes DIR/DIRECTORY.md by default, or --out", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "cooltech-md-"));
    try {
      await copyFile(join(FIXTURE_DIR, "directory.json"), join(tmp, "directory.json"));
      let out = "";
      const io = {
        stdout: { write: () => true },
        stderr: { write: (s: string) => (out += s) },
        env: {},
        cwd: tmp,
      };
      assert.equal(await runMain(["markdown", "--data", "."], io), 0);
      assert.equal(
        await readFile(join(tmp, "DIRECTORY.md"), "utf8"),
        await readFile(EXPECTED, "utf8"),
      );
      assert.match(out, /DIRECTORY\.md: 16 projects/);
      assert.equal(await runMain(["markdown", "--data", ".", "--out", "list.md"], io), 0);
      assert.ok(existsSync(join(tmp, "list.md")));
      assert.equal(await runMain(["markdown", "--data", "missing"], io), 1);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});

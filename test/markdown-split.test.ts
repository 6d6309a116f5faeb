/** DIRECTORY.md within GitHub's 512 KB: one file while it fits, else an index and per-category files. */
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Directory, DirectoryProject } from "../src/core/model.js";
import { renderMarkdown } from "../src/generate/markdown.js";
import { MARKDOWN_LIMIT, renderMarkdownFiles } from "../src/generate/markdown-split.js";
import { writeMarkdown } from "../src/generate/output.js";

/** `n` projects spread over three categories (one of them unknown), each line ~150 bytes. */
function directory(n: number): Directory {
  const projects: DirectoryProject[] = [];
  for (let i = 0; i < n; i++) {
    const category = ["alpha", "beta", "mystery"][i % 3] as string;
    projects.push({
      name: `project-${String(i).padStart(6, "0")}`,
      repo: `owner-${i}/repo-${i}`,
      homepage: null,
      category,
      tags: [],
      description: `A tool number ${i} that does one thing well, described in a sentence of some length.`,
      github: null,
      trend: null,
    });
  }
  return {
    $schema: "../schemas/directory.schema.json",
    refreshedAt: null,
    categories: [
      { id: "alpha", name: "Alpha", description: "First." },
      { id: "beta", name: "Beta", description: "Second." },
    ],
    projects,
  };
}

test("a directory that fits is one file, exactly renderMarkdown's", () => {
  const d = directory(30);
  assert.deepEqual(renderMarkdownFiles(d), [{ path: "DIRECTORY.md", text: renderMarkdown(d) }]);
});

test("past the limit: an index plus one file per category, each under 512 KB, nothing lost", () => {
  const d = directory(6_000);
  assert.ok(Buffer.byteLength(renderMarkdown(d)) > MARKDOWN_LIMIT, "the single file is too big");
  const files = renderMarkdownFiles(d);
  const paths = files.map((f) => f.path);
  assert.equal(paths[0], "DIRECTORY.md");
  assert.ok(paths.includes("directory/alpha.md"));
  assert.ok(paths.includes("directory/beta.md"));
  assert.ok(paths.includes("directory/other.md"), "unknown categories go to Other");
  for (const f of files) assert.ok(Buffer.byteLength(f.text) < 512 * 1024, f.path);
  const index = files[0]?.text ?? "";
  assert.match(index, /^- \[Alpha\]\(directory\/alpha\.md\) \(2000\)$/m);
  // Every project is on exactly one page.
  const lines = files.slice(1).flatMap((f) => f.text.split("\n").filter((l) => l.startsWith("- ")));
  assert.equal(lines.length, 6_000);
  assert.equal(new Set(lines).size, 6_000);
  // The pages link back to the index.
  assert.ok(files.slice(1).every((f) => f.text.includes("[All categories](../DIRECTORY.md)")));
});

test("a category too big for one file continues in numbered parts, each linking on", () => {
  const files = renderMarkdownFiles(directory(6_000), "DIRECTORY.md", 150 * 1024);
  const alpha = files.filter((f) => f.path.startsWith("directory/alpha"));
  assert.ok(alpha.length >= 2, `${alpha.length} parts`);
  alpha.forEach((f, i) => {
    assert.equal(f.path, i === 0 ? "directory/alpha.md" : `directory/alpha-${i + 1}.md`);
    if (i + 1 < alpha.length) assert.ok(f.text.includes(`[Part ${i + 2} →](alpha-${i + 2}.md)`));
  });
  assert.match(files[0]?.text ?? "", /\(2000; continued in \[part 2\]\(directory\/alpha-2\.md\)/);
  for (const f of files) assert.ok(Buffer.byteLength(f.text) <= 150 * 1024, f.path);
});

test("writeMarkdown writes the pages, and removes them once the list fits again", async () => {
  const dir = await mkdtemp(join(tmpdir(), "cooltech-md-"));
  try {
    const out = join(dir, "DIRECTORY.md");
    const big = await writeMarkdown(out, directory(6_000));
    assert.equal(big.length, 4);
    assert.deepEqual((await readdir(join(dir, "directory"))).sort(), [
      "alpha.md",
      "beta.md",
      "other.md",
    ]);
    const again = await writeMarkdown(out, directory(6_000));
    assert.ok(
      again.every((w) => !w.changed),
      "unchanged: nothing rewritten",
    );
    const small = await writeMarkdown(out, directory(30));
    assert.equal(small.filter((w) => w.removed).length, 3);
    await assert.rejects(stat(join(dir, "directory")));
    assert.equal(await readFile(out, "utf8"), renderMarkdown(directory(30)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

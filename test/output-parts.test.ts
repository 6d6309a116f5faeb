/**
 * directory.json made part by part as it is written (never one big string),
 * and the first-error validator that tells a valid directory: same bytes,
 * same answers, as the whole-string and all-errors ways they replace.
 */
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { makeProjects } from "../bench/catalog-data.js";
import { commitFiles } from "../src/core/commit.js";
import { pieces, sameContent } from "../src/core/content.js";
import { type Directory, primaryCategory } from "../src/core/model.js";
import { schemaValidator, validateAgainst } from "../src/core/schema.js";
import { serializeDirectory, serializeDirectoryParts } from "../src/generate/directory.js";
import { DirectoryError, readDirectory } from "../src/load/directory.js";
import { readDirectoryParts } from "../src/load/directory-parts.js";

const temps: string[] = [];
after(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

async function temp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "cooltech-parts-"));
  temps.push(dir);
  return dir;
}

function directory(n: number): Directory {
  return {
    $schema: "../schemas/directory.schema.json",
    refreshedAt: "2026-11-24T03:00:00Z",
    categories: [{ id: "c", name: 'Ç "quoted" 😀', description: "line\nbreak" }],
    projects: makeProjects(n).map((p, i) => ({
      name: i % 7 === 0 ? `${p.name} — ünïcode 😀` : p.name,
      repo: p.repo ?? null,
      homepage: p.homepage ?? null,
      category: primaryCategory(p.category),
      categories: [primaryCategory(p.category)],
      tags: p.tags ?? [],
      description: i % 5 === 0 ? null : `${p.description} "\\" </script>`,
      github: null,
      trend: null,
    })),
  };
}

describe("directory.json in parts", () => {
  test("the parts make exactly serializeDirectory's text, at every size", () => {
    for (const n of [0, 1, 39, 40, 41, 250]) {
      const d = directory(n);
      assert.equal([...serializeDirectoryParts(d)].join(""), serializeDirectory(d), `${n}`);
    }
  });

  test("a made text is written and compared in pieces: same bytes as the string", async () => {
    const dir = await temp();
    const d = directory(300);
    const text = serializeDirectory(d);
    const made = () => serializeDirectoryParts(d);
    assert.equal([...pieces(made)].join(""), text);
    // Parts of every size: tiny ones gathered, big ones cut, none lost.
    const mixed = () => ["a", "b".repeat(70_000), "", "c", "😀".repeat(600_000), "d"];
    assert.equal([...pieces(mixed)].join(""), mixed().join(""));
    const file = join(dir, "directory.json");
    const first = await commitFiles(dir, [{ path: file, content: made }]);
    assert.deepEqual(first, [{ path: file, changed: true }]);
    assert.equal(await readFile(file, "utf8"), text);
    assert.equal(await sameContent(file, made), true);
    // Unchanged: reported so, the file untouched, no temporary file left behind.
    const again = await commitFiles(dir, [{ path: file, content: made }]);
    assert.deepEqual(again, [{ path: file, changed: false }]);
    assert.deepEqual(await readdir(dir), ["directory.json"]);
    // Same size, other bytes: rewritten.
    await writeFile(file, text.replace("ünïcode", "unicode!!"));
    assert.equal(await sameContent(file, made), false);
    const third = await commitFiles(dir, [{ path: file, content: made }]);
    assert.deepEqual(third, [{ path: file, changed: true }]);
    assert.equal(await readFile(file, "utf8"), text);
  });
});

describe("validateAgainst with the first-error validator", () => {
  test("a valid directory: no error; an invalid one: every error, as the full validator lists them", () => {
    const valid = directory(50);
    assert.deepEqual(validateAgainst("directory", valid), []);
    const full = schemaValidator("directory");
    const broken = structuredClone(valid) as unknown as {
      projects: Array<Record<string, unknown>>;
    };
    broken.projects[3] = { ...broken.projects[3], homepage: "http://not-https.example", tags: 3 };
    broken.projects[9] = { ...broken.projects[9], github: { stars: -1 } };
    const errors = validateAgainst("directory", broken);
    assert.equal(full(broken), false);
    assert.deepEqual(errors, full.errors);
    assert.ok(errors.length >= 3, `all errors listed, not only the first (${errors.length})`);
  });
});

describe("directory.json read project by project", () => {
  test("the layout cooltech writes: the same value as JSON.parse, at every size", async () => {
    const dir = await temp();
    const file = join(dir, "directory.json");
    for (const n of [1, 2, 41, 3000]) {
      const text = serializeDirectory(directory(n));
      await writeFile(file, text);
      assert.deepEqual(await readDirectoryParts(file), JSON.parse(text), `${n}`);
    }
    // No project: `"projects": []` on one line, read whole.
    const empty = serializeDirectory(directory(0));
    await writeFile(file, empty);
    assert.deepEqual(await readDirectory(file), JSON.parse(empty));
  });

  test("any other layout, or broken JSON, is left to the whole-file reader (same values, same errors)", async () => {
    const dir = await temp();
    const file = join(dir, "directory.json");
    const d = directory(60);
    const text = serializeDirectory(d);
    const others = [
      `${JSON.stringify(d)}\n`, // one line
      text.replaceAll("\n", "\r\n"), // CRLF
      `${JSON.stringify(d, null, 4)}\n`,
    ];
    for (const other of others) {
      await writeFile(file, other);
      assert.equal(await readDirectoryParts(file), undefined);
      assert.deepEqual(await readDirectory(file), JSON.parse(other));
    }
    // Broken inside a project, a missing comma, a trailing comma: never read as valid.
    const broken = [
      text.replace('"tags": [', '"tags": [['),
      text.replace("    },\n    {", "    }\n    {"),
      text.replace(/\n {4}}\n {2}]/, "\n    },\n  ]"),
      text.slice(0, text.length / 2),
    ];
    for (const bad of broken) {
      await writeFile(file, bad);
      assert.equal(await readDirectoryParts(file), undefined);
      await assert.rejects(readDirectory(file), (e: unknown) => {
        assert.ok(e instanceof DirectoryError);
        assert.match((e as Error).message, /^.*directory\.json:\d+:\d+ is not valid JSON/);
        return true;
      });
    }
  });
});

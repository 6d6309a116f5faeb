/**
 * `cooltech build`: the seed catalog's snapshot, determinism, last-known GitHub
 * data kept, nothing dropped, nothing written on an unparseable file or a corrupt
 * directory.json, and an atomic write. UPDATE_SNAPSHOTS=1 rewrites the snapshot.
 * The seed is the hand-made catalog in test/fixtures/catalog/seed, never the
 * committed data/ (which every contributor's pull request changes).
 */
import assert from "node:assert/strict";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { parse } from "yaml";
import type { Directory } from "../src/core/model.js";
import { writeFileAtomic } from "../src/core/write.js";
import { github, PREVIOUS, PROJECTS } from "./fixtures/catalog/build-previous.js";
import {
  CATEGORIES,
  FIXTURES,
  listFiles,
  looksLikeCrash,
  mtime,
  removeTemp,
  runCli,
  tempData,
  tempDir,
} from "./helpers/catalog.js";

const SEED = join(FIXTURES, "seed");
const SNAPSHOT = join(SEED, "directory.snapshot.json");
const MARKDOWN_SNAPSHOT = join(SEED, "DIRECTORY.snapshot.md");

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));
const track = (dir: string) => {
  temps.push(dir);
  return dir;
};

/** A temp folder with the seed fixture's YAML only (no directory.json yet). */
async function seedYaml(): Promise<string> {
  const dir = track(await tempDir());
  for (const f of ["projects.yaml", "categories.yaml"]) {
    await copyFile(join(SEED, f), join(dir, f));
  }
  return dir;
}

const build = (dir: string, shellPrefix?: string) =>
  runCli(["build", "--data", "."], { cwd: dir, ...(shellPrefix && { shellPrefix }) });
const directoryOf = (dir: string) => readFile(join(dir, "directory.json"), "utf8");

describe("build", () => {
  test("the seed catalog gives the snapshot (directory.json and DIRECTORY.md)", async () => {
    const dir = await seedYaml();
    const r = await build(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /^✔ directory\.json written \(7 projects\)\n✔ DIRECTORY\.md written \(7 projects\)\n✔ projects\.editor\.schema\.json written \(\d+ category ids for editors\)\n$/,
    );
    const text = await directoryOf(dir);
    const markdown = await readFile(join(dir, "DIRECTORY.md"), "utf8");
    if (process.env.UPDATE_SNAPSHOTS === "1") {
      await writeFile(SNAPSHOT, text);
      await writeFile(MARKDOWN_SNAPSHOT, markdown);
    }
    assert.equal(text, await readFile(SNAPSHOT, "utf8"), "run with UPDATE_SNAPSHOTS=1 if intended");
    assert.equal(markdown, await readFile(MARKDOWN_SNAPSHOT, "utf8"));
  });

  test("drops nothing: every curated entry is in the directory, in order", async () => {
    const dir = await seedYaml();
    assert.equal((await build(dir)).code, 0);
    const curated = parse(await readFile(join(dir, "projects.yaml"), "utf8")) as Array<{
      name: string;
    }>;
    const directory = JSON.parse(await directoryOf(dir)) as Directory;
    assert.deepEqual(
      directory.projects.map((p) => p.name),
      curated.map((p) => p.name),
    );
  });

  test("is deterministic: same input, byte-identical output; a rebuild leaves the file alone", async () => {
    const [a, b] = [await seedYaml(), await seedYaml()];
    assert.equal((await build(a)).code, 0);
    assert.equal((await build(b)).code, 0);
    assert.equal(await directoryOf(a), await directoryOf(b));
    const before = await mtime(join(a, "directory.json"));
    const again = await build(a);
    assert.equal(again.code, 0);
    assert.match(again.stderr, /directory\.json unchanged/);
    assert.equal(await mtime(join(a, "directory.json")), before);
  });

  test("a build over its own output (the snapshot) changes neither file", async () => {
    const dir = await seedYaml();
    await copyFile(SNAPSHOT, join(dir, "directory.json"));
    await copyFile(MARKDOWN_SNAPSHOT, join(dir, "DIRECTORY.md"));
    const times = [
      await mtime(join(dir, "directory.json")),
      await mtime(join(dir, "DIRECTORY.md")),
    ];
    const r = await build(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /directory\.json unchanged.*\n.*DIRECTORY\.md unchanged/);
    assert.equal(await directoryOf(dir), await readFile(SNAPSHOT, "utf8"));
    assert.equal(
      await readFile(join(dir, "DIRECTORY.md"), "utf8"),
      await readFile(MARKDOWN_SNAPSHOT, "utf8"),
    );
    assert.deepEqual(
      [await mtime(join(dir, "directory.json")), await mtime(join(dir, "DIRECTORY.md"))],
      times,
    );
  });

  test("keeps the last-known github and trend, also after the YAML followed a rename", async () => {
    const dir = track(await tempData({ "projects.yaml": PROJECTS, "categories.yaml": CATEGORIES }));
    await writeFile(join(dir, "directory.json"), JSON.stringify(PREVIOUS, null, 2));
    const r = await build(dir);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(await directoryOf(dir)) as Directory;
    const byName = new Map(out.projects.map((p) => [p.name, p]));
    assert.equal(out.refreshedAt, PREVIOUS.refreshedAt);
    assert.deepEqual(byName.get("Falco")?.github, github("falcosecurity/falco", "ok"));
    assert.deepEqual(byName.get("Falco")?.trend, { stars7d: 5, stars30d: 20 });
    assert.equal(byName.get("Falco")?.description, "Cloud-native runtime security.");
    // The YAML now says kubereboot/kured; the data was fetched as weaveworks/kured.
    assert.deepEqual(byName.get("kured")?.github, github("kubereboot/kured", "moved"));
    assert.deepEqual(byName.get("kured")?.trend, { stars7d: null, stars30d: 3 });
    assert.equal(byName.get("kured")?.description, "GitHub's words for kubereboot/kured");
    assert.equal(byName.get("Rook")?.github, null);
    assert.equal(byName.get("No Repo")?.github, null);
    assert.deepEqual(
      out.projects.map((p) => p.name),
      ["Falco", "kured", "No Repo", "Rook"],
    );
  });

  test("a file that cannot be parsed: exit 1, nothing written (one bad entry: see degrade.test.ts)", async () => {
    const dir = track(await tempData({ "projects.yaml": PROJECTS, "categories.yaml": CATEGORIES }));
    assert.equal((await build(dir)).code, 0);
    const before = await directoryOf(dir);
    const time = await mtime(join(dir, "directory.json"));
    await writeFile(join(dir, "projects.yaml"), "- name: Falco\n  category: [security\n");
    const r = await build(dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^projects\.yaml:3:1 error .+ \(yaml-syntax\)$/m);
    assert.match(r.stderr, /✖ 1 error, 0 warnings; nothing written\n$/);
    assert.equal(await directoryOf(dir), before);
    assert.equal(await mtime(join(dir, "directory.json")), time);
  });

  const corrupt: Array<[string, string, RegExp]> = [
    [
      "not JSON",
      '{ "refreshedAt": nul',
      /^error: directory\.json:1:\d+ is not valid JSON \(.+\); restore it with `git checkout -- directory\.json`, or delete it/,
    ],
    ["empty", "", /^error: directory\.json:1:1 is not valid JSON \(Unexpected end of JSON input\)/],
    [
      "not the schema",
      '{ "projects": 1 }\n',
      /^error: directory\.json:1:1 does not match schemas\/directory\.schema\.json \(.+\); restore it/,
    ],
  ];
  for (const [what, content, message] of corrupt) {
    test(`a corrupt directory.json (${what}): exit 1, a message, the file untouched`, async () => {
      const dir = await seedYaml();
      await writeFile(join(dir, "directory.json"), content);
      const r = await build(dir);
      assert.equal(r.code, 1);
      assert.match(r.stderr, message);
      assert.equal(looksLikeCrash(r.stderr), false, r.stderr);
      assert.equal(await directoryOf(dir), content);
    });
  }

  test("atomic: a write that fails (file size limit) leaves the old file intact and no temp file", async () => {
    const dir = await seedYaml();
    assert.equal((await build(dir)).code, 0);
    const before = await directoryOf(dir);
    const files = await listFiles(dir);
    const more = "- name: Zeta\n  repo: zeta/zeta\n  category: storage\n";
    await writeFile(
      join(dir, "projects.yaml"),
      `${await readFile(join(dir, "projects.yaml"))}${more}`,
    );
    // RLIMIT_FSIZE of 2 x 512 bytes: writing the new (~10 kB) directory fails with EFBIG.
    const r = await build(dir, "ulimit -f 2;");
    assert.equal(r.code, 4, r.stderr);
    assert.match(
      r.stderr,
      /^error: cannot write \S+directory\.json: file too large \(a file size limit is set\) \(EFBIG\); check the path, its permissions and the free space\n$/,
    );
    assert.equal(looksLikeCrash(r.stderr), false);
    assert.equal(await directoryOf(dir), before);
    // The change feed is part of the same generation: not written either; no temp file is left.
    assert.deepEqual(await listFiles(dir), files);
    // Without the limit the same build succeeds and records the addition once.
    assert.equal((await build(dir)).code, 0);
    const feed = JSON.parse(await readFile(join(dir, "changes.json"), "utf8"));
    assert.deepEqual(
      feed.events.map((e: { type: string; name: string }) => `${e.type} ${e.name}`),
      ["added Zeta"],
    );
  });

  test("writeFileAtomic removes its temp file when the rename fails", async () => {
    const dir = track(await tempDir());
    await mkdir(join(dir, "target"));
    await writeFile(join(dir, "target", "inside"), "x");
    await assert.rejects(writeFileAtomic(join(dir, "target"), "new"));
    assert.deepEqual(await listFiles(dir), ["target"]);
  });
});

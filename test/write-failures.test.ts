/**
 * Write failures exit 4 with the path and the cause, never 70 "this is a
 * bug", and return at once. Tests run as root, for whom permissions never
 * fail: the paths used fail for root too (a file as a parent folder, a folder
 * as the target, /proc); a full disk is injected through the writer's fs.
 */
import assert from "node:assert/strict";
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { ExitCode, UserError } from "../src/core/errors.js";
import { makeDirectory, WriteError, type WriteFs, writeFileAtomic } from "../src/core/write.js";
import { CATEGORIES, looksLikeCrash, removeTemp, runCli, tempDir } from "./helpers/catalog.js";

const SITE_DIRECTORY = fileURLToPath(
  new URL("../../test/fixtures/site/directory.json", import.meta.url),
);
const PROJECTS = "- name: Falco\n  category: security\n- name: Rook\n  category: storage\n";

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));

async function work(): Promise<string> {
  const dir = await tempDir();
  temps.push(dir);
  await copyFile(SITE_DIRECTORY, join(dir, "directory.json"));
  await writeFile(join(dir, "projects.yaml"), PROJECTS);
  await writeFile(join(dir, "categories.yaml"), CATEGORIES);
  await writeFile(join(dir, "a-file"), "x");
  return dir;
}

async function expectIoError(dir: string, args: string[], message: RegExp) {
  const r = await runCli(args, { cwd: dir });
  assert.equal(r.code, ExitCode.io, r.stderr);
  assert.match(r.stderr, message);
  assert.equal(looksLikeCrash(r.stderr), false, r.stderr);
}

describe("site --out", () => {
  for (const out of ["/proc/cooltech-test/site", "/proc/self/cooltech-test"]) {
    test(`under ${out.split("/").slice(0, 3).join("/")}: exit 4, the folder named`, async () => {
      const dir = await work();
      await expectIoError(
        dir,
        ["site", "--data", ".", "--out", out],
        new RegExp(
          `^error: cannot create the folder ${out}: .+ \\(E[A-Z]+\\); check the path`,
          "m",
        ),
      );
    });
  }

  test("under a file: exit 4, ENOTDIR", async () => {
    const dir = await work();
    await expectIoError(
      dir,
      ["site", "--data", ".", "--out", "a-file/site"],
      /^error: cannot create the folder \S+a-file\/site: a part of the path is a file, not a folder \(ENOTDIR\)/m,
    );
  });

  test("index.html is a folder: exit 4, EISDIR, nothing left behind", async () => {
    const dir = await work();
    await mkdir(join(dir, "out", "index.html"), { recursive: true });
    await expectIoError(
      dir,
      ["site", "--data", ".", "--out", "out"],
      /^error: cannot write \S+out\/index\.html: it is a folder, not a file \(EISDIR\)/m,
    );
    assert.deepEqual(await readdir(join(dir, "out")), ["index.html"]);
  });
});

test("build: DIRECTORY.md is a folder: exit 4, EISDIR", async () => {
  const dir = await work();
  await mkdir(join(dir, "DIRECTORY.md"));
  await expectIoError(
    dir,
    ["build", "--data", "."],
    /^error: cannot write \S+DIRECTORY\.md: it is a folder, not a file \(EISDIR\)/m,
  );
});

describe("writeFileAtomic with a failing file system", () => {
  const failing = (code: string, where: "write" | "rename"): WriteFs => {
    const error = () => Object.assign(new Error(`${code}: injected`), { code });
    const base = {
      open: (async (path: string, flags: string, mode: number) => {
        const { open } = await import("node:fs/promises");
        const handle = await open(path, flags, mode);
        if (where !== "write") return handle;
        return Object.assign(Object.create(handle), {
          writeFile: async () => {
            throw error();
          },
          close: () => handle.close(),
        });
      }) as WriteFs["open"],
    };
    return {
      ...base,
      rename: (async (from: string, to: string) => {
        if (where === "rename") throw error();
        const { rename } = await import("node:fs/promises");
        return rename(from, to);
      }) as WriteFs["rename"],
      rm: (...a: Parameters<WriteFs["rm"]>) => import("node:fs/promises").then((f) => f.rm(...a)),
      mkdir: (...a: Parameters<WriteFs["mkdir"]>) =>
        import("node:fs/promises").then((f) => f.mkdir(...a)),
      stat: ((...a: Parameters<WriteFs["stat"]>) =>
        import("node:fs/promises").then((f) => f.stat(...a))) as WriteFs["stat"],
    } as WriteFs;
  };

  for (const [code, where, cause] of [
    ["ENOSPC", "write", /no space left on the device \(ENOSPC\)/],
    ["EDQUOT", "write", /disk quota exceeded \(EDQUOT\)/],
    ["EACCES", "rename", /permission denied \(EACCES\)/],
  ] as const) {
    test(`${code} while ${where === "write" ? "writing" : "renaming"}: a WriteError (exit 4) naming the file; the old file kept, no temp file`, async () => {
      const dir = await work();
      const target = join(dir, "target.json");
      await writeFile(target, "old");
      const before = await readdir(dir);
      const error = await writeFileAtomic(target, "new", failing(code, where)).then(
        () => assert.fail("the write succeeded"),
        (e: unknown) => e,
      );
      assert.ok(error instanceof WriteError && error instanceof UserError);
      assert.equal(error.exitCode, ExitCode.io);
      assert.equal(error.path, target);
      assert.match(error.message, new RegExp(`^cannot write ${target}: `));
      assert.match(error.message, cause);
      assert.deepEqual(await readdir(dir), before);
    });
  }

  test("makeDirectory stops at a file in the path", async () => {
    const dir = await work();
    await assert.rejects(makeDirectory(join(dir, "a-file", "x", "y")), (e: unknown) => {
      assert.ok(e instanceof WriteError);
      assert.equal(e.code, "ENOTDIR");
      return true;
    });
    await makeDirectory(join(dir, "new", "deeper"));
    assert.deepEqual(await readdir(join(dir, "new")), ["deeper"]);
  });
});

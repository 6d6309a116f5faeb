/**
 * The layering of src/, enforced: which top-level folder may import which
 * (the pipeline load → validate → generate, with core shared by all and the
 * CLI on top), no cycle between folders or files, no hand-written file over
 * 250 lines (in src/, and in test/, bench/, scripts/ and bin/ too). A control case proves the checker finds what it looks for.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ROOT } from "./helpers/catalog.js";
import {
  type AllowedEdges,
  checkLayering,
  cycles,
  generatedMatcher,
  oversizedFiles,
} from "./helpers/layering.js";

/** Folder → the folders it may import. Only cli/ and src/index.ts may import anything. */
const ALLOWED: AllowedEdges = {
  core: [],
  actions: [],
  load: ["core"],
  validate: ["load", "core", "actions"],
  edit: ["load", "validate", "core"],
  generate: ["load", "validate", "core"],
  github: ["core"],
  refresh: ["github", "generate", "edit", "load", "validate", "core", "actions"],
  "pr-check": ["github", "load", "validate", "core", "actions"],
  site: ["generate", "core"],
  links: ["load", "core", "actions"],
  import: ["edit", "load", "validate", "core", "actions"],
  init: ["import", "load", "core"],
  cli: "*",
  "(root)": "*",
};

const SRC = join(ROOT, "src");
const generated = generatedMatcher(readFileSync(join(ROOT, ".gitattributes"), "utf8"), "src/");

describe("the layering of src/", () => {
  const report = checkLayering(SRC, ALLOWED, { isGenerated: generated });

  test("the table itself: no stage imports the CLI, and the allowed edges have no cycle", () => {
    const graph = new Map<string, Set<string>>();
    for (const [from, to] of Object.entries(ALLOWED)) {
      if (to === "*") continue;
      assert.ok(!to.includes("cli"), `${from} may not import cli`);
      graph.set(from, new Set(to));
    }
    assert.deepEqual(cycles(graph), []);
  });

  test("every top-level folder of src/ is in the table", () => {
    assert.deepEqual(
      [...report.folders.keys()].filter((f) => !(f in ALLOWED)),
      [],
      "add the new folder to ALLOWED (and to the README's layout)",
    );
  });

  test("only allowed edges between folders", () => {
    assert.deepEqual(report.forbidden, []);
  });

  test("no cycle between folders or between files", () => {
    assert.deepEqual(report.folderCycles, []);
    assert.deepEqual(report.fileCycles, []);
  });

  test("no hand-written file over 250 lines (split it by what it does)", () => {
    assert.deepEqual(report.oversized, []);
    assert.ok(generated("core/generated/compiled-schemas.ts"), ".gitattributes marks it generated");
  });

  test("the page's browser code imports only itself and the import-free core/format.ts and model types", () => {
    const outside = [...report.files]
      .filter(([file]) => file.startsWith("site/client/"))
      .flatMap(([file, deps]) => [...deps].map((dep) => [file, dep] as const))
      .filter(([, dep]) => !dep.startsWith("site/client/"))
      .filter(([, dep]) => dep !== "core/format.ts" && dep !== "core/model.ts");
    assert.deepEqual(outside, []);
    assert.deepEqual([...(report.files.get("core/format.ts") ?? [])], []);
  });
});

test("outside src/ too, no file over 250 lines: tests, fixtures, benchmarks, scripts, bin/", () => {
  assert.deepEqual(oversizedFiles(ROOT, ["test", "bench", "scripts", "bin"]), []);
});

describe("control: the checker finds a cycle, a forbidden edge and a big file", () => {
  test("on a small temp tree", async () => {
    const root = await mkdtemp(join(tmpdir(), "cooltech-layering-"));
    try {
      const files: Record<string, string> = {
        "core/a.ts": 'import { b } from "../load/b.js";\nexport const a = b;\n',
        "load/b.ts": 'import { a } from "../core/a.js";\nexport const b = 1;\nvoid a;\n',
        "load/c.ts": `${"export const x = 1;\n".repeat(251)}`,
        "load/d.ts":
          '/** Like `import { c } from "./c.js"` in a comment: no edge. */\nexport {};\n',
        "core/generated/big.ts": `${"export const y = 1;\n".repeat(300)}`,
        "cli/main.ts": 'import "../core/a.js";\nimport("../load/b.js");\n',
      };
      for (const [path, text] of Object.entries(files)) {
        await mkdir(join(root, path, ".."), { recursive: true });
        await writeFile(join(root, path), text);
      }
      const report = checkLayering(
        root,
        { core: [], load: ["core"], cli: "*" },
        { isGenerated: generatedMatcher("core/generated/** linguist-generated=true\n", "") },
      );
      assert.deepEqual(report.forbidden, ["core -> load (core/a.ts imports load/b.ts)"]);
      assert.deepEqual(report.fileCycles, [["core/a.ts", "load/b.ts"]]);
      assert.deepEqual(report.folderCycles, [["core", "load"]]);
      assert.deepEqual(report.oversized, ["load/c.ts 251 lines"]);
      assert.deepEqual([...(report.files.get("cli/main.ts") ?? [])], ["core/a.ts", "load/b.ts"]);
      assert.deepEqual([...(report.files.get("load/d.ts") ?? [])], []);
      // Outside src/: every .ts, .mjs and .js file, declaration files aside.
      await writeFile(join(root, "load/e.mjs"), "void 0;\n".repeat(260));
      await writeFile(join(root, "load/f.d.ts"), "export {};\n".repeat(300));
      assert.deepEqual(oversizedFiles(root, ["load", "core"]), [
        "load/c.ts 251 lines",
        "load/e.mjs 260 lines",
        "core/generated/big.ts 300 lines",
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

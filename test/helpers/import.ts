/** Shared by test/import-rules*.test.ts: an import into a temp data/ folder, checked to validate, and its notes. */
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { type ImportResult, importList } from "../../src/import/run.js";
import { loadCatalog } from "../../src/load/catalog.js";
import { validateCatalog } from "../../src/validate/index.js";
import { removeTemp, tempData } from "./catalog.js";

export interface Imported {
  result: ImportResult;
  projects: Array<Record<string, unknown>>;
  categories: Array<Record<string, unknown>>;
  projectsText: string;
}

/** Imports `source` (named `name`) into data/ holding `data`; the result must validate. */
export async function run(
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

/** The notes of one kind, as `line reason`. */
export const notes = (r: ImportResult, kind: string) =>
  r.notes.filter((n) => n.kind === kind).map((n) => `${n.line} ${n.reason}`);

/**
 * Shared by the hostile-input tests (catalog-hostile*.test.ts): temp catalogs
 * made from given files, a CLI run that must not crash, and an alias bomb.
 */
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import {
  CATEGORIES,
  type CliResult,
  looksLikeCrash,
  removeTemp,
  runCli,
  tempData,
} from "./catalog.js";

export interface CatalogFiles {
  /** projects.yaml (null: no such file). */
  projects: string | Buffer | null;
  /** categories.yaml (null: no such file); the usual categories when absent. */
  categories?: string | null;
  /** Create projects.yaml as a folder instead of a file. */
  folder?: boolean;
}

/** Temp catalogs made from files; `removeAll` (for `after`) removes every one made. */
export function tempCatalogs(): {
  make: (c: CatalogFiles) => Promise<string>;
  removeAll: () => Promise<void>;
} {
  const temps: string[] = [];
  return {
    async make(c) {
      const files: Record<string, string | Buffer> = {};
      if (c.projects !== null) files["projects.yaml"] = c.projects;
      if (c.categories !== null) files["categories.yaml"] = c.categories ?? CATEGORIES;
      const dir = await tempData(files);
      if (c.folder) await mkdir(join(dir, "projects.yaml"));
      temps.push(dir);
      return dir;
    },
    removeAll: async () => {
      await Promise.all(temps.map(removeTemp));
    },
  };
}

/** `cooltech ...args --data .` in `dir`, in this process; the output must show no crash. */
export async function cliNoCrash(dir: string, ...args: string[]): Promise<CliResult> {
  const r = await runCli([...args, "--data", "."], { cwd: dir });
  assert.equal(looksLikeCrash(r.stdout + r.stderr), false, r.stderr.slice(0, 2000));
  return r;
}

/** A "billion laughs" projects.yaml: nine levels of aliases, each nine of the one before. */
export const ALIAS_BOMB = [
  "- name: Falco",
  "  category: security",
  "  lol1: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
  "  lol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
  ...["c", "d", "e", "f", "g", "h", "i"].map(
    (x, i) =>
      `  lol${i + 3}: &${x} [${Array(9)
        .fill(`*${String.fromCharCode(x.charCodeAt(0) - 1)}`)
        .join(", ")}]`,
  ),
  "",
].join("\n");

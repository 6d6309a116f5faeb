/**
 * What a pull request touched, for `validate --changed-since REF`: the
 * entries of projects.yaml it added or changed (so a duplicate or a misplaced
 * entry is reported on the contributor's entry, not on an untouched
 * neighbour), and the lines of each file it added or changed (so only those
 * problems are annotated on the diff; the others go to the job summary).
 */
import { relative } from "node:path";
import type { Diagnostic } from "../core/diagnostic.js";
import type { LoadedCatalog } from "../load/catalog.js";
import type { YamlSource } from "../load/yaml-source.js";
import type { Item } from "../validate/rules/rule.js";
import { changedEntries, execGit, type Git, readAtRef } from "./changed.js";

export interface ChangeScope {
  /** Indexes of the projects.yaml entries added or changed since the ref. */
  touched: Set<number>;
  /** Per file (as diagnostics name it): the lines added or changed; "all" for a new file. */
  lines: Map<string, Set<number> | "all">;
}

export async function changeScope(
  loaded: LoadedCatalog,
  since: string,
  cwd: string,
  git: Git = execGit,
): Promise<ChangeScope> {
  const touched = new Set<number>();
  const lines = new Map<string, Set<number> | "all">();
  const projects = loaded.projects.source;
  if (projects !== null) {
    const base = await readAtRef(since, projects.path, cwd, git);
    for (const entry of changedEntries(itemsOf(loaded.projects.value), base)) {
      touched.add(entry.item.index);
    }
    lines.set(projects.file, base === null ? "all" : await changedLines(since, projects, cwd, git));
  }
  const categories = loaded.categories.source;
  if (categories !== null) {
    const base = await readAtRef(since, categories.path, cwd, git);
    lines.set(
      categories.file,
      base === null ? "all" : await changedLines(since, categories, cwd, git),
    );
  }
  return { touched, lines };
}

/** True when the diagnostic sits on a line the change added or modified (or in a file it did not read). */
export function inScope(scope: ChangeScope, d: Diagnostic): boolean {
  const lines = scope.lines.get(d.file);
  return lines === undefined || lines === "all" || lines.has(d.line);
}

/** The line numbers of the working-tree file that differ from `ref` (`git diff -U0` hunks). */
async function changedLines(
  ref: string,
  source: YamlSource,
  cwd: string,
  git: Git,
): Promise<Set<number>> {
  const path = `./${relative(cwd, source.path).split("\\").join("/")}`;
  const diff = await git(
    ["diff", "--no-color", "--no-ext-diff", "--unified=0", ref, "--", path],
    cwd,
  );
  return parseHunkLines(diff);
}

/** From unified-diff hunk headers `@@ -a,b +c,d @@`: lines c … c+d-1 of the new file. */
export function parseHunkLines(diff: string): Set<number> {
  const out = new Set<number>();
  for (const m of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    for (let i = 0; i < count; i++) out.add(start + i);
  }
  return out;
}

function itemsOf(value: unknown): Item[] {
  if (!Array.isArray(value)) return [];
  const out: Item[] = [];
  value.forEach((v, index) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      out.push({ index, value: v as Record<string, unknown> });
    }
  });
  return out;
}

/**
 * The import graph of a TypeScript tree (relative imports only), checked
 * against a table of allowed edges between its top-level folders: forbidden
 * edges, folder cycles, file cycles, and hand-written files over a line budget.
 * Used by layering.test.ts on src/ and, as a control, on small temp trees.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** Folder → the folders it may import. "*" allows any. Files directly in the root are "(root)". */
export type AllowedEdges = Readonly<Record<string, readonly string[] | "*">>;

export interface LayeringReport {
  /** Every file (relative to the root, with "/") → the files it imports. */
  files: Map<string, Set<string>>;
  /** Folder → folders it imports (only edges between different folders). */
  folders: Map<string, Set<string>>;
  /** "a -> b (a/x.ts imports b/y.ts)" for each edge the table does not allow. */
  forbidden: string[];
  /** Each cycle between files, as the files in it. */
  fileCycles: string[][];
  /** Each cycle between folders. */
  folderCycles: string[][];
  /** "path N lines" for each hand-written file over the budget. */
  oversized: string[];
}

export interface LayeringOptions {
  maxLines?: number;
  /** Relative paths (with "/") under the root that are generated: no line budget. */
  isGenerated?: (path: string) => boolean;
}

const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

/** The code without comments (so an example in a doc comment is no import). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, ".ts"), `${base}.ts`, join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The top-level folder of a relative path, or "(root)" for a file directly in the root. */
export function folderOf(path: string): string {
  const parts = path.split("/");
  return parts.length > 1 ? (parts[0] as string) : "(root)";
}

/** Strongly connected components with more than one node, or a node importing itself (Tarjan). */
export function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.has(v)) out.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** The lines of a text (a final line break ends the last line, it does not start one). */
export function lineCount(text: string): number {
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

/**
 * The TypeScript and JavaScript files under `dirs` (relative to `root`) over
 * `maxLines` lines, as "path N lines"; declaration files are skipped.
 */
export function oversizedFiles(root: string, dirs: readonly string[], maxLines = 250): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true })
      .map((f) => `${dir}/${String(f).split(sep).join("/")}`)
      .filter((f) => /\.(ts|mjs|js)$/.test(f) && !f.endsWith(".d.ts"))
      .sort()
      .flatMap((f) => {
        const lines = lineCount(readFileSync(join(root, f), "utf8"));
        return lines > maxLines ? [`${f} ${lines} lines`] : [];
      }),
  );
}

export function checkLayering(
  root: string,
  allowed: AllowedEdges,
  options: LayeringOptions = {},
): LayeringReport {
  const maxLines = options.maxLines ?? 250;
  const rel = (abs: string) => relative(root, abs).split(sep).join("/");
  const paths = readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => join(root, f))
    .sort();
  const files = new Map<string, Set<string>>();
  const oversized: string[] = [];
  for (const abs of paths) {
    const text = readFileSync(abs, "utf8");
    const lines = lineCount(text);
    if (lines > maxLines && !options.isGenerated?.(rel(abs)))
      oversized.push(`${rel(abs)} ${lines} lines`);
    const deps = new Set<string>();
    for (const m of stripComments(text).matchAll(IMPORT)) {
      const target = resolveImport(abs, m[1] as string);
      if (target?.startsWith(root)) deps.add(rel(target));
    }
    files.set(rel(abs), deps);
  }
  const folders = new Map<string, Set<string>>();
  const forbidden: string[] = [];
  for (const [file, deps] of files) {
    const a = folderOf(file);
    if (!folders.has(a)) folders.set(a, new Set());
    for (const dep of deps) {
      const b = folderOf(dep);
      if (a === b) continue;
      folders.get(a)?.add(b);
      const may = allowed[a];
      if (may !== "*" && !may?.includes(b)) forbidden.push(`${a} -> ${b} (${file} imports ${dep})`);
    }
  }
  return {
    files,
    folders,
    forbidden,
    fileCycles: cycles(files),
    folderCycles: cycles(folders),
    oversized,
  };
}

/** A path matcher for the `linguist-generated` patterns of a .gitattributes file. */
export function generatedMatcher(gitattributes: string, prefix: string): (path: string) => boolean {
  const patterns = [...gitattributes.matchAll(/^(\S+)\s+.*\blinguist-generated(?:=true)?\b/gm)].map(
    (m) => m[1] as string,
  );
  const regexes = patterns.map(
    (p) =>
      new RegExp(
        `^${p
          .replace(/[.+^${}()|[\]\\]/g, "\\$&")
          .replace(/\*\*/g, "%GLOBSTAR%")
          .replace(/\*/g, "[^/]*")
          .replace(/%GLOBSTAR%/g, ".*")}$`,
      ),
  );
  return (path) => regexes.some((r) => r.test(`${prefix}${path}`));
}

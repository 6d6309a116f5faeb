import type { Diagnostic } from "../core/diagnostic.js";
import { writeFileAtomic } from "../core/write.js";
import { loadCatalog } from "../load/catalog.js";
import type { ParsedYaml } from "../load/yaml-source.js";
import { canonicalize, type FormatChange } from "./canonical.js";
import { isCanonical } from "./canonical-check.js";

export interface FileFormat {
  file: string;
  path: string;
  changed: boolean;
  changes: FormatChange[];
  text: string;
}

export interface FormatOutcome {
  /** Syntax errors that stop formatting (the file is left alone). */
  diagnostics: Diagnostic[];
  files: FileFormat[];
}

/** Computes the canonical form of both curated files; writes them unless `check`. */
export async function formatCatalog(
  dataDir: string,
  check: boolean,
  cwd?: string,
): Promise<FormatOutcome> {
  const loaded = await loadCatalog(dataDir, cwd);
  const blocking = loaded.diagnostics.filter((d) => d.severity === "error");
  if (blocking.length > 0) return { diagnostics: blocking, files: [] };
  const files = [
    formatOne(loaded.categories, "categories"),
    formatOne(loaded.projects, "projects"),
  ].filter((f): f is FileFormat => f !== null);
  if (!check) {
    for (const f of files) if (f.changed) await writeFileAtomic(f.path, f.text);
  }
  return { diagnostics: [], files };
}

function formatOne(parsed: ParsedYaml, kind: "projects" | "categories"): FileFormat | null {
  const source = parsed.source;
  if (source === null) return null;
  // A file already canonical is proved so from its lines, without a syntax tree (a file
  // too large for one still takes canonicalize(), which refuses it as before).
  const quick = source.locator === undefined && isCanonical(source.text, parsed.value, kind);
  const { text, changes } = quick ? { text: source.text, changes: [] } : canonicalize(source, kind);
  // The file as read (a byte-order mark, lone CRs): canonical text has neither.
  const original = source.original ?? source.text;
  const changed = text !== original;
  if (changed && changes.length === 0) {
    changes.push({
      line: 1,
      column: 1,
      message: "line ends written as LF, byte-order mark removed",
    });
  }
  return { file: source.file, path: source.path, changed, changes, text };
}

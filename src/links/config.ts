import { access } from "node:fs/promises";
import type { ErrorObject } from "ajv";
import { type Diagnostic, quote, sortDiagnostics } from "../core/diagnostic.js";
import { validateAgainst } from "../core/schema.js";
import { keyPosition, pointerToPath, positionOf } from "../load/locate.js";
import { displayPath, type ParsedYaml, readYaml } from "../load/yaml-source.js";
import type { SkipRule } from "./types.js";

export const LINK_CONFIG_FILE = "link-check.yaml";

export interface LinkConfig {
  /** Path as shown in messages. */
  file: string;
  skip: SkipRule[];
  /** Syntax and schema problems; when there is an error, `skip` is empty. */
  diagnostics: Diagnostic[];
}

/**
 * Reads and validates data/link-check.yaml. A missing file is an empty
 * config, unless the user named it with --config (`required`).
 */
export async function loadLinkConfig(
  path: string,
  options: { cwd?: string; required?: boolean } = {},
): Promise<LinkConfig> {
  const file = displayPath(path, options.cwd);
  if (!options.required && !(await exists(path))) return { file, skip: [], diagnostics: [] };
  return linkConfigFrom(await readYaml(path, options.cwd));
}

/** Validates parsed config YAML against schemas/link-check.schema.json, then for repeated hosts. */
export function linkConfigFrom(parsed: ParsedYaml): LinkConfig {
  const { source, value } = parsed;
  const file = source?.file ?? parsed.diagnostics[0]?.file ?? LINK_CONFIG_FILE;
  const diagnostics = [...parsed.diagnostics];
  if (source === null || value === undefined) return { file, skip: [], diagnostics };
  if (value === null) return { file, skip: [], diagnostics }; // an empty file: nothing to skip
  for (const error of dedupe(validateAgainst("link-check", value))) {
    const path = pointerToPath(error.instancePath);
    const pos =
      error.keyword === "additionalProperties"
        ? keyPosition(source, path, String(error.params.additionalProperty))
        : positionOf(source, path);
    diagnostics.push({
      file,
      ...pos,
      severity: "error",
      rule: "schema",
      message: message(error, path),
    });
  }
  if (diagnostics.some((d) => d.severity === "error")) {
    return { file, skip: [], diagnostics: sortDiagnostics(diagnostics) };
  }
  const rows = (value as { skip?: Array<{ host: string; reason: string }> }).skip ?? [];
  const skip: SkipRule[] = [];
  rows.forEach((row, i) => {
    const pos = positionOf(source, ["skip", i, "host"]);
    if (skip.some((s) => s.host === row.host)) {
      diagnostics.push({
        file,
        ...pos,
        severity: "error",
        rule: "duplicate-host",
        message: `host ${quote(row.host)} is listed twice; keep one entry`,
      });
    }
    skip.push({ host: row.host, reason: row.reason, file, ...pos });
  });
  const failed = diagnostics.some((d) => d.severity === "error");
  return { file, skip: failed ? [] : skip, diagnostics: sortDiagnostics(diagnostics) };
}

/** pattern + maxLength on one value say the same thing: keep the first error per place. */
function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath}|${e.keyword === "additionalProperties" ? e.params.additionalProperty : ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function message(error: ErrorObject, path: Array<string | number>): string {
  const field = path.filter((p) => typeof p === "string").at(-1);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown key ${quote(p.additionalProperty)}; allowed: ${path.length === 0 ? "skip" : "host, reason"}`;
    case "required":
      return `missing \`${String(p.missingProperty)}\`; each skip entry needs a host and the reason`;
    case "type":
      if (path.length === 0) return "the file must be a mapping with a `skip:` list";
      return `\`${field ?? "value"}\` must be ${String(p.type) === "array" ? "a list" : `a ${String(p.type)}`}`;
    case "pattern":
      return field === "host"
        ? "`host` must be a lowercase host name without scheme, port or path, e.g. `npmjs.com`"
        : `\`${field ?? "value"}\` must be one line of text`;
    case "minLength":
      return `\`${field ?? "value"}\` is too short; say why the host cannot be checked`;
    default:
      return `\`${field ?? "value"}\` ${error.message ?? "is invalid"}`;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

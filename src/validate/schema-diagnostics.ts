import type { ErrorObject } from "ajv";
import { type Diagnostic, quote } from "../core/diagnostic.js";
import { normalizeRepo } from "../core/repo-url.js";
import { type SchemaName, validateAgainst } from "../core/schema.js";
import { didYouMean } from "../core/suggest.js";
import { keyPosition, pointerToPath, positionOf } from "../load/locate.js";
import type { YamlSource } from "../load/yaml-source.js";
import { maintenanceMessage } from "./maintenance-message.js";

const KEYS: Record<"projects" | "categories", string[]> = {
  projects: ["name", "repo", "homepage", "category", "tags", "description", "maintenance"],
  categories: ["id", "name", "description"],
};

const ROOT_SHAPE: Record<"projects" | "categories", string> = {
  projects: "a YAML list of projects, each starting with `- name: …`",
  categories: "a YAML list of categories, each starting with `- id: …`",
};

/** Validates parsed data against its JSON Schema; one located, actionable diagnostic per problem. */
export function schemaDiagnostics(
  name: "projects" | "categories",
  source: YamlSource,
  value: unknown,
  /** Entries not to check (a syntax error already reported touches them). */
  skip?: ReadonlySet<number>,
): Diagnostic[] {
  if (value === null || value === undefined) {
    return [diag(source, 1, 1, `the file is empty; it must be ${ROOT_SHAPE[name]}`, "schema")];
  }
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of validateAgainst(name as SchemaName, value)) {
    if (skip?.has(pointerToPath(error.instancePath)[0] as number)) continue;
    const key = dedupeKey(error);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(toDiagnostic(name, source, value, error));
  }
  return out;
}

/** Text keywords on one value (pattern, format, length) say the same thing: one message for them. */
const TEXT_KEYWORDS = new Set(["pattern", "format", "minLength", "maxLength"]);

function dedupeKey(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  const what = TEXT_KEYWORDS.has(error.keyword)
    ? "text"
    : `${error.keyword}:${String(p.additionalProperty ?? p.missingProperty ?? "")}`;
  return `${error.instancePath}|${what}`;
}

function toDiagnostic(
  name: "projects" | "categories",
  source: YamlSource,
  root: unknown,
  error: ErrorObject,
): Diagnostic {
  const path = pointerToPath(error.instancePath);
  const field = path.filter((p) => typeof p === "string").at(-1);
  const value = valueAt(root, path);
  const p = error.params as Record<string, unknown>;
  const special = name === "projects" ? maintenanceMessage(error, path, value) : undefined;
  if (error.keyword === "additionalProperties") {
    const extra = String(p.additionalProperty);
    const pos = keyPosition(source, path, extra);
    return diag(
      source,
      pos.line,
      pos.column,
      special ??
        `unknown key ${quote(extra)}${didYouMean(extra, KEYS[name])}; allowed keys: ${KEYS[name].join(", ")}`,
      "schema",
    );
  }
  // A repeated tag is shown where it repeats, not at the start of the list.
  const at = error.keyword === "uniqueItems" ? [...path, Number(p.j)] : path;
  const pos = positionOf(source, at);
  const text = special ?? message(name, error, field, value, path);
  return diag(source, pos.line, pos.column, text, "schema");
}

function message(
  name: "projects" | "categories",
  error: ErrorObject,
  field: string | undefined,
  value: unknown,
  path: Array<string | number>,
): string {
  const p = error.params as Record<string, unknown>;
  const label = field === undefined ? "this entry" : `\`${field}\``;
  switch (error.keyword) {
    case "type":
      if (path.length === 0) return `the file must be ${ROOT_SHAPE[name]}`;
      if (path.length === 1)
        return `each entry must be a mapping of keys (\`key: value\`), not ${describe(value)}`;
      return `${label} must be ${article(String(p.type))}, not ${describe(value)}`;
    case "required":
      return `missing required key \`${String(p.missingProperty)}\`; add it to this entry`;
    case "minLength":
      return `${label} must not be empty`;
    case "maxLength":
      return `${label} is ${(value as string).length} characters long; shorten it to at most ${String(p.limit)}`;
    case "maxItems":
      return `${label} has ${(value as unknown[]).length} items; keep at most ${String(p.limit)}`;
    case "minItems":
      return path.length === 0
        ? `the file must not be empty; it must be ${ROOT_SHAPE[name]}`
        : `${label} must not be empty`;
    case "uniqueItems":
      return `${label} lists ${quote((value as unknown[])[Number(p.j)])} twice; remove the repeat`;
    case "pattern":
    case "format":
      return formatMessage(field, value);
    default:
      return `${label} ${error.message ?? "is invalid"}`;
  }
}

function formatMessage(field: string | undefined, value: unknown): string {
  const v = quote(value);
  switch (field) {
    case "repo": {
      const fixed = typeof value === "string" ? normalizeRepo(value) : undefined;
      if (fixed === undefined || fixed === value) {
        return `\`repo\` ${v} is not a GitHub \`owner/name\`, e.g. \`falcosecurity/falco\``;
      }
      const what = /^[^/:]+\/[^/]+\/?$/.test(String(value).trim()) ? "" : ", not a URL";
      return `\`repo\` must be \`owner/name\`${what}: write \`${fixed}\` (\`cooltech fmt\` does this for you)`;
    }
    case "homepage":
      return `\`homepage\` ${v} must be an https URL without user name or password, e.g. \`https://falco.org/\``;
    case "tags":
      return `tag ${v} must be lowercase kebab-case, e.g. \`runtime-security\``;
    case "category":
    case "id":
      return `\`${field}\` ${v} must be a lowercase kebab-case id, e.g. \`chaos-engineering\``;
    default:
      return `\`${field ?? "value"}\` ${v} must be one line of text without leading or trailing spaces, control or invisible characters`;
  }
}

function valueAt(root: unknown, path: Array<string | number>): unknown {
  let v: unknown = root;
  for (const k of path) v = (v as Record<string | number, unknown> | undefined)?.[k];
  return v;
}

function describe(value: unknown): string {
  if (value === null) return "empty (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${article(typeof value)} (${quote(value, 30)})`;
}

function article(type: string): string {
  const t = type.replace(",", " or ").replace("array", "list").replace("object", "mapping");
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function diag(
  source: YamlSource,
  line: number,
  column: number,
  message: string,
  rule: string,
): Diagnostic {
  return { file: source.file, line, column, severity: "error", rule, message };
}

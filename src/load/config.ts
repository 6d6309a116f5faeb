/**
 * data/cooltech.yaml: the directory's title, tagline and public URL, and the
 * months without a push after which a project is marked inactive, checked
 * against schemas/config.schema.json. A missing file, or a key that is not
 * set, takes the default (core/branding.ts); a key with an error also takes
 * the default, and the error is reported at its line, so one typo never
 * stops a build.
 */
import { access } from "node:fs/promises";
import { join } from "node:path";
import type { ErrorObject } from "ajv";
import { type Branding, DEFAULT_BRANDING } from "../core/branding.js";
import { type Diagnostic, quote, sortDiagnostics } from "../core/diagnostic.js";
import { validateAgainst } from "../core/schema.js";
import { didYouMean } from "../core/suggest.js";
import { keyPosition, pointerToPath, positionOf } from "./locate.js";
import { displayPath, type ParsedYaml, readYaml } from "./yaml-source.js";

export const CONFIG_FILE = "cooltech.yaml";
const KEYS = ["title", "tagline", "url", "inactiveAfterMonths"] as const;

/** A project with no push for this many months (before refreshedAt) is marked inactive. */
export const DEFAULT_INACTIVE_AFTER_MONTHS = 12;

export interface LoadedConfig {
  /** Path as shown in messages. */
  file: string;
  branding: Branding;
  /** `inactiveAfterMonths` (see generate/maintenance.ts). */
  inactiveAfterMonths: number;
  diagnostics: Diagnostic[];
}

export async function loadConfig(dataDir: string, cwd?: string): Promise<LoadedConfig> {
  const path = join(dataDir, CONFIG_FILE);
  const present = await access(path).then(
    () => true,
    () => false,
  );
  if (!present) {
    return {
      file: displayPath(path, cwd),
      branding: { ...DEFAULT_BRANDING },
      inactiveAfterMonths: DEFAULT_INACTIVE_AFTER_MONTHS,
      diagnostics: [],
    };
  }
  return configFrom(await readYaml(path, cwd));
}

/** The branding from parsed YAML: every valid key, the default for the rest. */
export function configFrom(parsed: ParsedYaml): LoadedConfig {
  const { source, value } = parsed;
  const file = source?.file ?? parsed.diagnostics[0]?.file ?? CONFIG_FILE;
  const branding: Branding = { ...DEFAULT_BRANDING };
  let inactiveAfterMonths = DEFAULT_INACTIVE_AFTER_MONTHS;
  const diagnostics = [...parsed.diagnostics];
  if (source === null || value === undefined || value === null) {
    return { file, branding, inactiveAfterMonths, diagnostics };
  }
  const bad = new Set<string>();
  const seen = new Set<string>();
  for (const error of validateAgainst("config", value)) {
    const path = pointerToPath(error.instancePath);
    const extra = error.keyword === "additionalProperties";
    const key = extra ? String(error.params.additionalProperty) : String(path[0] ?? "");
    if (seen.has(`${extra}|${key}`)) continue;
    seen.add(`${extra}|${key}`);
    if (!extra) bad.add(key);
    const pos = extra ? keyPosition(source, path, key) : positionOf(source, path);
    diagnostics.push({
      file,
      ...pos,
      severity: "error",
      rule: "schema",
      message: message(error, key),
    });
  }
  if (typeof value === "object" && !Array.isArray(value) && !bad.has("")) {
    const v = value as Record<string, unknown>;
    if (typeof v.title === "string" && !bad.has("title")) branding.title = v.title.trim();
    if (typeof v.tagline === "string" && !bad.has("tagline")) branding.tagline = v.tagline.trim();
    if (typeof v.url === "string" && !bad.has("url")) branding.url = v.url.replace(/\/+$/, "");
    const months = v.inactiveAfterMonths;
    if (typeof months === "number" && !bad.has("inactiveAfterMonths")) inactiveAfterMonths = months;
  }
  return { file, branding, inactiveAfterMonths, diagnostics: sortDiagnostics(diagnostics) };
}

function message(error: ErrorObject, key: string): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown key ${quote(key)}${didYouMean(key, [...KEYS])}; allowed keys: ${KEYS.join(", ")}`;
    case "type":
      if (key === "") return "the file must be a mapping, e.g. `title: My List` on its own line";
      return key === "inactiveAfterMonths"
        ? `\`inactiveAfterMonths\` must be a whole number of months, e.g. 12; the default (${DEFAULT_INACTIVE_AFTER_MONTHS}) is used`
        : `\`${key}\` must be a ${String(p.type)}; the default is used`;
    case "minimum":
    case "maximum":
      return `\`${key}\` must be from 1 to 600 months, e.g. 12; the default (${DEFAULT_INACTIVE_AFTER_MONTHS}) is used`;
    case "pattern":
      return key === "url"
        ? "`url` must be an https URL without query or fragment, e.g. https://OWNER.github.io/REPO/; none is used"
        : `\`${key}\` must be one line of visible text; the default is used`;
    case "minLength":
      return `\`${key}\` is empty; write the text or remove the key to use the default`;
    case "maxLength":
      return `\`${key}\` is longer than ${String(p.limit)} characters; the default is used`;
    default:
      return `\`${key || "value"}\` ${error.message ?? "is invalid"}; the default is used`;
  }
}

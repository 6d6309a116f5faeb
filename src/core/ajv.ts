import { createRequire } from "node:module";
import type { Options } from "ajv";
import type { Ajv2020 } from "ajv/dist/2020.js";

// Ajv is loaded synchronously and only when a schema has to be compiled at run
// time: the usual schemas are precompiled (compiled-schemas.ts), so the CLI
// does not pay for loading Ajv (~100-300 ms) on every run.
const require = createRequire(import.meta.url);

/**
 * Annotations for editors (yaml-language-server, VS Code): human messages for
 * patterns, Markdown hovers, completion snippets. Validation ignores them
 * (its messages come from schema-diagnostics.ts); strict mode must know them.
 */
export const EDITOR_KEYWORDS = [
  "patternErrorMessage",
  "errorMessage",
  "markdownDescription",
  "markdownEnumDescriptions",
  "enumDescriptions",
  "defaultSnippets",
] as const;

/** The one Ajv configuration, shared by run-time compilation and the precompiler. */
export function createAjv(options: Options = {}): Ajv2020 {
  const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, ...options });
  addFormats(ajv, ["uri", "date-time"]);
  ajv.addVocabulary([...EDITOR_KEYWORDS]);
  return ajv;
}

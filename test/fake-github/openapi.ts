/**
 * Validators for GitHub's REST schemas from @octokit/openapi (`generated/api.github.com.json`,
 * read directly: the package entry loads every variant, ~400 MB). OpenAPI 3.0's `nullable`
 * becomes a JSON Schema type union so plain Ajv checks it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import * as formatsModule from "ajv-formats";

const SPEC_ID = "https://api.github.com/openapi.json";

type Json = unknown;

/** `{type: "string", nullable: true}` → `{type: ["string", "null"]}` (anyOf when untyped). */
export function denullable(node: Json): Json {
  if (Array.isArray(node)) return node.map(denullable);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) out[key] = denullable(value);
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: "null" }] };
}

type Schemas = Record<string, Json>;

let loaded: { ajv: Ajv; schemas: Schemas } | undefined;
const validators = new Map<string, ValidateFunction>();

function load(): { ajv: Ajv; schemas: Schemas } {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve(
    "@octokit/openapi/generated/api.github.com.json",
  );
  const spec = JSON.parse(readFileSync(file, "utf8")) as { components: { schemas: Schemas } };
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  // ajv-formats is CommonJS; its plugin is the default export.
  const addFormats = (formatsModule as unknown as { default: (a: Ajv) => Ajv }).default;
  addFormats(ajv);
  ajv.addFormat("int64", true);
  ajv.addFormat("uri-template", true);
  loaded = { ajv, schemas: spec.components.schemas };
  return loaded;
}

/** `name` and every schema it references, transitively (compiling all ~1,000 is slow). */
function closure(schemas: Schemas, name: string): Schemas {
  const out: Schemas = {};
  const pending = [name];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next in out || !(next in schemas)) continue;
    out[next] = denullable(schemas[next]);
    JSON.stringify(schemas[next], (key, value) => {
      if (key === "$ref" && typeof value === "string") pending.push(value.split("/").at(-1) ?? "");
      return value;
    });
  }
  return out;
}

/** A validator for `#/components/schemas/<name>`, e.g. "full-repository", "release". */
export function restSchema(name: string): ValidateFunction {
  const cached = validators.get(name);
  if (cached) return cached;
  const { ajv, schemas } = load();
  if (!(name in schemas)) throw new Error(`no schema "${name}" in GitHub's OpenAPI description`);
  const id = `${SPEC_ID}?schema=${encodeURIComponent(name)}`;
  ajv.addSchema({ $id: id, components: { schemas: closure(schemas, name) } });
  const validate = ajv.getSchema(`${id}#/components/schemas/${name}`);
  if (!validate) throw new Error(`cannot compile schema "${name}"`);
  validators.set(name, validate);
  return validate;
}

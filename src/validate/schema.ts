import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

export type SchemaName = "projects" | "categories" | "directory" | "link-check";

const cache = new Map<SchemaName, ValidateFunction>();
let ajv: Ajv2020 | undefined;

/** Folder of the JSON Schemas: `schemas/` at the repository root (this file runs from dist/src/validate/). */
export const schemasDir = new URL("../../../schemas/", import.meta.url);

export function readSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.schema.json`, schemasDir), "utf8"));
}

/** Compiled validators, built once per process on first use. */
export function schemaValidator(name: SchemaName): ValidateFunction {
  let fn = cache.get(name);
  if (fn === undefined) {
    if (ajv === undefined) {
      ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
      addFormats.default(ajv, ["uri", "date-time"]);
    }
    fn = ajv.compile(readSchema(name));
    cache.set(name, fn);
  }
  return fn;
}

export function validateAgainst(name: SchemaName, value: unknown): ErrorObject[] {
  const fn = schemaValidator(name);
  return fn(value) ? [] : [...(fn.errors ?? [])];
}

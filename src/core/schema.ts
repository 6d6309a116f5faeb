import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv";
import { createAjv } from "./ajv.js";
import { precompiled } from "./generated/compiled-schemas.js";

export type SchemaName =
  | "projects"
  | "categories"
  | "directory"
  | "changes"
  | "link-check"
  | "config";

const cache = new Map<SchemaName, ValidateFunction>();

/** Folder of the JSON Schemas: `schemas/` at the repository root (this file runs from dist/src/validate/). */
export const schemasDir = new URL("../../../schemas/", import.meta.url);

export function readSchemaText(name: SchemaName): string {
  return readFileSync(new URL(`${name}.schema.json`, schemasDir), "utf8");
}

export function readSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readSchemaText(name));
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The validator of a schema, built once per process on first use: the
 * precompiled one when it was generated from the schema file as it is now,
 * else compiled by Ajv at run time (slower to start, same result).
 */
export function schemaValidator(name: SchemaName): ValidateFunction {
  let fn = cache.get(name);
  if (fn === undefined) {
    const text = readSchemaText(name);
    const pre = precompiled[name as keyof typeof precompiled];
    fn =
      pre !== undefined && pre.sha256 === sha256(text)
        ? pre.validate
        : createAjv().compile(JSON.parse(text));
    cache.set(name, fn);
  }
  return fn;
}

export function validateAgainst(name: SchemaName, value: unknown): ErrorObject[] {
  const fn = schemaValidator(name);
  return fn(value) ? [] : [...(fn.errors ?? [])];
}

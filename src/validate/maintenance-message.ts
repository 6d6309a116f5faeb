/** Plain messages for the `maintenance` mapping of a project (schema-diagnostics.ts locates them). */
import type { ErrorObject } from "ajv";
import { code, quote } from "../core/diagnostic.js";
import type { CuratedMaintenanceStatus } from "../core/model.js";
import { didYouMean } from "../core/suggest.js";

/** The keys of a `maintenance` mapping, in canonical order (`cooltech fmt`). */
export const MAINTENANCE_KEYS = ["status", "note"];

export const MAINTENANCE_STATUSES: readonly CuratedMaintenanceStatus[] = [
  "active",
  "feature-complete",
  "deprecated",
  "inactive",
];

const EXAMPLE =
  "`maintenance:` then, indented under it, `status: feature-complete` and `note: stable; no changes needed`";

/**
 * The message for an error inside (or on) a project's `maintenance`, or
 * undefined when the error is about something else. `path` is the error's
 * path in the file: [entry index, "maintenance", ...].
 */
export function maintenanceMessage(
  error: ErrorObject,
  path: ReadonlyArray<string | number>,
  value: unknown,
): string | undefined {
  if (path[1] !== "maintenance") return undefined;
  const p = error.params as Record<string, unknown>;
  const field = path[2];
  if (field === undefined) {
    switch (error.keyword) {
      case "type":
        return `\`maintenance\` must be a mapping, not ${typeof value === "string" ? `the text ${quote(value, 30)}` : describe(value)}; write ${EXAMPLE}`;
      case "required":
        return `\`maintenance\` needs a \`status\`: add \`status: ${MAINTENANCE_STATUSES[1]}\` (or ${others(1)}) under it`;
      case "additionalProperties": {
        const extra = String(p.additionalProperty);
        return `unknown key ${quote(extra)} in \`maintenance\`${didYouMean(extra, MAINTENANCE_KEYS)}; allowed keys: ${MAINTENANCE_KEYS.join(", ")}`;
      }
      default:
        return undefined;
    }
  }
  if (field === "status") {
    const hint = typeof value === "string" ? didYouMean(value, MAINTENANCE_STATUSES) : "";
    return `\`status\` ${code(value)} is not a maintenance status${hint}; use one of: ${MAINTENANCE_STATUSES.join(", ")}`;
  }
  if (field === "note" && error.keyword === "type") {
    return `\`note\` must be text, not ${describe(value)}; quote it, e.g. \`note: "stable; no changes needed"\``;
  }
  return undefined;
}

const others = (skip: number): string =>
  MAINTENANCE_STATUSES.filter((_, i) => i !== skip)
    .map((s) => `\`${s}\``)
    .join(", ");

function describe(value: unknown): string {
  if (value === null) return "empty (null)";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object"
    ? "a mapping"
    : `a ${typeof value} (${String(value).slice(0, 30)})`;
}

/**
 * Prints plain catalog values as canonical YAML, the way `cooltech fmt`
 * prints them (yaml's printer with lineWidth 0, plain scalars where yaml
 * allows them, lists as flow lists), ~20x faster than building a yaml
 * Document for thousands of entries. Any value yaml would not print plain is
 * printed by yaml itself. Tests check the output is what `fmt` leaves alone.
 */
import { stringify } from "yaml";
import { PRINT_OPTIONS } from "../edit/canonical.js";
import { NOT_STRING } from "../load/fast-yaml.js";

/** yaml's own test (stringifyString.js plainString) for a string it must quote. */
const NEEDS_QUOTES =
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

// biome-ignore lint/suspicious/noControlCharactersInRegex: characters yaml escapes
const SPECIAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

function scalar(value: string, inFlow: boolean): string {
  const plain =
    !NEEDS_QUOTES.test(value) &&
    !SPECIAL.test(value) &&
    !NOT_STRING.some((re) => re.test(value)) &&
    !(inFlow && /[,[\]{}]/.test(value));
  return plain ? value : stringify(value, PRINT_OPTIONS).replace(/\n$/, "");
}

function field(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => scalar(String(v), true)).join(", ")}]`;
  return scalar(String(value), false);
}

/** A block list of flat mappings (keys in the order given), one `key: value` per line. */
export function emitList(values: ReadonlyArray<Record<string, unknown>>): string {
  if (values.length === 0) return "[]\n";
  const out: string[] = [];
  for (const v of values) {
    let first = true;
    for (const [key, value] of Object.entries(v)) {
      if (value === undefined) continue;
      out.push(`${first ? "- " : "  "}${key}: ${field(value)}`);
      first = false;
    }
  }
  return `${out.join("\n")}\n`;
}

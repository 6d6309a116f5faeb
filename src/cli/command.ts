import type { ParseArgsConfig } from "node:util";
import { UsageError } from "./errors.js";
import type { Io } from "./io.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** Parsed command line handed to a command. */
export interface Args {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/** One CLI command: its help text, its options, and a function that returns the exit code. */
export interface Command {
  name: string;
  /** One line for `cooltech --help`. */
  summary: string;
  /** Full `--help` text (usage line, options, examples). */
  help: string;
  options: OptionSpec;
  allowPositionals?: boolean;
  run(args: Args, io: Io): Promise<number>;
}

/** Options every command takes. */
export const commonOptions = {
  data: { type: "string", default: "data" },
  help: { type: "boolean", short: "h", default: false },
} as const satisfies OptionSpec;

export function stringOpt(args: Args, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === "string" ? v : undefined;
}

export function boolOpt(args: Args, name: string): boolean {
  return args.values[name] === true;
}

export function listOpt(args: Args, name: string): string[] {
  const v = args.values[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return typeof v === "string" ? [v] : [];
}

/** An integer option within [min, max], or undefined when absent. */
export function intOpt(args: Args, name: string, min: number, max: number): number | undefined {
  const value = stringOpt(args, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not '${value}'`);
  }
  return n;
}

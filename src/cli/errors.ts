/**
 * Exit codes and the errors only the command line knows. runMain maps every
 * error to an exit code here, in one place; stages throw domain errors
 * (src/core/errors.ts) that carry a kind, never a code.
 */
import type { UserErrorKind } from "../core/errors.js";

/** Exit codes, documented in the README. */
export const ExitCode = {
  ok: 0,
  /** Invalid data, a failed check, or `fmt --check` found changes. */
  invalid: 1,
  /** Bad command line. */
  usage: 2,
  /** `refresh` wrote the directory but some entries are stale or missing, or it was stopped early. */
  incomplete: 3,
  /** A file could not be read or written (permissions, disk full, ...). */
  io: 4,
  /**
   * `refresh` / `build` wrote the directory, but the curated data has errors:
   * invalid entries kept their last-known record or were left out.
   */
  partial: 5,
  /** Another run holds the data folder's lock (`refresh`, `build`): nothing was done. */
  busy: 6,
  /** A bug: please report it. */
  internal: 70,
} as const;

/** The exit code of a domain error of this kind. */
export function exitCodeOf(kind: UserErrorKind): number {
  return ExitCode[kind];
}

/** A mistake on the command line: printed with a hint to see --help, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

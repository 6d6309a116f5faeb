/**
 * The few error classes the CLI turns into exit codes (decided in one place,
 * `runMain`). Anything else that escapes a command is an internal error.
 */

/** Exit codes, documented in the README. */
export const ExitCode = {
  ok: 0,
  /** Invalid data, a failed check, or `fmt --check` found changes. */
  invalid: 1,
  /** Bad command line. */
  usage: 2,
  /** `refresh` wrote the directory but some entries are stale or missing. */
  incomplete: 3,
  /** A file could not be read or written (permissions, disk full, ...). */
  io: 4,
  /**
   * `refresh` / `build` wrote the directory, but the curated data has errors:
   * invalid entries kept their last-known record or were left out.
   */
  partial: 5,
  /** A bug: please report it. */
  internal: 70,
} as const;

/** A mistake on the command line: printed with a hint, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * A problem the user can fix (a missing file, an unwritable folder, a bad
 * token): printed as a message without a stack trace.
 */
export class UserError extends Error {
  override name = "UserError";
  readonly exitCode: number;
  constructor(message: string, exitCode: number = ExitCode.invalid, options?: ErrorOptions) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

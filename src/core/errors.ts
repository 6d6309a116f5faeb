/**
 * Domain errors: a problem the user can fix, with a kind saying what sort of
 * problem it is. They carry no exit code: only src/cli/ (runMain) maps a kind
 * to an exit code. Anything else that escapes a command is an internal error.
 */

/**
 * - `invalid`: invalid data or a failed check (a corrupt directory.json, an expired token).
 * - `usage`: a value the user gave cannot be used (a git ref, a setting in the environment).
 * - `io`: a file could not be read or written (permissions, disk full, ...).
 */
export type UserErrorKind = "invalid" | "usage" | "io";

/**
 * A problem the user can fix (a missing file, an unwritable folder, a bad
 * token): printed as a message without a stack trace.
 */
export class UserError extends Error {
  override name = "UserError";
  readonly kind: UserErrorKind;
  constructor(message: string, kind: UserErrorKind = "invalid", options?: ErrorOptions) {
    super(message, options);
    this.kind = kind;
  }
}

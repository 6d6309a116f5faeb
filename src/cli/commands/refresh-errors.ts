/** The refresh stage's errors as the CLI reports them. */
import { UserError } from "../../core/errors.js";
import { LookupAuthError, LookupEndpointError } from "../../github/lookup.js";
import { DirectoryError } from "../../load/directory.js";
import { HistoryError } from "../../refresh/history.js";
import type { RefreshResult } from "../../refresh/refresh.js";
import { UnknownEntryError } from "../../refresh/select.js";
import { UsageError } from "../errors.js";

/**
 * Runs the refresh, turning what the user can fix into messages (runMain gives
 * the exit code; a LockBusyError, another run holding the folder, is exit 6 there).
 */
export async function withUserErrors(run: () => Promise<RefreshResult>): Promise<RefreshResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UnknownEntryError) throw new UsageError(error.message);
    if (error instanceof DirectoryError || error instanceof HistoryError) {
      throw new UserError(error.message);
    }
    if (error instanceof LookupEndpointError) {
      // A configuration error, like a malformed URL: exit 2 (usage), nothing written.
      throw new UserError(`${error.message}. Nothing was written.`, "usage");
    }
    if (error instanceof LookupAuthError) {
      throw new UserError(
        `${error.message}: check GITHUB_TOKEN / GH_TOKEN (expired or revoked?), or unset both to use the REST API without a token. Nothing was written.`,
      );
    }
    throw error;
  }
}

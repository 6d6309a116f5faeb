import type { Diagnostic } from "../core/diagnostic.js";
import type { LinkCheckOutcome } from "./run.js";

/**
 * The `--format json` report of check-links, printed whatever happened:
 * `status` "checked", "offline" (no host answered: exit 4, nothing reported
 * dead) or "not-checked" (projects.yaml or the config unusable: exit 1), the
 * `reason` when not checked, the counts, the hosts skipped by the config with
 * their reason, and the diagnostics as `validate --format json` prints them.
 */
export function linkJson(outcome: LinkCheckOutcome, offlineReason: string): string {
  const { report, offline } = outcome;
  const status = offline ? "offline" : report === null ? "not-checked" : "checked";
  const reason =
    status === "offline"
      ? offlineReason
      : status === "not-checked"
        ? "projects.yaml or the link-check config cannot be used: see the diagnostics"
        : null;
  const json = {
    status,
    reason,
    counts: report?.counts ?? null,
    skipped: outcome.skipped.map(({ rule, links }) => ({
      host: rule.host,
      reason: rule.reason,
      links,
    })),
    diagnostics: outcome.diagnostics.map(row),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function row({ file, line, column, severity, rule, message }: Diagnostic) {
  return { file, line, column, severity, rule, message };
}

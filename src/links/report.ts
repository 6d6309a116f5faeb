import { type Diagnostic, quote, sortDiagnostics } from "../core/diagnostic.js";
import { plural } from "../core/format.js";
import type { LinkResult, LinkTarget, SkipRule } from "./types.js";

/** Rule ids of the link check (documented in the README). */
export const LINK_RULES = {
  dead: "dead-link",
  moved: "moved-link",
  unverified: "unverified-link",
  /** Also targets.ts: a link that cannot be checked at all. */
  unchecked: "unchecked-link",
} as const;

export interface LinkReport {
  diagnostics: Diagnostic[];
  counts: {
    links: number;
    urls: number;
    dead: number;
    moved: number;
    unverified: number;
    skipped: number;
    /** Not reached before a deadline (per URL, per host, --max-time). */
    unchecked: number;
  };
  /** Skipped links grouped by config rule, for the summary. */
  skipped: Array<{ rule: SkipRule; links: number }>;
}

/**
 * Turns results into located diagnostics: dead = error (the one thing that
 * fails the run), a permanent redirect = warning with the new URL, anything we
 * could not verify = warning; skipped hosts only appear in the summary.
 */
export function reportLinks(
  targets: readonly LinkTarget[],
  results: ReadonlyMap<string, LinkResult>,
  options: { githubUrl: string; configFile: string },
): LinkReport {
  const diagnostics: Diagnostic[] = [];
  const counts = {
    links: targets.length,
    urls: results.size,
    dead: 0,
    moved: 0,
    unverified: 0,
    skipped: 0,
    unchecked: 0,
  };
  const skipped = new Map<SkipRule, number>();
  for (const t of targets) {
    const r = results.get(t.url);
    if (r === undefined) continue;
    const at = { file: t.file, line: t.line, column: t.column };
    const what =
      t.field === "repo" ? `repo ${quote(t.value)} (${t.url})` : `homepage ${quote(t.value)}`;
    if (r.movedTo !== undefined && r.status !== "dead") {
      counts.moved++;
      diagnostics.push({
        ...at,
        severity: "warning",
        rule: LINK_RULES.moved,
        message: movedMessage(t, r, r.movedTo, options.githubUrl),
      });
    }
    if (r.status === "dead") {
      counts.dead++;
      const fix = t.field === "repo" ? "fix `repo` or remove it" : "fix the URL or remove it";
      diagnostics.push({
        ...at,
        severity: "error",
        rule: LINK_RULES.dead,
        message: `${what} is dead: ${r.detail}; ${fix}`,
      });
    } else if (r.status === "unverified") {
      counts.unverified++;
      const host = new URL(r.finalUrl).hostname;
      const message = r.refused
        ? `${what} could not be verified: ${r.detail}; ${host} refuses automated checks: if it works in a browser, add it to ${options.configFile} with a reason`
        : `${what} could not be verified: ${r.detail}; check it in a browser`;
      diagnostics.push({ ...at, severity: "warning", rule: LINK_RULES.unverified, message });
    } else if (r.status === "unchecked") {
      counts.unchecked++;
      diagnostics.push({
        ...at,
        severity: "warning",
        rule: LINK_RULES.unchecked,
        message: `${what} was not checked: ${r.detail}; the next run checks it again (raise --max-time or --timeout if this keeps happening)`,
      });
    } else if (r.status === "skipped" && r.skip) {
      counts.skipped++;
      skipped.set(r.skip, (skipped.get(r.skip) ?? 0) + 1);
    }
  }
  return {
    diagnostics: sortDiagnostics(diagnostics),
    counts,
    skipped: [...skipped].map(([rule, links]) => ({ rule, links })),
  };
}

function movedMessage(t: LinkTarget, r: LinkResult, to: string, githubUrl: string): string {
  const status = r.hops[0]?.status ?? 301;
  if (t.field === "repo") {
    const prefix = `${githubUrl}/`;
    const rest = to.startsWith(prefix) ? to.slice(prefix.length).replace(/\/$/, "") : "";
    if (/^[^/]+\/[^/]+$/.test(rest)) {
      return `repo ${quote(t.value)} moved to ${quote(rest)} (${status} from ${t.url}); update \`repo\` to \`${rest}\``;
    }
    return `repo ${quote(t.value)} (${t.url}) redirects permanently (${status}) to ${quote(to)}; check where the project lives now`;
  }
  return `homepage ${quote(t.value)} redirects permanently (${status}) to ${quote(to, 200)}; update it`;
}

/** One line for stderr, e.g. `40 links (38 URLs): 1 dead, 2 moved, 1 unverified, 3 skipped`. */
export function linkSummary(report: LinkReport): string {
  const c = report.counts;
  const unchecked = c.unchecked > 0 ? `, ${c.unchecked} unchecked (a deadline ran out)` : "";
  return `${plural(c.links, "link")} (${plural(c.urls, "URL")}): ${c.dead} dead, ${c.moved} moved, ${c.unverified} unverified, ${c.skipped} skipped${unchecked}`;
}

/** `skipped npmjs.com (2 links): reason`, one line per config rule that skipped something. */
export function skippedLines(skipped: LinkReport["skipped"]): string[] {
  return skipped.map(
    ({ rule, links }) => `skipped ${rule.host} (${plural(links, "link")}): ${rule.reason}`,
  );
}

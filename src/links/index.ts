/** Link checking (`cooltech check-links`): the public API. */
export { type CheckOptions, checkLinks, LINK_DEFAULTS, skipRuleFor } from "./check.js";
export { statusText } from "./check-url.js";
export { LINK_CONFIG_FILE, type LinkConfig, linkConfigFrom, loadLinkConfig } from "./config.js";
export { createLinkAgent } from "./http.js";
export { linkJson } from "./json.js";
export { LINK_RULES, type LinkReport, linkSummary, reportLinks, skippedLines } from "./report.js";
export { type LinkCheckInput, type LinkCheckOutcome, runLinkCheck } from "./run.js";
export { linkSummaryMarkdown } from "./summary.js";
export { collectLinkTargets, githubBase } from "./targets.js";
export type { Hop, LinkField, LinkResult, LinkStatus, LinkTarget, SkipRule } from "./types.js";

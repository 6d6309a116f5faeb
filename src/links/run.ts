import { join } from "node:path";
import { type Diagnostic, hasErrors, sortDiagnostics } from "../core/diagnostic.js";
import { loadCatalog } from "../load/catalog.js";
import { type CheckOptions, checkLinks } from "./check.js";
import { LINK_CONFIG_FILE, loadLinkConfig } from "./config.js";
import { type LinkReport, reportLinks } from "./report.js";
import { collectLinkTargets } from "./targets.js";
import type { LinkResult } from "./types.js";

export interface LinkCheckInput {
  dataDir: string;
  cwd: string;
  /** An explicit --config: it must exist. Default: DIR/link-check.yaml, optional. */
  configPath?: string;
  /** Where `repo` pages live, e.g. `https://github.com` (see githubBase). */
  githubUrl: string;
  check?: Omit<CheckOptions, "skip">;
}

export interface LinkCheckOutcome {
  /** Everything to print, in file/position order. */
  diagnostics: Diagnostic[];
  /** Null when projects.yaml or the config could not be used (the diagnostics say why). */
  report: LinkReport | null;
  /**
   * Set when no host answered at all (every checked URL, on at least
   * OFFLINE_MIN_HOSTS hosts, failed below HTTP): the runner's network is down,
   * which says nothing about the links. The diagnostics are then empty.
   */
  offline?: { urls: number; hosts: number; example: string };
  /** Links not checked because of a rule of the config, by rule (also when offline). */
  skipped: LinkReport["skipped"];
}

/** Fewer hosts than this failing together can be a real outage of those hosts. */
export const OFFLINE_MIN_HOSTS = 3;

/** Loads projects.yaml and the config, checks every link, and reports. */
export async function runLinkCheck(input: LinkCheckInput): Promise<LinkCheckOutcome> {
  const explicit = input.configPath !== undefined;
  const [loaded, config] = await Promise.all([
    loadCatalog(input.dataDir, input.cwd),
    loadLinkConfig(input.configPath ?? join(input.dataDir, LINK_CONFIG_FILE), {
      cwd: input.cwd,
      required: explicit,
    }),
  ]);
  const projects = loaded.projects;
  // Only projects.yaml matters here; a broken categories.yaml is `validate`'s business.
  const unusable = projects.value === undefined || hasErrors(config.diagnostics);
  if (unusable) {
    return {
      diagnostics: sortDiagnostics([...projects.diagnostics, ...config.diagnostics]),
      report: null,
      skipped: [],
    };
  }
  const allowHttp = input.check?.allowHttp === true;
  const collected = collectLinkTargets(projects, { githubUrl: input.githubUrl, allowHttp });
  const results = await checkLinks(
    collected.targets.map((t) => t.url),
    { ...input.check, skip: config.skip },
  );
  const report = reportLinks(collected.targets, results, {
    githubUrl: input.githubUrl,
    configFile: config.file,
  });
  const offline = networkDown(results);
  if (offline) return { diagnostics: [], report: null, offline, skipped: report.skipped };
  return {
    skipped: report.skipped,
    diagnostics: sortDiagnostics([
      ...config.diagnostics,
      ...collected.diagnostics,
      ...report.diagnostics,
    ]),
    report,
  };
}

function networkDown(results: ReadonlyMap<string, LinkResult>): LinkCheckOutcome["offline"] {
  const checked = [...results.values()].filter((r) => r.status !== "skipped");
  if (checked.length === 0 || !checked.every((r) => r.network === true)) return undefined;
  const hosts = new Set(checked.map((r) => new URL(r.finalUrl).host)).size;
  if (hosts < OFFLINE_MIN_HOSTS) return undefined;
  const first = checked[0];
  return { urls: checked.length, hosts, example: first ? `${first.url}: ${first.detail}` : "" };
}

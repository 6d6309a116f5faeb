import { type Diagnostic, quote } from "../core/diagnostic.js";
import { positionOf } from "../load/locate.js";
import type { ParsedYaml } from "../load/yaml-source.js";
import type { LinkField, LinkTarget } from "./types.js";

/** Same shape as the `repo` pattern of schemas/projects.schema.json. */
const REPO = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;

/** Where repositories live; `GITHUB_SERVER_URL` is set by Actions (and by tests, to a local server). */
export function githubBase(env: Record<string, string | undefined>): string {
  return (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
}

export interface CollectedLinks {
  targets: LinkTarget[];
  /** Values that are not a checkable URL (`cooltech validate` explains them). */
  diagnostics: Diagnostic[];
}

/**
 * Every `homepage` and every repository page of projects.yaml, located at the
 * value. Works on whatever parsed, so a schema problem elsewhere in the file
 * does not stop the weekly check.
 */
export function collectLinkTargets(
  projects: ParsedYaml,
  options: { githubUrl: string; allowHttp?: boolean },
): CollectedLinks {
  const out: CollectedLinks = { targets: [], diagnostics: [] };
  const { source, value } = projects;
  if (source === null || !Array.isArray(value)) return out;
  value.forEach((entry: unknown, index) => {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return;
    const e = entry as Record<string, unknown>;
    const project = typeof e.name === "string" ? e.name : `entry ${index + 1}`;
    const add = (field: LinkField, raw: string, url: string) => {
      const pos = positionOf(source, [index, field]);
      out.targets.push({ url, field, value: raw, project, file: source.file, ...pos });
    };
    const unchecked = (field: LinkField, raw: unknown, why: string) => {
      const pos = positionOf(source, [index, field]);
      out.diagnostics.push({
        file: source.file,
        ...pos,
        severity: "warning",
        rule: "unchecked-link",
        message: `${field} ${quote(raw)} was not checked: ${why}; run \`cooltech validate\``,
      });
    };
    if (e.homepage !== undefined) {
      const url = parseUrl(e.homepage);
      const ok = url?.protocol === "https:" || (options.allowHttp && url?.protocol === "http:");
      if (url && ok) add("homepage", String(e.homepage), url.href);
      else unchecked("homepage", e.homepage, "it is not an https URL");
    }
    if (e.repo !== undefined) {
      if (typeof e.repo === "string" && REPO.test(e.repo)) {
        add("repo", e.repo, `${options.githubUrl}/${e.repo}`);
      } else unchecked("repo", e.repo, "it is not a GitHub `owner/name`");
    }
  });
  return out;
}

function parseUrl(value: unknown): URL | undefined {
  if (typeof value !== "string") return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

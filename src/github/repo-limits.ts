/** The limits of the `github` block, read from schemas/directory.schema.json (see repo-info.ts). */
import { readSchema } from "../core/schema.js";

export interface Limits {
  nameWithOwner: number;
  url: number;
  description: number;
  license: number;
  language: number;
  topics: number;
  topic: number;
  tag: number;
  releaseUrl: number;
  avatarUrl: number;
  /** The schema's pattern of an avatar URL (GitHub's avatar host only). */
  avatarPattern: RegExp;
}

type Node = Record<string, unknown>;
let limitsCache: Limits | undefined;

export function limits(): Limits {
  if (limitsCache) return limitsCache;
  const schema = readSchema("directory") as { $defs: Record<string, Node> };
  const defs = schema.$defs;
  const ref = (n: Node): Node => {
    const r = n.$ref;
    return typeof r === "string" ? (defs[r.replace("#/$defs/", "")] ?? n) : n;
  };
  /** maxLength of a node, following $ref and anyOf (Infinity when there is none). */
  const max = (node: unknown): number => {
    const n = ref((node ?? {}) as Node);
    if (typeof n.maxLength === "number") return n.maxLength;
    const found = ((n.anyOf ?? []) as Node[]).map(max).filter(Number.isFinite);
    return found.length > 0 ? Math.min(...found) : Number.POSITIVE_INFINITY;
  };
  const gh = (defs.github?.properties ?? {}) as Record<string, Node>;
  const topics = gh.topics ?? {};
  const releaseObject = ((gh.latestRelease?.anyOf ?? []) as Node[])[0] ?? {};
  const rel = (releaseObject.properties ?? {}) as Record<string, Node>;
  const avatar = defs.avatarUrl ?? {};
  limitsCache = {
    nameWithOwner: max(gh.nameWithOwner),
    url: max(gh.url),
    description: max(gh.description),
    license: max(gh.license),
    language: max(gh.language),
    topics: typeof topics.maxItems === "number" ? topics.maxItems : Number.POSITIVE_INFINITY,
    topic: max(topics.items),
    tag: max(rel.tag),
    releaseUrl: max(rel.url),
    avatarUrl: max(gh.avatarUrl),
    // Ajv compiles patterns with the `u` flag; so does this.
    avatarPattern: new RegExp(typeof avatar.pattern === "string" ? avatar.pattern : "^$", "u"),
  };
  return limitsCache;
}

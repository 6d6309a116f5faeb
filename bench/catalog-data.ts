/**
 * Synthetic catalogs for the benchmark: realistic entries (every field set),
 * valid, sorted, with a categories file and a last-known directory.json.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Directory,
  type GithubInfo,
  type Project,
  primaryCategory,
} from "../src/core/model.js";
import { compareProjects } from "../src/core/order.js";

const CATEGORY_COUNT = 24;
const WORDS = [
  "cloud",
  "kube",
  "mesh",
  "flux",
  "helm",
  "vault",
  "prism",
  "falcon",
  "harbor",
  "raft",
  "spark",
  "cinder",
  "nimbus",
  "quartz",
  "orbit",
  "delta",
  "ember",
  "forge",
  "grove",
  "lumen",
  "metric",
  "nova",
  "pulse",
  "relay",
  "shard",
  "tide",
  "vector",
  "warden",
  "yarn",
  "zephyr",
];
const TAGS = [
  "kubernetes",
  "cncf",
  "observability",
  "security",
  "networking",
  "storage",
  "service-mesh",
  "ci-cd",
  "gitops",
  "serverless",
  "databases",
  "monitoring",
  "tracing",
  "policy",
  "runtime",
];

function word(i: number): string {
  return WORDS[i % WORDS.length] as string;
}

export function categoryIds(): string[] {
  return Array.from({ length: CATEGORY_COUNT }, (_, i) => `category-${word(i)}-${i}`);
}

/** `n` valid projects, sorted by category then name, each with every field. */
export function makeProjects(n: number): Project[] {
  const ids = categoryIds();
  const projects: Project[] = [];
  for (let i = 0; i < n; i++) {
    const slug = `${word(i)}-${word(Math.floor(i / WORDS.length))}-${i}`;
    const tags = [0, 1, 2, 3].map((k) => TAGS[(i * 7 + k * 3) % TAGS.length] as string);
    projects.push({
      name: `${word(i * 13)
        .toUpperCase()
        .slice(0, 1)}${word(i * 13).slice(1)} ${word(i)} ${i}`,
      repo: `org-${word(i * 3)}-${i % 997}/${slug}`,
      homepage: `https://${slug}.example.io/docs/`,
      category: ids[i % ids.length] as string,
      tags: [...new Set(tags)],
      description: `A ${word(i * 5)} toolkit for ${word(i * 11)} workloads on Kubernetes, with ${word(i * 17)} built in (#${i}).`,
    });
  }
  return projects.sort(compareProjects);
}

/**
 * How the catalog is written: `canonical` as `cooltech fmt` writes it; `block-tags`
 * with tags as block lists (valid, but not canonical: read by the full YAML parser);
 * `one-error` canonical with an unknown category in the last entry; `compact`
 * canonical without homepages and with short descriptions (so that 100,000
 * entries, 17.7 MB, stay under the 20 MB limit of a curated file).
 */
export type Variant = "canonical" | "block-tags" | "one-error" | "compact";

function yamlEntry(p: Project, variant: Variant): string {
  const tags =
    variant === "block-tags"
      ? ["  tags:", ...(p.tags ?? []).map((t) => `    - ${t}`)]
      : [`  tags: [${(p.tags ?? []).join(", ")}]`];
  const compact = variant === "compact";
  return [
    `- name: ${p.name}`,
    `  repo: ${p.repo}`,
    ...(compact ? [] : [`  homepage: ${p.homepage}`]),
    `  category: ${p.category}`,
    ...tags,
    `  description: ${compact ? (p.description?.replace(/ for .*/, ".") ?? "") : p.description}`,
    "",
  ].join("\n");
}

function github(p: Project, i: number): GithubInfo {
  return {
    nameWithOwner: p.repo ?? "",
    url: `https://github.com/${p.repo}`,
    description: `GitHub description of ${p.name}`,
    stars: (i * 37) % 50000,
    forks: (i * 11) % 5000,
    openIssues: i % 300,
    license: "Apache-2.0",
    language: "Go",
    topics: p.tags ?? [],
    archived: false,
    pushedAt: "2026-11-20T10:00:00Z",
    createdAt: "2019-01-01T00:00:00Z",
    latestRelease: {
      tag: `v1.${i % 30}.0`,
      publishedAt: "2026-11-01T00:00:00Z",
      url: `https://github.com/${p.repo}/releases/tag/v1.${i % 30}.0`,
    },
    fetchedAt: "2026-11-24T03:00:00Z",
    checkedAt: "2026-11-24T03:00:00Z",
    status: "ok",
  };
}

/**
 * Writes projects.yaml, categories.yaml and a last-known directory.json whose
 * curated fields are older than the YAML, so every build rewrites it.
 * Returns the text of that directory.json, to restore it before each build.
 */
export function writeCatalog(dir: string, n: number, variant: Variant = "canonical"): string {
  const projects = makeProjects(n);
  const header = "# yaml-language-server: $schema=../schemas/projects.schema.json\n";
  const entries = projects.map((p) => yamlEntry(p, variant));
  if (variant === "one-error") {
    entries[n - 1] = (entries[n - 1] as string).replace(
      /category: \S+/,
      "category: zz-no-such-category",
    );
  }
  writeFileSync(join(dir, "projects.yaml"), header + entries.join(""));
  const categories = categoryIds().map((id, i) => ({
    id,
    name: `Category ${word(i)} ${i}`,
    description: `Projects about ${word(i)} and ${word(i + 7)}.`,
  }));
  writeFileSync(
    join(dir, "categories.yaml"),
    categories
      .map((c) => `- id: ${c.id}\n  name: ${c.name}\n  description: ${c.description}\n`)
      .join(""),
  );
  const previous: Directory = {
    $schema: "../schemas/directory.schema.json",
    refreshedAt: "2026-11-24T03:00:00Z",
    categories,
    projects: projects.map((p, i) => ({
      name: p.name,
      repo: p.repo ?? null,
      homepage: p.homepage ?? null,
      category: primaryCategory(p.category),
      categories: [primaryCategory(p.category)],
      tags: p.tags ?? [],
      description: "an older tagline",
      github: github(p, i),
      trend: { stars7d: i % 50, stars30d: i % 200 },
    })),
  };
  const text = `${JSON.stringify(previous, null, 2)}\n`;
  writeFileSync(join(dir, "directory.json"), text);
  return text;
}

/** Deterministic synthetic repositories for benchmarks: same (n, seed), same repos. */

import { prng } from "../helpers/prng.js";
import type { FakeRepo } from "./types.js";

const PREFIXES = [
  "kube",
  "cloud",
  "open",
  "micro",
  "data",
  "stream",
  "edge",
  "mesh",
  "graph",
  "net",
];
const SUFFIXES = ["flow", "store", "proxy", "ctl", "db", "scope", "watch", "forge", "hub", "lens"];
const ORGS = ["acme", "nimbus", "lattice", "tessera", "quokka", "harbor", "zephyr", "orbital"];
const LICENSES = ["Apache-2.0", "Apache-2.0", "MIT", "MIT", "BSD-3-Clause", "GPL-3.0", "MPL-2.0"];
const LANGUAGES = ["Go", "Go", "Rust", "TypeScript", "Python", "C++", "Java", "Shell"];
const TOPICS = [
  "kubernetes",
  "cloud-native",
  "observability",
  "storage",
  "networking",
  "security",
  "database",
  "devops",
  "monitoring",
  "service-mesh",
  "containers",
  "serverless",
  "cli",
  "golang",
  "rust",
  "distributed-systems",
  "streaming",
  "ebpf",
  "gitops",
  "testing",
];

/** The time synthetic activity is measured back from, so output does not depend on "now". */
const REFERENCE = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * `n` repositories named like `acme-3/kubeflow-17`, with long-tailed stars, ~5% archived,
 * ~10% without licence, ~30% without release, 0-12 topics, and ~1% renamed (`formerNames`).
 */
export function syntheticRepos(n: number, seed = 1): FakeRepo[] {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const repos: FakeRepo[] = [];
  for (let i = 0; i < n; i++) {
    const owner = `${pick(ORGS)}-${Math.floor(rand() * 50)}`;
    const name = `${pick(PREFIXES)}${pick(SUFFIXES)}-${i}`;
    const stars = Math.floor(Math.exp(rand() * 11));
    const pushed = REFERENCE - Math.floor(rand() * 730) * DAY - Math.floor(rand() * DAY);
    const created = pushed - Math.floor(365 + rand() * 3000) * DAY;
    const topics = new Set<string>();
    const topicCount = Math.floor(rand() * 13);
    while (topics.size < topicCount) topics.add(pick(TOPICS));
    const released = rand() < 0.7;
    const tag = `v${Math.floor(rand() * 4)}.${Math.floor(rand() * 30)}.${Math.floor(rand() * 10)}`;
    const license = rand() < 0.1 ? null : pick(LICENSES);
    const repo: FakeRepo = {
      id: 100_000 + i * 7,
      owner,
      name,
      description: rand() < 0.05 ? null : `${name}: a ${pick(TOPICS)} toolkit for ${pick(TOPICS)}`,
      homepageUrl: rand() < 0.4 ? `https://${name}.example.org` : null,
      stars,
      forks: Math.floor(stars * (0.05 + rand() * 0.25)),
      openIssues: Math.floor(stars * rand() * 0.02),
      license,
      language: rand() < 0.03 ? null : pick(LANGUAGES),
      topics: [...topics],
      archived: rand() < 0.05,
      pushedAt: iso(pushed),
      createdAt: iso(created),
      latestRelease: released
        ? {
            tagName: tag,
            publishedAt: iso(pushed - Math.floor(rand() * 60) * DAY),
            url: `https://github.com/${owner}/${name}/releases/tag/${tag}`,
          }
        : null,
    };
    if (rand() < 0.01) repo.formerNames = [`${owner}-old/${name}`];
    repos.push(repo);
  }
  return repos;
}

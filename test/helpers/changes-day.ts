/**
 * A simulated day for the change feed: between two refreshes against the fake
 * GitHub, a project is added (with hostile strings), one removed, one archived,
 * one released (a hostile tag) and one crosses the 1k-stars milestone.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FakeGitHub, FakeRepo } from "../fake-github/index.js";

export const DAY1 = "2026-03-01T03:00:00.000Z";
export const DAY2 = "2026-03-02T03:00:00.000Z";
export const DAY3 = "2026-03-03T03:00:00.000Z";

/** Strings that would run or format if a feed, page or summary did not escape them. */
export const HOSTILE_NAME = `Widget <img src=x onerror=alert(1)> & *bold* [x](javascript:alert(2)) ]]>`;
export const HOSTILE_TAG = `v2.0.0<script>alert(3)</script>`;

const NEW_REPO: FakeRepo = {
  id: 990001,
  owner: "acme",
  name: "widget",
  description: "<b>desc</b>",
  homepageUrl: null,
  stars: 12,
  forks: 1,
  openIssues: 0,
  license: "MIT",
  language: "Go",
  topics: [],
  archived: false,
  pushedAt: "2026-02-28T00:00:00Z",
  createdAt: "2025-01-01T00:00:00Z",
  latestRelease: null,
};

/** Applies the day's changes to the fake GitHub and to DATA/projects.yaml. */
export async function simulateDay(gh: FakeGitHub, data: string): Promise<void> {
  const file = join(data, "projects.yaml");
  let yaml = await readFile(file, "utf8");
  // Longhorn leaves the list.
  yaml = yaml.replace(/- name: Longhorn\n(?: {2}.*\n)+/, "");
  // Sorted (storage: after Rook, before "Zz Homepage Only"), so the file stays valid.
  const entry = `- name: ${JSON.stringify(HOSTILE_NAME)}\n  repo: acme/widget\n  category: storage\n`;
  yaml = yaml.replace("# Kept without a repository", `${entry}# Kept without a repository`);
  await writeFile(file, yaml);
  gh.repos.set("acme/widget", { ...NEW_REPO });
  const edit = (full: string, change: Partial<FakeRepo>) => {
    const r = gh.repos.get(full);
    if (!r) throw new Error(`${full} is not in the fake`);
    gh.repos.set(full, { ...r, ...change });
  };
  edit("rook/rook", { archived: true });
  edit("falcosecurity/falco", {
    latestRelease: {
      tagName: HOSTILE_TAG,
      publishedAt: "2026-03-01T12:00:00Z",
      url: "https://github.com/falcosecurity/falco/releases/tag/v2.0.0",
    },
  });
  edit("kubernetes/cri-api", { stars: 1_200 });
}

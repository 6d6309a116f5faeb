/**
 * The pull-request check's fixtures (categories, the base and head
 * projects.yaml, the repositories the fake GitHub adds) and a runner for
 * `cooltech` in a temp git repository against the fake GitHub, as in a
 * GitHub Actions step.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { FakeGitHub, FakeRepo } from "../fake-github/index.js";
import { runCli } from "./refresh-cli.js";

export const TOKEN = "pr-check-test-token";

export const CATEGORIES = `- id: cluster-operations
  name: Cluster operations
  description: Day-2 tools.
- id: security
  name: Security
  description: Runtime security.
- id: standards
  name: Open standards
  description: Interfaces.
- id: storage
  name: Storage
  description: Storage for Kubernetes.
`;

export const BASE = `- name: kured (100% uptime, reboots)
  repo: kubereboot/kured
  category: cluster-operations
- name: Falco
  repo: falcosecurity/falco
  category: security
- name: Service Mesh Interface
  repo: servicemeshinterface/smi-spec
  category: standards
- name: Longhorn
  repo: longhorn/longhorn
  category: storage
`;

// The pull request: line numbers matter, they are asserted in pr-check.test.ts.
export const HEAD = `- name: kured (100% uptime, reboots)
  repo: kubereboot/kured
  category: cluster-operations
- name: Weave kured
  repo: weaveworks/kured
  category: cluster-operations
- name: Falco
  repo: falcosecurity/falco
  category: security
- name: Ghost
  repo: nobody/ghost
  category: security
- name: Legacy Mesh
  repo: legacy/mesh
  category: standards
- name: Service Mesh Interface
  repo: servicemeshinterface/smi-spec
  category: standards
  description: A standard interface for service meshes.
- name: Longhorn
  repo: longhorn/longhorn
  category: storage
- name: Rook
  repo: rook/rook
  category: storage
- name: Tool
  repo: old-org/tool
  category: storage
`;

export function extraRepos(): FakeRepo[] {
  const base = {
    forks: 1,
    openIssues: 0,
    language: "Go",
    topics: [],
    pushedAt: "2026-10-01T12:00:00Z",
    createdAt: "2020-01-01T00:00:00Z",
    latestRelease: null,
    homepageUrl: null,
  };
  return [
    {
      ...base,
      id: 9001,
      owner: "legacy",
      name: "mesh",
      description: "An old mesh",
      stars: 42,
      license: "MIT",
      archived: true,
    },
    {
      ...base,
      id: 9002,
      owner: "new-org",
      name: "tool",
      description: "<img src=x onerror=alert(1)> | *bold* 100%",
      stars: 1234,
      license: null,
      archived: false,
      formerNames: ["old-org/tool"],
    },
  ];
}

export const ROOK = "- name: Rook\n  repo: rook/rook\n  category: storage\n";

const GITHUB_INFO = {
  nameWithOwner: "weaveworks/kured",
  url: "https://github.com/kubereboot/kured",
  description: "Kubernetes Reboot Daemon",
  stars: 2300,
  forks: 210,
  openIssues: 40,
  license: "Apache-2.0",
  language: "Go",
  topics: [],
  archived: false,
  pushedAt: "2025-11-12T15:48:20Z",
  createdAt: "2017-03-23T11:03:15Z",
  latestRelease: null,
  fetchedAt: "2026-11-01T00:00:00Z",
  checkedAt: "2026-11-01T00:00:00Z",
};

/** directory.json as the nightly refresh wrote it once it saw `Weave kured` move to kubereboot/kured. */
export const MOVED_DIRECTORY = {
  $schema: "../schemas/directory.schema.json",
  refreshedAt: null,
  categories: [],
  projects: [
    {
      name: "Weave kured",
      repo: "weaveworks/kured",
      homepage: null,
      category: "cluster-operations",
      tags: [],
      description: null,
      github: { ...GITHUB_INFO, nameWithOwner: "kubereboot/kured", status: "moved" },
      trend: null,
    },
  ],
};

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
}

/** Runs `cooltech ARGS` in `dir` as a GitHub Actions step would, with the step summary it wrote. */
export async function cooltechIn(
  gh: FakeGitHub,
  dir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Run> {
  const summaryFile = join(dir, "step-summary.md");
  await rm(summaryFile, { force: true });
  const fullEnv = {
    PATH: process.env.PATH ?? "",
    NO_COLOR: "1",
    GITHUB_ACTIONS: "true",
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_API_URL: gh.url,
    GITHUB_GRAPHQL_URL: gh.graphqlUrl,
    GITHUB_TOKEN: TOKEN,
    // Test knobs shared with `refresh`: no real waits between retries, a generous deadline.
    COOLTECH_RETRY_BASE_MS: "1",
    COOLTECH_TIMEOUT_MS: "30000",
    ...env,
  };
  // In-process, through the same runMain entry as bin/cooltech.js.
  const { code, stdout, stderr } = await runCli(args, fullEnv, dir);
  const summary = await readFile(summaryFile, "utf8").catch(() => "");
  return { code: code ?? -1, stdout, stderr, summary };
}

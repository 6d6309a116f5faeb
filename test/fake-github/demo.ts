/**
 * The demo fixture: the seed catalog's repositories (data/projects.yaml) with plausible figures
 * (approximate, late 2025; not live data). kured keeps its former name weaveworks/kured and
 * smi-spec is archived, so `refresh` shows a `moved` and an archived entry.
 */
import type { FakeRepo } from "./types.js";

/** The token the demo server expects (`npm run fake-github` prints it). */
export const DEMO_TOKEN = "fake-github-demo-token";

type Row = [
  id: number,
  nameWithOwner: string,
  stars: number,
  forks: number,
  openIssues: number,
  language: string | null,
  pushedAt: string,
  createdAt: string,
  release: [tag: string, publishedAt: string] | null,
  description: string,
  homepage: string | null,
  topics: string[],
];

// biome-ignore format: one row per repository reads best
const ROWS: Row[] = [
  [99999842, "litmuschaos/litmus", 4_700, 760, 290, "TypeScript", "2025-11-18T09:12:44Z", "2017-12-14T06:43:34Z", ["3.22.0", "2025-10-15T11:02:10Z"], "Litmus helps SREs and developers practice chaos engineering in a Cloud-native way.", "https://litmuschaos.io", ["chaos-engineering", "kubernetes", "cloud-native", "sre", "cncf"]],
  [144522154, "longhorn/longhorn", 7_100, 640, 1_150, "Shell", "2025-11-20T02:31:05Z", "2018-08-10T03:44:29Z", ["v1.10.1", "2025-11-06T08:20:41Z"], "Cloud-Native distributed storage built on and for Kubernetes", "https://longhorn.io", ["kubernetes", "storage", "cloud-native", "cncf", "block-storage"]],
  [84524779, "kubereboot/kured", 2_300, 210, 40, "Go", "2025-11-12T15:48:20Z", "2017-03-23T11:03:15Z", ["1.20.0", "2025-08-27T13:14:00Z"], "Kubernetes Reboot Daemon", "https://kured.dev", ["kubernetes", "reboot", "daemonset", "cncf"]],
  [57461093, "renovatebot/renovate", 19_800, 2_650, 480, "TypeScript", "2025-11-21T07:05:59Z", "2016-05-11T20:23:58Z", ["42.19.3", "2025-11-21T06:58:12Z"], "Home of the Renovate CLI: Cross-platform Dependency Automation by Mend.io", "https://mend.io/renovate", ["dependencies", "automation", "npm", "docker", "security"]],
  [50928396, "falcosecurity/falco", 8_100, 960, 60, "C++", "2025-11-19T14:22:37Z", "2016-02-02T15:46:44Z", ["0.42.1", "2025-11-04T10:41:02Z"], "Cloud Native Runtime Security", "https://falco.org", ["security", "ebpf", "kubernetes", "runtime-security", "cncf"]],
  [75802924, "cri-o/cri-o", 5_500, 1_120, 160, "Go", "2025-11-20T18:09:11Z", "2016-09-09T14:44:48Z", ["v1.34.2", "2025-11-05T09:30:00Z"], "Open Container Initiative-based implementation of Kubernetes Container Runtime Interface", "https://cri-o.io", ["kubernetes", "containers", "oci", "cri", "cncf"]],
  [132938570, "google/gvisor", 17_200, 1_450, 430, "Go", "2025-11-21T03:55:48Z", "2018-04-10T20:51:55Z", ["release-20251117.0", "2025-11-18T01:12:40Z"], "Application Kernel for Containers", "https://gvisor.dev", ["containers", "kernel", "sandbox", "security", "oci"]],
  [47176315, "rook/rook", 13_000, 2_750, 120, "Go", "2025-11-20T21:42:03Z", "2016-11-07T22:48:34Z", ["v1.18.7", "2025-11-13T17:05:19Z"], "Storage Orchestration for Kubernetes", "https://rook.io", ["kubernetes", "storage", "ceph", "cloud-native", "cncf"]],
  [20580498, "kubernetes/kubernetes", 118_000, 41_500, 2_500, "Go", "2025-11-21T08:14:27Z", "2014-06-06T22:56:04Z", ["v1.34.2", "2025-11-11T18:24:50Z"], "Production-Grade Container Scheduling and Management", "https://kubernetes.io", ["kubernetes", "containers", "cncf", "go", "orchestration"]],
  [1331963, "vitessio/vitess", 19_900, 2_200, 950, "Go", "2025-11-21T05:33:16Z", "2012-02-12T00:12:35Z", ["v23.0.0", "2025-11-04T16:00:00Z"], "Vitess is a database clustering system for horizontal scaling of MySQL.", "http://vitess.io", ["mysql", "database", "sharding", "cncf", "kubernetes"]],
  [235914362, "vitessio/arewefastyet", 50, 40, 15, "Go", "2025-10-30T12:07:45Z", "2020-01-24T00:16:58Z", null, "Automated Benchmarking System for Vitess", "https://benchmark.vitess.io", ["benchmark", "vitess"]],
  [138963045, "kubernetes/cri-api", 220, 110, 0, "Go", "2025-11-19T20:01:33Z", "2018-06-27T22:55:31Z", null, "Container Runtime Interface (CRI) – a plugin interface which enables kubelet to use a wide variety of container runtimes.", null, ["kubernetes", "cri", "k8s-staging"]],
  [61418281, "containernetworking/cni", 5_800, 1_100, 130, "Go", "2025-11-14T10:19:02Z", "2016-04-18T13:56:15Z", ["v1.3.0", "2025-04-02T15:21:11Z"], "Container Network Interface - networking for Linux containers", "https://cni.dev", ["containers", "networking", "cni", "kubernetes", "cncf"]],
  [92224937, "container-storage-interface/spec", 1_400, 380, 90, "Shell", "2025-09-24T17:45:20Z", "2017-05-16T23:57:04Z", ["v1.12.0", "2025-09-24T17:45:20Z"], "Container Storage Interface (CSI) Specification.", null, ["csi", "storage", "kubernetes", "specification"]],
  [171683719, "servicemeshinterface/smi-spec", 1_060, 130, 20, "Makefile", "2023-08-03T14:55:07Z", "2019-03-14T20:25:33Z", ["v0.6.0", "2020-08-19T23:04:05Z"], "Service Mesh Interface", "https://smi-spec.io", ["service-mesh", "kubernetes", "specification", "cncf"]],
  [184521497, "kubernetes/cloud-provider", 290, 120, 0, "Go", "2025-11-19T20:01:48Z", "2019-05-22T17:42:37Z", null, "cloud-provider defines the shared interfaces which Kubernetes cloud providers implement.", null, ["kubernetes", "cloud-provider", "k8s-staging"]],
];

const ARCHIVED = new Set(["servicemeshinterface/smi-spec"]);
const LICENSES: Record<string, string> = { "renovatebot/renovate": "AGPL-3.0" };
const FORMER_NAMES: Record<string, string[]> = { "kubereboot/kured": ["weaveworks/kured"] };

export function demoRepos(): FakeRepo[] {
  return ROWS.map(
    ([
      id,
      full,
      stars,
      forks,
      openIssues,
      language,
      pushedAt,
      createdAt,
      release,
      description,
      homepageUrl,
      topics,
    ]) => {
      const [owner = "", name = ""] = full.split("/");
      const repo: FakeRepo = {
        id,
        owner,
        name,
        description,
        homepageUrl,
        stars,
        forks,
        openIssues,
        license: LICENSES[full] ?? "Apache-2.0",
        language,
        topics: [...topics],
        archived: ARCHIVED.has(full),
        pushedAt,
        createdAt,
        latestRelease: release && {
          tagName: release[0],
          publishedAt: release[1],
          url: `https://github.com/${full}/releases/tag/${release[0]}`,
        },
      };
      const former = FORMER_NAMES[full];
      if (former) repo.formerNames = [...former];
      return repo;
    },
  );
}

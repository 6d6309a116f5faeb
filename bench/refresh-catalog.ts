/** A valid catalog of synthetic repositories in one category, canonical order (benchmarks). */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { compareProjects } from "../src/core/order.js";
import type { FakeRepo } from "../test/fake-github/index.js";

export async function writeCatalog(dir: string, repos: FakeRepo[]): Promise<void> {
  const projects = repos
    .map((r) => ({ name: r.name, repo: `${r.owner}/${r.name}`, category: "bench" }))
    .sort(compareProjects);
  const yaml = projects
    .map((p) => `- name: ${p.name}\n  repo: ${p.repo}\n  category: ${p.category}\n`)
    .join("");
  await writeFile(join(dir, "projects.yaml"), yaml);
  await writeFile(
    join(dir, "categories.yaml"),
    "- id: bench\n  name: Bench\n  description: Synthetic repositories.\n",
  );
}

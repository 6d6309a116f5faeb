/**
 * Real data: a slice of the CNCF landscape (../shared/data-real), where one
 * company's site is the homepage of several of its products. Converted to the
 * catalog format here in a few lines (the full converter is `cooltech import`'s
 * job), it validates with warnings only, and `refresh` (runMain in this
 * process, as bin/cooltech.js runs it, against the fake GitHub) refreshes every entry.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { stringify } from "yaml";
import type { Directory } from "../src/core/model.js";
import { compareProjects } from "../src/core/order.js";
import { normalizeRepo } from "../src/core/repo-url.js";
import { readSimpleYaml } from "../src/import/simple-yaml.js";
import { demoRepos, type FakeGitHub, type FakeRepo, startFakeGitHub } from "./fake-github/index.js";
import { fakeEnv, ROOT, runCli, TOKEN } from "./helpers/refresh-cli.js";

const LANDSCAPE = join(ROOT, "../shared/data-real/cncf-landscape.yml");

interface Entry {
  name: string;
  repo: string;
  homepage?: string;
  category: string;
}

type Node = { name?: unknown; homepage_url?: unknown; repo_url?: unknown };

/** Every landscape item with a GitHub repository, as a catalog entry; later repeats skipped. */
function convert(landscape: unknown): Entry[] {
  const out: Entry[] = [];
  const seen = new Set<string>();
  const root = (landscape as { landscape?: unknown[] }).landscape ?? [];
  for (const category of root as Array<{ subcategories?: Array<{ items?: Node[] }> }>) {
    for (const sub of category.subcategories ?? []) {
      for (const item of sub.items ?? []) {
        const name = typeof item.name === "string" ? item.name.trim() : "";
        const repo = typeof item.repo_url === "string" ? normalizeRepo(item.repo_url) : undefined;
        if (!/^[\x21-\x7e](?:[\x20-\x7e]{0,98}[\x21-\x7e])?$/.test(name) || repo === undefined) {
          continue;
        }
        const keys = [`n:${name.toLowerCase()}`, `r:${repo.toLowerCase()}`];
        if (keys.some((k) => seen.has(k))) continue;
        for (const k of keys) seen.add(k);
        const home = item.homepage_url;
        const homepage =
          typeof home === "string" && /^https:\/\/[A-Za-z0-9.-]+(?:[/?#]\S*)?$/.test(home)
            ? home
            : undefined;
        out.push({ name, repo, ...(homepage && { homepage }), category: "cncf" });
      }
    }
  }
  return out;
}

const site = (h: string) => {
  const u = new URL(h);
  return `${u.host}${u.pathname.replace(/\/+$/, "")}${u.search}`.toLowerCase();
};

let gh: FakeGitHub;
let dir: string;
let slice: Entry[];

before(async () => {
  // Read by the import's fast reader, which reads this file exactly as `yaml` does
  // (import-simple-yaml.test.ts), at a fraction of the cost.
  const landscape = readSimpleYaml(await readFile(LANDSCAPE, "utf8"));
  assert.ok(landscape, "the fast reader accepts the landscape");
  const all = convert(landscape.value);
  const count = new Map<string, number>();
  for (const e of all)
    if (e.homepage) count.set(site(e.homepage), (count.get(site(e.homepage)) ?? 0) + 1);
  const shared = all.filter((e) => e.homepage && (count.get(site(e.homepage)) ?? 0) > 1);
  slice = [...shared.slice(0, 60), ...all.filter((e) => !shared.includes(e)).slice(0, 30)].sort(
    compareProjects,
  );
  const template = demoRepos()[0] as FakeRepo;
  const repos = slice.map((e, i): FakeRepo => {
    const [owner = "", name = ""] = e.repo.split("/");
    return { ...template, id: 1000 + i, owner, name, stars: 10 * (i + 1), formerNames: [] };
  });
  gh = await startFakeGitHub({ repos, token: TOKEN });
  dir = await mkdtemp(join(tmpdir(), "cooltech-landscape-"));
  await mkdir(join(dir, "data"));
  await writeFile(join(dir, "data/projects.yaml"), stringify(slice));
  await writeFile(
    join(dir, "data/categories.yaml"),
    "- id: cncf\n  name: CNCF landscape\n  description: Projects of the CNCF landscape.\n",
  );
});
after(async () => {
  await gh.close();
  await rm(dir, { recursive: true, force: true });
});

test("CNCF landscape slice: shared homepages are warnings; refresh fetches every entry, exit 0", async () => {
  const groups = new Map<string, number>();
  for (const e of slice)
    if (e.homepage) groups.set(site(e.homepage), (groups.get(site(e.homepage)) ?? 0) + 1);
  const repeats = [...groups.values()].reduce((n, size) => n + size - 1, 0);
  assert.ok(repeats >= 5, `the slice shares homepages (${repeats} repeats)`);

  const check = await runCli(["validate", "--data", "data"], fakeEnv(gh), dir);
  assert.equal(check.code, 0, check.stdout);
  const warnings = check.stdout.match(/ warning homepage .* is also used at line \d+/g) ?? [];
  assert.equal(warnings.length, repeats);
  assert.doesNotMatch(check.stdout, / error /);

  const run = await runCli(["refresh", "--data", "data"], fakeEnv(gh), dir);
  assert.equal(run.code, 0, run.stderr);
  const d = JSON.parse(await readFile(join(dir, "data/directory.json"), "utf8")) as Directory;
  assert.deepEqual(
    d.projects.map((p) => p.name),
    slice.map((e) => e.name),
  );
  assert.ok(d.projects.every((p) => p.github?.status === "ok"));
  assert.match(run.stdout, new RegExp(`Refreshed ${slice.length} repositories via GraphQL`));
});

/**
 * The nightly refresh's contract: a night in which nothing changed on GitHub
 * changes one line (refreshedAt); a night in which some repositories changed
 * costs pass 1 plus pass 2 for those only; --max-time bounds the run.
 */
import assert from "node:assert/strict";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import { compareProjects } from "../src/core/order.js";
import {
  demoRepos,
  type FakeGitHub,
  type FakeRepo,
  startFakeGitHub,
  syntheticRepos,
} from "./fake-github/index.js";
import { FIXTURE, fakeEnv, runCli, TOKEN } from "./helpers/refresh-cli.js";
import { type TempGit, tempGit } from "./helpers/temp-git.js";

let gh: FakeGitHub;
let repo: TempGit;

const NIGHT1 = "2026-11-20T03:23:00Z";
const NIGHT2 = "2026-11-21T03:23:00Z";

before(async () => {
  gh = await startFakeGitHub({ repos: demoRepos(), token: TOKEN, strictCost: true });
});
after(() => gh.close());
beforeEach(async () => {
  repo = await tempGit("cooltech-nightly-");
  gh.clearFaults();
  gh.resetStats();
  gh.resetRateLimits();
});
afterEach(() => repo.remove());

/** A generous request deadline: a 1,000-repository query takes a while on a loaded machine. */
const refresh = (now: string, args: string[] = [], on: FakeGitHub = gh) =>
  runCli(
    ["refresh", "--data", "data", "--json", ...args],
    fakeEnv(on, { COOLTECH_NOW: now, COOLTECH_TIMEOUT_MS: "60000" }),
    repo.dir,
  );

test("two runs against an unchanged GitHub: git diff --stat shows one changed line", async () => {
  await cp(FIXTURE, join(repo.dir, "data"), { recursive: true });
  const first = await refresh(NIGHT1);
  assert.equal(first.code, 0, first.stderr);
  await repo.commit({}, "night 1");
  const second = await refresh(NIGHT2);
  assert.equal(second.code, 0, second.stderr);
  assert.equal(
    (await repo.git("diff", "--stat")).trim(),
    "data/directory.json | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)",
  );
  assert.match(await repo.git("diff"), /^\+ {2}"refreshedAt": "2026-11-21T03:23:00.000Z",$/m);
  assert.equal(JSON.parse(second.stdout).changed, 0);
});

/** A catalog of `repos` in one category, canonical order. */
async function writeCatalog(dir: string, repos: FakeRepo[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const projects = repos
    .map((r) => ({ name: r.name, repo: `${r.owner}/${r.name}`, category: "synthetic" }))
    .sort(compareProjects);
  await writeFile(
    join(dir, "projects.yaml"),
    projects.map((p) => `- name: ${p.name}\n  repo: ${p.repo}\n  category: synthetic\n`).join(""),
  );
  await writeFile(
    join(dir, "categories.yaml"),
    "- id: synthetic\n  name: Synthetic\n  description: Synthetic repositories.\n",
  );
}

describe("cost under strict pricing (every connection charged)", () => {
  test("2,000 repositories, 20% changed: at most ceil(N/100) + 2 points", async () => {
    const n = 2_000;
    const repos = syntheticRepos(n, 12);
    const strict = await startFakeGitHub({ repos, token: TOKEN, strictCost: true });
    try {
      await writeCatalog(join(repo.dir, "data"), repos);
      const first = await refresh(NIGHT1, [], strict);
      assert.equal(first.code, 0, first.stderr);
      // Every 5th repository gets a push and a star; an issue opened too.
      repos.forEach((r, i) => {
        if (i % 5 !== 0) return;
        r.stars += 1;
        r.openIssues += 1;
        r.pushedAt = "2026-11-20T12:00:00Z";
      });
      strict.resetStats();
      const second = await refresh(NIGHT2, [], strict);
      assert.equal(second.code, 0, second.stderr);
      const s = JSON.parse(second.stdout);
      assert.equal(s.changed, n / 5);
      assert.equal(s.usage.points, strict.stats.pointsUsed, "measured from rateLimit.cost");
      assert.ok(s.usage.points <= Math.ceil(n / 100) + 2, `${s.usage.points} points`);
      // Pass 2 re-read the open issues of the changed ones.
      const d = JSON.parse(await readFile(join(repo.dir, "data/directory.json"), "utf8"));
      const byRepo = new Map(d.projects.map((p: { repo: string }) => [p.repo, p]));
      for (const r of repos.filter((_, i) => i % 5 === 0).slice(0, 50)) {
        const p = byRepo.get(`${r.owner}/${r.name}`) as { github: { openIssues: number } };
        assert.equal(p.github.openIssues, r.openIssues);
      }
    } finally {
      await strict.close();
    }
  });
});

describe("--max-time", () => {
  test("stops looking up when the time is up: the rest stale, last-known data kept", async () => {
    await cp(FIXTURE, join(repo.dir, "data"), { recursive: true });
    const first = await refresh(NIGHT1);
    assert.equal(first.code, 0, first.stderr);
    const before = JSON.parse(await readFile(join(repo.dir, "data/directory.json"), "utf8"));
    // Every query now hangs far longer than the run may take.
    gh.addFault({ kind: "slow", ms: 60_000, api: "graphql" });
    const run = await runCli(
      ["refresh", "--data", "data", "--max-time", "1"],
      fakeEnv(gh, { COOLTECH_NOW: NIGHT2, COOLTECH_TIMEOUT_MS: "120000" }),
      repo.dir,
    );
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stdout, /^Stopped early \(the run time limit \(1 s\) was reached\)/m);
    assert.match(
      run.stdout,
      /not fetched: the run time limit \(1 s\) was reached; last-known data from/,
    );
    const d = JSON.parse(await readFile(join(repo.dir, "data/directory.json"), "utf8"));
    for (const [i, p] of d.projects.entries()) {
      const old = before.projects[i];
      if (!old.github) continue;
      assert.equal(p.github.status, "stale", p.name);
      // Its data was last found as it is by the first night's run.
      assert.equal(p.github.confirmedAt, "2026-11-20T03:23:00.000Z", p.name);
      const { status: _s, checkedAt: _c, confirmedAt: _a, ...kept } = p.github;
      const { status: _t, checkedAt: _d, ...was } = old.github;
      assert.deepEqual(kept, was, `${p.name}: last-known data kept`);
    }
  });
});

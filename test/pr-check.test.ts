/**
 * The pull-request new-entry check, `cooltech validate --online --changed-since REF`:
 * entries added or changed since a base commit of a temp git repository, looked
 * up on the local fake GitHub, through the real binary. (Which entries count as
 * changed, and reading the base: pr-check-changed.test.ts.)
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { demoRepos, type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import {
  BASE,
  CATEGORIES,
  cooltechIn,
  extraRepos,
  HEAD,
  MOVED_DIRECTORY,
  ROOK,
  type Run,
  TOKEN,
} from "./helpers/pr-check.js";
import { type TempGit, tempGit } from "./helpers/temp-git.js";

let gh: FakeGitHub;
let repo: TempGit;

before(async () => {
  gh = await startFakeGitHub({ repos: [...demoRepos(), ...extraRepos()], token: TOKEN });
  repo = await tempGit("cooltech-pr-check-");
  await repo.commit({ "data/categories.yaml": CATEGORIES, "data/projects.yaml": BASE }, "base");
});

after(async () => {
  await gh.close();
  await repo.remove();
});

beforeEach(async () => {
  gh.clearFaults();
  gh.resetStats();
  await repo.write({ "data/projects.yaml": HEAD });
});

const cooltech = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
  cooltechIn(gh, repo.dir, args, env);

const CHECK = ["validate", "--online", "--changed-since", "HEAD", "--format", "github"];

describe("the new-entry check against the fake GitHub", () => {
  test("added, moved, archived, missing and duplicate-under-new-name entries", async () => {
    const r = await cooltech(CHECK);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(
      r.stdout,
      [
        '::error file=data/projects.yaml,line=5,col=9,title=duplicate-repo::`weaveworks/kured` is `kubereboot/kured` on GitHub, which is already listed at line 1 ("kured (100%25 uptime, reboots)"); remove this duplicate entry or merge the two',
        "::error file=data/projects.yaml,line=11,col=9,title=repo-not-found::GitHub has no repository `nobody/ghost` (deleted, private, or misspelt); check https://github.com/nobody/ghost and fix `repo`",
        "::error file=data/projects.yaml,line=14,col=9,title=repo-archived::`legacy/mesh` is archived on GitHub (read-only, no longer maintained); the directory lists maintained projects: point `repo` at the maintained fork or successor, or drop the entry",
        "::warning file=data/projects.yaml,line=17,col=9,title=repo-archived::`servicemeshinterface/smi-spec` was archived on GitHub since it was listed; consider removing the entry or pointing it at a maintained successor in a separate pull request",
        "::warning file=data/projects.yaml,line=27,col=9,title=repo-moved::`old-org/tool` moved to `new-org/tool` on GitHub (renamed or transferred); write `repo: new-org/tool`",
        "",
      ].join("\n"),
    );
    // The triage table, then every problem at its line (validate's own summary).
    const [triage, problems] = r.summary.split(/(?=### Catalog check\n)/);
    assert.match(
      problems ?? "",
      /^### Catalog check\n\n❌ 3 errors, 2 warnings \(\d+ projects in \d+ categories\)\./,
    );
    assert.equal(
      (problems?.match(/^\| (❌ error|⚠️ warning) \| `data\/projects\.yaml:\d+:9` \|/gm) ?? [])
        .length,
      5,
    );
    assert.equal(
      triage,
      `### New-entry check

5 added, 1 changed since \`HEAD\`: 3 to fix, 2 warnings.

| Check | Entry | Repository | Stars | License | Last push | Description (GitHub) |
| --- | --- | --- | ---: | --- | --- | --- |
| ❌ duplicate of kured (100% uptime, reboots) (line 1) | Weave kured (added) | \`weaveworks/kured\` → [kubereboot/kured](https://github.com/kubereboot/kured) | 2,300 | Apache-2.0 | 2025-11-12 | Kubernetes Reboot Daemon |
| ❌ not found | Ghost (added) | \`nobody/ghost\` | — | — | — | — |
| ❌ archived | Legacy Mesh (added) | [legacy/mesh](https://github.com/legacy/mesh) | 42 | MIT | 2026-10-01 | An old mesh |
| ⚠️ archived | Service Mesh Interface (changed) | [servicemeshinterface/smi-spec](https://github.com/servicemeshinterface/smi-spec) | 1,060 | Apache-2.0 | 2023-08-03 | Service Mesh Interface |
| ✅ ok | Rook (added) | [rook/rook](https://github.com/rook/rook) | 13,000 | Apache-2.0 | 2025-11-20 | Storage Orchestration for Kubernetes |
| ⚠️ moved | Tool (added) | \`old-org/tool\` → [new-org/tool](https://github.com/new-org/tool) | 1,234 | none | 2026-10-01 | \\<img src=x onerror=alert(1)\\> \\| \\*bold\\* 100% |
`,
    );
    // One batched GraphQL query for the six entries, nothing else.
    assert.equal(gh.stats.graphqlRequests, 1);
    assert.equal(gh.stats.restRequests, 0);
    assert.ok(!`${r.stdout}${r.stderr}${r.summary}`.includes(TOKEN), "the token is never printed");
  });

  test("nothing changed: nothing looked up, a one-line summary, exit 0", async () => {
    await repo.write({ "data/projects.yaml": BASE });
    const r = await cooltech(CHECK);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "");
    assert.equal(
      r.summary,
      "### New-entry check\n\nNo entry of projects.yaml added or changed since `HEAD`.\n",
    );
    assert.equal(gh.stats.requests, 0);
  });

  test("projects.yaml that does not parse: the syntax error, nothing looked up, said in the summary", async () => {
    await repo.write({ "data/projects.yaml": `${BASE}${ROOK.replace("  repo:", "repo:")}` });
    const r = await cooltech(CHECK);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^::error file=data\/projects\.yaml,line=14,col=1,title=yaml-syntax::/);
    assert.ok(
      r.summary.startsWith(
        "### New-entry check\n\nNothing looked up: projects.yaml does not parse. Fix the errors annotated on the diff first.\n### Catalog check\n\n❌ 1 error, 0 warnings",
      ),
      r.summary,
    );
    assert.match(r.summary, /^\| ❌ error \| `data\/projects\.yaml:14:1` \| `yaml-syntax` \| /m);
    assert.equal(gh.stats.requests, 0);
  });

  test("GitHub failing (502 on every request): warnings, not a failed check", async () => {
    await repo.write({ "data/projects.yaml": `${BASE}${ROOK}` });
    gh.addFault({ kind: "status", status: 502 });
    const r = await cooltech(CHECK);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      "::warning file=data/projects.yaml,line=14,col=9,title=github-lookup::could not check `rook/rook` on GitHub (HTTP 502); the entry is not verified: re-run the check later\n",
    );
    assert.match(
      r.summary,
      /\| ⚠️ not checked \| Rook \(added\) \| `rook\/rook` \| — \| — \| — \| — \|\n/,
    );
    assert.match(r.summary, /^- Not checked: `rook\/rook`: HTTP 502$/m);
    assert.ok(gh.stats.graphqlRequests >= 2, "retried before giving up");
  });

  test("GitHub unreachable (connection refused): warnings, exit 0", async () => {
    await repo.write({ "data/projects.yaml": `${BASE}${ROOK}` });
    const closed = await startFakeGitHub({ repos: [] });
    const url = closed.url;
    await closed.close();
    const r = await cooltech(CHECK, { GITHUB_API_URL: url, GITHUB_GRAPHQL_URL: `${url}/graphql` });
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^::warning file=data\/projects\.yaml,line=14,col=9,title=github-lookup::could not check `rook\/rook` on GitHub \(/,
    );
    assert.equal(r.stdout.split("\n").length, 2, "one annotation");
  });

  test("a rejected token: warnings that never show the token", async () => {
    await repo.write({ "data/projects.yaml": `${BASE}${ROOK}` });
    const wrong = "wrong-token-0123456789";
    const r = await cooltech(CHECK, { GITHUB_TOKEN: wrong });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      "::warning file=data/projects.yaml,line=14,col=9,title=github-lookup::could not check `rook/rook` on GitHub (GitHub rejected the token (401 Bad credentials)); the entry is not verified: re-run the check later\n",
    );
    assert.ok(!`${r.stdout}${r.stderr}${r.summary}`.includes(wrong));
  });

  test("no token: looked up anonymously over REST, with a notice", async () => {
    await repo.write({ "data/projects.yaml": `${BASE}${ROOK}` });
    const r = await cooltech(CHECK, { GITHUB_TOKEN: "", GH_TOKEN: "" });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      "::notice title=No GitHub token::GITHUB_TOKEN is not set: the entries were looked up anonymously (60 requests an hour); give the step env GITHUB_TOKEN\n",
    );
    assert.match(
      r.summary,
      /\| ✅ ok \| Rook \(added\) \| \[rook\/rook\]\(https:\/\/github\.com\/rook\/rook\) \| 13,000 \|/,
    );
    assert.match(r.summary, /> Looked up without a token/);
    assert.equal(gh.stats.graphqlRequests, 0);
    assert.ok(gh.stats.log.every((l) => !l.authorization));
  });

  test("a repository the last refresh saw move, added under its new name, is a duplicate", async () => {
    // directory.json (written by the nightly refresh) knows that `Weave kured` is kubereboot/kured now.
    const base = "- name: Weave kured\n  repo: weaveworks/kured\n  category: cluster-operations\n";
    const head = `- name: kured\n  repo: kubereboot/kured\n  category: cluster-operations\n${base}`;
    const local = await tempGit("cooltech-pr-known-");
    try {
      await local.commit({
        "data/categories.yaml": CATEGORIES.slice(0, 77),
        "data/projects.yaml": base,
      });
      await local.write({
        "data/projects.yaml": head,
        "data/directory.json": JSON.stringify(MOVED_DIRECTORY),
      });
      const r = await cooltechIn(gh, local.dir, CHECK);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(
        r.stdout,
        '::error file=data/projects.yaml,line=2,col=9,title=duplicate-repo::`kubereboot/kured` is `kubereboot/kured` on GitHub, which is already listed at line 4 ("Weave kured"); remove this duplicate entry or merge the two\n',
      );
    } finally {
      await local.remove();
    }
  });
});

describe("command line", () => {
  test("--changed-since without --online is a usage error that says what to add", async () => {
    const r = await cooltech(["validate", "--changed-since", "HEAD"]);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /--changed-since REF selects the entries --online looks up on GitHub; add --online/,
    );
  });

  test("an unknown ref: exit 2 and how to fetch it", async () => {
    const r = await cooltech(["validate", "--online", "--changed-since", "origin/nope"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /git knows no commit 'origin\/nope' here; fetch it first/);
    assert.equal(gh.stats.requests, 0);
  });

  test("text format: per-entry lines on stderr, diagnostics on stdout", async () => {
    await repo.write({ "data/projects.yaml": `${BASE}${ROOK}` });
    const r = await cooltech([
      "validate",
      "--online",
      "--changed-since",
      "HEAD",
      "--format",
      "text",
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "");
    assert.match(
      r.stderr,
      /online:\n {2}"Rook" rook\/rook: ★13,000, Apache-2\.0, last push 2025-11-20\n/,
    );
  });
});

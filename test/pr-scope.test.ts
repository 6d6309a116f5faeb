/**
 * `validate --online --changed-since REF` points at what the pull request
 * touched: a duplicate or a misplaced entry is reported on the entry it added,
 * never on the untouched one next to it, and with --format github problems on
 * lines it did not change are listed in the log and the job summary but not
 * annotated on the diff. A temp git repository, the fake GitHub, the CLI in process.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parseHunkLines } from "../src/pr-check/scope.js";
import { DEMO_TOKEN, demoRepos, type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import { cooltechIn } from "./helpers/pr-check.js";
import { type TempGit, tempGit } from "./helpers/temp-git.js";

const CATEGORIES = `- id: security
  name: Security
  description: Runtime security.
- id: storage
  name: Storage
  description: Storage for Kubernetes.
- id: unused
  name: Unused
  description: A category main already leaves empty.
`;

// main: already has a problem (a bad tag on line 7) the pull request does not touch.
const BASE = `- name: Alpha
  category: security
- name: Delta
  category: security
- name: Falco
  repo: falcosecurity/falco
  tags: [Bad Tag]
  category: security
- name: Rook
  repo: rook/rook
  category: storage
`;

// The pull request adds "Charlie" at the end of security (it belongs before Delta) and
// "Ceph Rook", which repeats Rook's repository and sorts before it.
const HEAD = `- name: Alpha
  category: security
- name: Delta
  category: security
- name: Charlie
  category: security
- name: Falco
  repo: falcosecurity/falco
  tags: [Bad Tag]
  category: security
- name: Ceph Rook
  repo: https://github.com/rook/rook.git
  category: storage
- name: Rook
  repo: rook/rook
  category: storage
`;

let gh: FakeGitHub;
let repo: TempGit;

before(async () => {
  gh = await startFakeGitHub({ repos: demoRepos(), token: DEMO_TOKEN });
  repo = await tempGit("cooltech-pr-scope-");
  await repo.commit({ "data/categories.yaml": CATEGORIES, "data/projects.yaml": BASE }, "main");
  await repo.commit({ "data/projects.yaml": HEAD }, "pull request");
});
after(async () => {
  await gh.close();
  await repo.remove();
});

/** `cooltech validate ARGS` in the repository, as the pull-request check's step runs it. */
const validate = (args: string[]) =>
  cooltechIn(gh, repo.dir, ["validate", ...args], { GITHUB_TOKEN: DEMO_TOKEN });

interface Row {
  file: string;
  line: number;
  rule: string;
  message: string;
}

test("without a base: the later entry of each pair is blamed (what plain validate can know)", async () => {
  const r = await validate(["--format", "json"]);
  const rows = (JSON.parse(r.stdout) as Row[]).map((d) => `${d.line} ${d.rule}`);
  assert.deepEqual(rows, [
    "7 unused-category",
    "3 sort-order",
    "9 schema",
    "12 schema",
    "15 duplicate-repo",
  ]);
});

test("with --changed-since: on the entries the pull request added; untouched lines are not annotated", async () => {
  const r = await validate(["--online", "--changed-since", "HEAD^1", "--format", "github"]);
  assert.equal(r.code, 1, r.stdout);
  const annotations = r.stdout.split("\n").filter((l) => l.startsWith("::"));
  const located = annotations
    .filter((l) => l.startsWith("::error") || l.startsWith("::warning"))
    .map((l) => /line=(\d+),.*title=([\w-]+)::/.exec(l)?.slice(1).join(" "));
  assert.deepEqual(located, ["5 sort-order", "12 duplicate-repo", "12 schema"]);
  assert.match(r.stdout, /title=sort-order::"Charlie" is out of order .*it belongs after "Alpha"/);
  assert.match(
    r.stdout,
    /title=duplicate-repo::repo "https:\/\/github\.com\/rook\/rook\.git" \(`rook\/rook`\) is already used at line 15 \("Rook"\)/,
  );
  // Main's own problems: a notice, listed as text, and in the summary; not on the diff.
  assert.match(
    r.stdout,
    /^::notice title=Outside this pull request::2 problem\(s\) on lines this pull request did not change are not annotated/m,
  );
  assert.match(r.stdout, /^data\/categories\.yaml:7:7 warning category `unused` has no projects/m);
  assert.match(
    r.stdout,
    /^data\/projects\.yaml:9:10 error tag "Bad Tag" must be lowercase kebab-case/m,
  );
  assert.match(r.summary, /^### Problems on lines this pull request did not change$/m);
  assert.match(
    r.summary,
    /^\| error \| `data\/projects\.yaml:9:10` \| `schema` \| tag "Bad Tag" must be lowercase kebab-case/m,
  );
  assert.match(r.summary, /^\| warning \| `data\/categories\.yaml:7:7` \| `unused-category` \|/m);
  // The new-entry table is there too.
  assert.match(r.summary, /rook\/rook/);
});

test("text and json formats list everything, blamed on the touched entries", async () => {
  const r = await validate(["--online", "--changed-since", "HEAD^1", "--format", "json"]);
  const rows = (JSON.parse(r.stdout) as Row[]).map((d) => `${d.file}:${d.line} ${d.rule}`);
  assert.deepEqual(rows, [
    "data/categories.yaml:7 unused-category",
    "data/projects.yaml:5 sort-order",
    "data/projects.yaml:9 schema",
    "data/projects.yaml:12 duplicate-repo",
    "data/projects.yaml:12 schema",
  ]);
  assert.equal(r.summary.includes("did not change"), false);
});

test("parseHunkLines: the new file's lines of each hunk", () => {
  const diff = "@@ -1,0 +2,3 @@\n+a\n+b\n+c\n@@ -10 +12 @@\n-x\n+y\n@@ -20,2 +23,0 @@\n-p\n-q\n";
  assert.deepEqual([...parseHunkLines(diff)], [2, 3, 4, 12]);
});

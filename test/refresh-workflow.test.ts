/**
 * The nightly job of .github/workflows/refresh.yml, its shell steps run for
 * real with bash: against the fake GitHub, a bare git repository as `origin`,
 * and a stand-in `gh` that records what it was asked. Checks the commit of
 * data/, the push race, exit codes 3 and 5, and the one fix-up pull request;
 * the fetch job and the commit job run in separate checkouts and temp folders,
 * the generated files passed between them as the artifact would be.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type NightlyRig, type Runner, startNightlyRig, step } from "./helpers/nightly-job.js";
import { readWorkflow } from "./helpers/workflows.js";

/** The runner's clock: night 2 runs a day after night 1 (COOLTECH_NOW). */
const NIGHTS = ["2026-11-20T03:23:00Z", "2026-11-21T03:23:00Z", "2026-11-22T03:23:00Z"];
let night = 0;

let rig: NightlyRig;
const git = (cwd: string, ...args: string[]) => rig.git(cwd, ...args);
const gits = (cwd: string, ...commands: string[][]) => rig.gits(cwd, ...commands);

before(async () => {
  rig = await startNightlyRig(() => NIGHTS[night] ?? "");
});

after(() => rig.close());

test("night 1: commits data/ as the bot (after a concurrent merge), opens ONE fix-up PR", async () => {
  // A pull request merged on origin while the refresh runs: the bot's first push is rejected.
  const start = (await git(rig.origin, "rev-parse", "main")).trim();
  const other = join(rig.root, "other");
  await git(rig.root, "clone", "--quiet", rig.origin, other);
  await writeFile(join(other, "README.md"), "merged meanwhile\n");
  await gits(
    other,
    ["add", "README.md"],
    ["-c", "user.name=C", "-c", "user.email=c@example.invalid", "commit", "--quiet", "-m", "docs"],
    ["push", "--quiet", "origin", "main"],
  );

  const { runs, output, summary } = await rig.nightly(start);
  // Exit 3 (Ghost is missing) is a warning, and the directory is still committed.
  assert.match(output, /^exit-code=3$/m);
  assert.match(
    runs.refresh?.stdout ?? "",
    /^::warning title=Refresh incomplete::some entries are stale or missing/m,
  );

  const log = await git(rig.origin, "log", "--format=%an <%ae>|%s", "main");
  const [top, merged] = log.trim().split("\n");
  // Dated by the runner's clock (UTC), as `date -u` prints it.
  assert.match(
    top ?? "",
    /^github-actions\[bot\] <41898282\+github-actions\[bot\]@users\.noreply\.github\.com>\|data: nightly GitHub refresh \d{4}-\d{2}-\d{2}$/,
  );
  assert.equal(merged?.split("|")[1], "docs", "replayed on top of the concurrent merge");
  const files = (await git(rig.origin, "show", "--name-only", "--format=", "main"))
    .trim()
    .split("\n")
    .sort();
  assert.deepEqual(files, [
    ".github/ISSUE_TEMPLATE/suggest-project.yml",
    "data/DIRECTORY.md",
    "data/directory.json",
    "data/history.json",
    "data/projects.editor.schema.json",
  ]);
  // The editor schema (category ids for the modeline of projects.yaml) is kept in sync here too.
  // The issue form now offers the catalog's categories (a contributor never edits it).
  const form = await git(rig.origin, "show", "main:.github/ISSUE_TEMPLATE/suggest-project.yml");
  assert.match(form, /options:\n {8}- cluster-operations\n {8}- storage\n {8}- Something else\n/);
  assert.match(form, /# The list below is written by `cooltech issue-form`\./, "comments kept");
  const head = (await git(rig.origin, "rev-parse", "main")).trim();
  assert.match(output, /^changed=true$/m);
  assert.match(output, new RegExp(`^commit=${head}$`, "m"));

  // The fix-up branch: main plus one commit that changes only the moved repo field, comment kept.
  const diff = await git(rig.origin, "diff", "main", "cooltech/fix-moved");
  assert.match(diff, /^- {2}repo: weaveworks\/kured # moved in 2023$/m);
  assert.match(diff, /^\+ {2}repo: kubereboot\/kured # moved in 2023$/m);
  assert.deepEqual(
    (await git(rig.origin, "diff", "--name-only", "main", "cooltech/fix-moved")).trim(),
    "data/projects.yaml",
  );
  assert.deepEqual(await rig.ghLog(), [
    "pr list --head cooltech/fix-moved --base main --state open --json number --jq .[0].number // empty",
    `pr create --base main --head cooltech/fix-moved --title Follow moved repositories --body-file ${join(rig.root, "commit-tmp", "fix-moved.md")}`,
  ]);
  const body = await readFile(join(rig.root, "commit-tmp", "fix-moved.md"), "utf8");
  assert.match(body, /^- kured: `weaveworks\/kured` is now `kubereboot\/kured`$/m);
  assert.match(
    body,
    /\[Refresh workflow\]\(https:\/\/github\.example\/acme\/cooltech\/actions\/runs\/42\)/,
  );
  assert.match(
    summary,
    /^### Moved repositories\n\n- kured: `weaveworks\/kured` is now `kubereboot\/kured`$/m,
  );
  assert.match(
    summary,
    /^Opened fix-up pull request: https:\/\/github\.example\/acme\/cooltech\/pull\/7$/m,
  );
  assert.match(
    summary,
    /^Committed [0-9a-f]+ to main: \.github\/ISSUE_TEMPLATE\/suggest-project\.yml data\/DIRECTORY\.md data\/directory\.json data\/history\.json data\/projects\.editor\.schema\.json $/m,
  );
});

test("night 2, a day later, nothing new on GitHub: no commit, the fix-up PR left alone", async () => {
  night = 1;
  await gits(
    rig.work,
    ["fetch", "--quiet", "origin"],
    ["checkout", "--quiet", "--force", "main"],
    ["reset", "--quiet", "--hard", "origin/main"],
  );
  await writeFile(join(rig.root, "gh-pr-number"), "7\n");
  await writeFile(join(rig.root, "gh.log"), "");
  const fixBefore = (await git(rig.origin, "rev-parse", "cooltech/fix-moved")).trim();
  const mainBefore = (await git(rig.origin, "rev-parse", "main")).trim();
  const { output, summary } = await rig.nightly();
  assert.match(output, /^changed=false$/m);
  assert.equal((await git(rig.origin, "rev-parse", "main")).trim(), mainBefore);
  assert.equal(
    (await git(rig.origin, "rev-parse", "cooltech/fix-moved")).trim(),
    fixBefore,
    "no force-push",
  );
  // Only refreshedAt moved (exactly one line), so the step put it back and committed nothing.
  assert.match(
    summary,
    /^Nothing changed on GitHub \(only refreshedAt would move\): no commit\.$/m,
  );
  assert.match(summary, /^Fix-up pull request #7 is up to date\.$/m);
  assert.deepEqual(
    (await rig.ghLog()).map((l) => l.split(" --")[0]),
    ["pr list"],
  );
});

test("night 3, the fix merged: the fix-up PR is closed", async () => {
  night = 2;
  await gits(
    rig.work,
    ["fetch", "--quiet", "origin"],
    ["checkout", "--quiet", "--force", "main"],
    ["reset", "--quiet", "--hard", "origin/main"],
    ["merge", "--quiet", "--ff-only", "origin/cooltech/fix-moved"],
    ["push", "--quiet", "origin", "main"],
  );
  await writeFile(join(rig.root, "gh.log"), "");
  const { summary } = await rig.nightly();
  assert.deepEqual((await rig.ghLog()).slice(1), [
    "pr close 7 --delete-branch --comment Every repository resolves under its listed name again: nothing left to fix.",
  ]);
  assert.match(summary, /^Closed fix-up pull request #7: no moved repositories left\.$/m);
});

test("night 4, two merged pull requests list Rook twice: the data is committed, the run fails", async () => {
  await gits(
    rig.work,
    ["fetch", "--quiet", "origin"],
    ["checkout", "--quiet", "--force", "main"],
    ["reset", "--quiet", "--hard", "origin/main"],
  );
  const file = join(rig.work, "data/projects.yaml");
  const text = await readFile(file, "utf8");
  // A new valid entry and a repeat of Rook, each fine alone.
  const repeat = "- name: Rook\n  repo: rook/rook\n  category: storage\n";
  const added = "- name: Longhorn\n  repo: longhorn/longhorn\n  category: storage\n";
  await writeFile(file, text.replace("- name: Rook\n", `${added}${repeat}- name: Rook\n`));
  await gits(
    rig.work,
    ["add", "--all"],
    ["-c", "user.name=M", "-c", "user.email=m@example.invalid", "commit", "-qm", "two PRs"],
    ["push", "--quiet", "origin", "main"],
  );
  await writeFile(join(rig.root, "gh.log"), "");
  const { runs, output } = await rig.nightly();
  assert.match(output, /^exit-code=5$/m);
  assert.match(
    runs.refresh?.stderr ?? "",
    /^::error file=data\/projects\.yaml,line=\d+,col=\d+,title=duplicate-name::/m,
  );
  assert.match(
    runs.refresh?.stdout ?? "",
    /^::error title=Invalid entries in data\/projects\.yaml::/m,
  );
  assert.match(output, /^changed=true$/m);
  const directory = JSON.parse(await git(rig.origin, "show", "main:data/directory.json"));
  const names = directory.projects.map((p: { name: string }) => p.name);
  assert.deepEqual(
    names.filter((n: string) => n === "Rook"),
    ["Rook"],
  );
  assert.ok(names.includes("Longhorn"), "the valid new entry is refreshed and committed");
  // The night's one change (Longhorn added) goes to the change feed, collected and committed too.
  const committed = await git(rig.origin, "show", "--name-only", "--format=", "main");
  assert.ok(committed.split("\n").includes("data/changes.json"), committed);
  const feed = JSON.parse(await git(rig.origin, "show", "main:data/changes.json"));
  assert.deepEqual(
    feed.events.map((e: { type: string; name: string }) => `${e.type} ${e.name}`),
    ["added Longhorn"],
  );
  // The last step of the commit job, after the data was committed, reads the fetch job's exit code.
  const temp = join(rig.root, "commit-tmp");
  const runner: Runner = {
    job: "commit",
    cwd: rig.commitWork,
    temp,
    output: join(temp, "output"),
    summary: join(temp, "summary.md"),
  };
  const fail = await rig.runStep(runner, "Fail on invalid entries");
  assert.equal(fail.code, 5);
  assert.match(
    step("commit", "Fail on invalid entries").if ?? "",
    /needs\.fetch\.outputs\.exit-code == '5'/,
  );
  assert.equal(
    readWorkflow("refresh.yml").jobs.fetch?.outputs?.["exit-code"],
    "$" + "{{ steps.refresh.outputs.exit-code }}",
  );
});

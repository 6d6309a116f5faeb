/**
 * What each GitHub workflow's jobs do: the refresh's read-only fetch and its
 * commit job, the nightly schedule, ci.yml's checks on pushes and pull
 * requests, the weekly link check, the --max-time budgets and the Pages
 * publication. (Policies all workflows share: workflows-policy.test.ts.)
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { commandsOf } from "./helpers/shell-words.js";
import { expr, readWorkflow, steps } from "./helpers/workflows.js";

describe("policy", () => {
  test("refresh.yml: a read-only token fetches; only the commit job can write, and it runs no npm", () => {
    const w = readWorkflow("refresh.yml");
    const { fetch, commit, pages } = w.jobs;
    assert.deepEqual(fetch?.permissions, { contents: "read" });
    assert.deepEqual(commit?.permissions, { contents: "write", "pull-requests": "write" });
    assert.equal(commit?.needs, "fetch");
    assert.equal(pages?.needs, "commit");
    // GitHub's API (refresh, --fix-moved) is called with the read-only token of the fetch job.
    for (const { job, step } of steps(w)) {
      if (step.env?.GITHUB_TOKEN !== undefined) assert.equal(job, "fetch", step.name ?? step.id);
    }
    const commitSteps = commit?.steps ?? [];
    assert.ok(!commitSteps.some((x) => x.uses?.startsWith("actions/setup-node@")));
    for (const x of commitSteps) {
      const words = commandsOf(x.run ?? "").map((c) => c.words[0]);
      assert.ok(
        !words.includes("npm") && !words.includes("npx"),
        `${x.name}: no npm in the commit job`,
      );
    }
    // The generated files travel as an artifact, hidden files (data/.etags.json) included.
    const upload = (fetch?.steps ?? []).find((x) => x.uses?.startsWith("actions/upload-artifact@"));
    const download = commitSteps.find((x) => x.uses?.startsWith("actions/download-artifact@"));
    assert.equal(upload?.with?.["include-hidden-files"], true);
    assert.equal(upload?.with?.name, download?.with?.name);
    // The commit job's first steps: its checkout, then the artifact, before any script.
    assert.deepEqual(
      commitSteps.slice(0, 2).map((x) => x.uses?.split("@")[0]),
      ["actions/checkout", "actions/download-artifact"],
    );
  });

  test("refresh.yml: also runs when a pull request changing the catalog is merged", () => {
    const w = readWorkflow("refresh.yml");
    assert.deepEqual(w.on.push, {
      branches: ["main"],
      paths: ["data/projects.yaml", "data/categories.yaml"],
    });
    const all = steps(w).map(({ step }) => step.run ?? "");
    assert.ok(
      all.some((r) => /^npx cooltech issue-form \|\|/m.test(r)),
      "regenerates the issue form (invalid categories leave it as it is, with a warning)",
    );
    const commit = steps(w).find(({ step }) => step.id === "commit")?.step.run ?? "";
    assert.match(commit, /git add --all -- data\/ \.github\/ISSUE_TEMPLATE\/ /);
  });

  test("ci.yml: tests that cannot skip the browser, annotations, format check", () => {
    const w = readWorkflow("ci.yml");
    const all = steps(w).map(({ step }) => step.run ?? "");
    const tests = steps(w).find(({ step }) => step.run === "npm test")?.step;
    // The tests find the runner's Chrome themselves; CI=true turns a missing browser into a failure.
    assert.equal(tests?.env?.CI, "true", "npm test runs with CI=true");
    assert.ok(all.includes("npx cooltech validate --format github"));
    assert.ok(all.includes("npx cooltech fmt --check"));
    const fmt = steps(w).find(({ step }) => step.run === "npx cooltech fmt --check");
    assert.equal(
      fmt?.step.if,
      expr("!cancelled()"),
      "fmt --check runs even after a failed validate",
    );
  });

  test("ci.yml: on pull requests, the new-entry check against the merge commit's base", () => {
    const w = readWorkflow("ci.yml");
    const s = w.jobs.data?.steps ?? [];
    assert.equal(s[0]?.with?.["fetch-depth"], 2, "the merge commit and its first parent");
    const check = s.find((x) => x.run?.includes("--online"));
    assert.equal(
      check?.run,
      "npx cooltech validate --online --changed-since HEAD^1 --format github",
    );
    assert.equal(check?.if, expr("github.event_name == 'pull_request'"));
    assert.equal(check?.env?.GITHUB_TOKEN, expr("github.token"));
    // Exactly one validation per event, so no problem is annotated twice.
    const plain = s.find((x) => x.run === "npx cooltech validate --format github");
    assert.equal(plain?.if, expr("github.event_name != 'pull_request'"));
  });

  test("refresh.yml: nightly at an odd minute, never two at once, exit 3 tolerated", () => {
    const w = readWorkflow("refresh.yml");
    const schedule = w.on.schedule as Array<{ cron: string }>;
    const [minute, hour, ...rest] = (schedule[0]?.cron ?? "").split(" ");
    assert.ok(Number(minute) % 2 === 1 && Number(minute) % 5 !== 0, `odd minute: ${minute}`);
    assert.match(hour ?? "", /^\d+$/);
    assert.deepEqual(rest, ["*", "*", "*"], "every day");
    assert.ok("workflow_dispatch" in w.on);
    assert.deepEqual(w.concurrency, { group: "refresh", "cancel-in-progress": false });
    const refresh = steps(w).find(({ step }) => step.id === "refresh")?.step;
    assert.equal(refresh?.env?.GITHUB_TOKEN, expr("github.token"));
    assert.match(refresh?.run ?? "", /3\) echo "::warning/);
    const commit = steps(w).find(({ step }) => step.id === "commit")?.step.run ?? "";
    assert.match(commit, /git config user\.name "github-actions\[bot\]"/);
    assert.match(commit, /git diff --cached --quiet/);
    assert.match(commit, /':!data\/projects\.yaml'/, "the bot never commits curated files");
  });

  test("links.yml: weekly and on demand only, never on pull requests or pushes", () => {
    const w = readWorkflow("links.yml");
    assert.deepEqual(Object.keys(w.on).sort(), ["schedule", "workflow_dispatch"]);
  });

  test("refresh and check-links stop by --max-time well inside their job's timeout", () => {
    for (const [file, command] of [
      ["refresh.yml", "refresh"],
      ["links.yml", "check-links"],
    ] as const) {
      const w = readWorkflow(file);
      for (const [name, job] of Object.entries(w.jobs)) {
        for (const s of job.steps ?? []) {
          const line = (s.run ?? "").split("\n").find((l) => l.includes(`npx cooltech ${command}`));
          // The fix-up step refreshes the few moved entries only.
          if (!line || line.includes("--fix-moved")) continue;
          const seconds = Number(/--max-time (\d+)/.exec(line)?.[1]);
          const limit = Number(job["timeout-minutes"]) * 60;
          assert.ok(seconds > 0 && seconds <= limit - 300, `${file}#${name}: ${line.trim()}`);
        }
      }
    }
  });

  test("pages.yml: publishes the tip of main only (no ref input, no other ref)", () => {
    const w = readWorkflow("pages.yml");
    for (const trigger of ["workflow_dispatch", "workflow_call"]) {
      const t = w.on[trigger] as { inputs?: unknown } | null;
      assert.ok(trigger in w.on, trigger);
      assert.equal(t?.inputs, undefined, `${trigger} takes no ref`);
    }
    const build = w.jobs.build;
    assert.equal(build?.if, expr("github.ref == 'refs/heads/main'"));
    const checkout = build?.steps?.find((s) => s.uses?.startsWith("actions/checkout@"));
    assert.equal(checkout?.with?.ref, "refs/heads/main");
    assert.equal(
      readWorkflow("refresh.yml").jobs.pages?.with,
      undefined,
      "the refresh passes no ref",
    );
  });

  test("pages.yml: publishes through the Pages artifact, callable from the refresh", () => {
    const w = readWorkflow("pages.yml");
    assert.ok("workflow_call" in w.on && "push" in w.on);
    const uses = steps(w).map(({ step }) => step.uses?.split("@")[0]);
    assert.ok(uses.includes("actions/upload-pages-artifact"));
    assert.ok(uses.includes("actions/deploy-pages"));
    const refresh = readWorkflow("refresh.yml").jobs.pages;
    assert.equal(refresh?.uses, "./.github/workflows/pages.yml");
  });
});

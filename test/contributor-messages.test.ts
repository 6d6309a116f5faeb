/**
 * The mistakes a first-time contributor makes in data/projects.yaml, and what
 * `cooltech validate` tells them: each message must name the line and say the fix.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runMain } from "../src/cli/main.js";

const CATEGORIES = `- id: observability
  name: Observability
  description: Metrics, logs and traces.
- id: security
  name: Security
  description: Runtime security.
`;

// Lines:            1                 2                           3                        4
const FALCO = `- name: Falco
  repo: falcosecurity/falco
  category: security
  description: Cloud-native runtime security.
`;
const PROMETHEUS = `- name: Prometheus
  repo: prometheus/prometheus
  category: observability
`;

let root: string;
let n = 0;
before(async () => {
  root = await mkdtemp(join(tmpdir(), "cooltech-contrib-"));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Row {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

async function validate(projects: string): Promise<{ code: number; rows: Row[]; text: string }> {
  const dir = join(root, `case${n++}`);
  await mkdir(dir);
  await writeFile(join(dir, "projects.yaml"), projects);
  await writeFile(join(dir, "categories.yaml"), CATEGORIES);
  const run = async (format: string) => {
    let stdout = "";
    const io = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      env: {},
      cwd: dir,
    };
    const code = await runMain(["validate", "--data", ".", "--format", format], io);
    return { code, stdout };
  };
  const json = await run("json");
  const text = await run("text");
  return { code: json.code, rows: JSON.parse(json.stdout) as Row[], text: text.stdout };
}

function first(rows: Row[]): Row {
  const row = rows[0];
  assert.ok(row, "a diagnostic is reported");
  return row;
}

test("a key indented one space too far: the entry's line, and how to line the keys up", async () => {
  const { code, rows, text } = await validate(
    `${PROMETHEUS}${FALCO.replace("  repo:", "   repo:")}`,
  );
  assert.equal(code, 1);
  const d = first(rows);
  assert.deepEqual([d.line, d.column, d.rule], [4, 9, "yaml-syntax"]);
  assert.match(d.message, /the next line is indented further than this entry's other keys/);
  assert.match(d.message, /line up every key two spaces under `- `/);
  assert.match(text, /^projects\.yaml:4:9 error .*line up every key/m);
});

test("a key at the start of the line: which key, and indent it by two spaces", async () => {
  const { rows } = await validate(`${PROMETHEUS}${FALCO.replace("  repo:", "repo:")}`);
  const d = first(rows);
  assert.deepEqual([d.line, d.column, d.rule], [5, 1, "yaml-syntax"]);
  assert.match(
    d.message,
    /`repo:` starts at the beginning of the line: indent it by two spaces so it belongs to the entry above/,
  );
});

test("a tab used for indentation: spaces, not tabs", async () => {
  const { rows } = await validate(`${PROMETHEUS}${FALCO.replace("  repo:", "\trepo:")}`);
  const d = first(rows);
  assert.deepEqual([d.line, d.column, d.rule], [5, 1, "yaml-syntax"]);
  assert.match(d.message, /tabs are not allowed in the indentation; indent with spaces/);
});

test("an unquoted value containing ': ': quote it", async () => {
  const { rows } = await validate(
    `${PROMETHEUS}${FALCO.replace("Cloud-native runtime security.", "Falco: cloud-native runtime security.")}`,
  );
  const d = first(rows);
  assert.deepEqual([d.line, d.column, d.rule], [7, 16, "yaml-syntax"]);
  assert.match(d.message, /this value contains `: `.*put the value in double quotes/);
});

test("an unknown category that is a near miss: did you mean …?", async () => {
  const { code, rows } = await validate(
    `${PROMETHEUS.replace("category: observability", "category: observabilty")}${FALCO}`,
  );
  assert.equal(code, 1);
  const d = rows.find((r) => r.rule === "unknown-category");
  assert.ok(d, JSON.stringify(rows));
  assert.deepEqual([d.line, d.column], [3, 13]);
  assert.match(d.message, /unknown category `observabilty` \(did you mean `observability`\?\)/);
  assert.match(d.message, /use an id from categories\.yaml or add the category there/);
});

test("a repository given as a URL: the owner/name to write instead", async () => {
  const url = "repo: https://github.com/falcosecurity/falco.git";
  const { rows } = await validate(
    `${PROMETHEUS}${FALCO.replace("repo: falcosecurity/falco", url)}`,
  );
  const d = rows.find((r) => r.line === 5);
  assert.ok(d, JSON.stringify(rows));
  assert.deepEqual([d.column, d.rule], [9, "schema"]);
  assert.match(d.message, /`repo` must be `owner\/name`, not a URL: write `falcosecurity\/falco`/);
  assert.match(d.message, /`cooltech fmt` does this for you/);
});

test("a duplicate entry: points back at the first one", async () => {
  const dup = "- name: Falco\n  repo: FalcoSecurity/Falco\n  category: security\n";
  const { rows } = await validate(`${PROMETHEUS}${FALCO}${dup}`);
  const byRule = new Map(rows.map((r) => [r.rule, r]));
  const name = byRule.get("duplicate-name");
  const repo = byRule.get("duplicate-repo");
  assert.ok(name && repo, JSON.stringify(rows));
  assert.deepEqual([name.line, name.column, repo.line, repo.column], [8, 9, 9, 9]);
  assert.match(name.message, /name "Falco" is already used at line 4 \("Falco"\)/);
  assert.match(repo.message, /repo "FalcoSecurity\/Falco" is already used at line 5/);
  assert.match(repo.message, /remove this duplicate entry or merge the two/);
});

test("an entry out of order: where it belongs, and the command that sorts", async () => {
  const { rows } = await validate(`${FALCO}${PROMETHEUS}`);
  const d = rows.find((r) => r.rule === "sort-order");
  assert.ok(d, JSON.stringify(rows));
  assert.equal(d.line, 1);
  assert.match(d.message, /"Falco" is out of order .*it belongs after "Prometheus"/);
  assert.match(d.message, /run `cooltech fmt` to sort the file/);
});

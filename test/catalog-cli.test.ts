/**
 * The CLI's output formats and exit codes (`validate`: text, json, GitHub
 * annotations), colours and the GitHub Actions defaults. Usage errors and
 * --help: catalog-cli-usage.test.ts.
 */
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { annotation } from "../src/actions/commands.js";
import { CATEGORIES, removeTemp, runCli, tempData, tempDir } from "./helpers/catalog.js";

const VALID = `- name: Falco
  repo: falcosecurity/falco
  category: security
- name: Rook
  repo: rook/rook
  category: storage
`;

const INVALID = `- name: Falco
  category: securty
- name: Rook
  category: storage
  colour: blue
`;

const ESC = String.fromCharCode(27);

const temps: string[] = [];
const temp = async (files: Record<string, string>) => {
  const dir = await tempData(files);
  temps.push(dir);
  return dir;
};
after(() => Promise.all(temps.map(removeTemp)));

describe("validate: formats and exit codes", () => {
  let valid: string;
  let invalid: string;
  before(async () => {
    valid = await temp({ "projects.yaml": VALID, "categories.yaml": CATEGORIES });
    invalid = await temp({ "projects.yaml": INVALID, "categories.yaml": CATEGORIES });
  });

  test("valid data: exit 0, nothing on stdout, a summary on stderr", async () => {
    const r = await runCli(["validate", "--data", "."], { cwd: valid });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr, "✔ valid: 2 projects in 2 categories\n");
  });

  test("text: file:line:col severity message (rule), exit 1", async () => {
    const r = await runCli(["validate", "--data", invalid], { cwd: invalid });
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      "categories.yaml:1:7 warning category `security` has no projects; add one or remove the category (unused-category)\n" +
        "projects.yaml:2:13 error unknown category `securty` (did you mean `security`?); use an id from categories.yaml or add the category there (unknown-category)\n" +
        'projects.yaml:5:3 error unknown key "colour"; allowed keys: name, repo, homepage, category, tags, description, maintenance (schema)\n',
    );
    assert.equal(r.stderr, "✖ 2 errors, 1 warning\n");
  });

  test("json: an array of {file, line, column, severity, rule, message}, nothing on stderr", async () => {
    const r = await runCli(["validate", "--data", ".", "--format", "json"], { cwd: invalid });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, "");
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(
      rows.map((d) => Object.keys(d)),
      [0, 1, 2].map(() => ["file", "line", "column", "severity", "rule", "message"]),
    );
    assert.deepEqual(rows[1], {
      file: "projects.yaml",
      line: 2,
      column: 13,
      severity: "error",
      rule: "unknown-category",
      message:
        "unknown category `securty` (did you mean `security`?); use an id from categories.yaml or add the category there",
    });
    const ok = await runCli(["validate", "--data", ".", "--format", "json"], { cwd: valid });
    assert.equal(ok.code, 0);
    assert.equal(ok.stdout, "[]\n");
  });

  test("github: annotations escaped per GitHub's rules (% CR LF in messages, also : and , in properties)", async () => {
    const parent = await tempDir();
    temps.push(parent);
    // A folder name with a colon, a comma and a newline ends up in the file= property.
    const dir = join(parent, "d:a,t\nx");
    await mkdir(dir);
    await writeFile(join(dir, "categories.yaml"), CATEGORIES);
    await writeFile(
      join(dir, "projects.yaml"),
      "- name: Falco\n  category: security\n  50%off: yes\n- name: Rook\n  category: storage\n",
    );
    const r = await runCli(["validate", "--data", dir, "--format", "github"], { cwd: parent });
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      '::error file=d%3Aa%2Ct%0Ax/projects.yaml,line=3,col=3,title=schema::unknown key "50%25off"; allowed keys: name, repo, homepage, category, tags, description, maintenance\n',
    );
  });

  test("annotation() escapes CR and LF in the message and every special character in properties", () => {
    assert.equal(
      annotation({
        level: "warning",
        file: "a,b:c",
        line: 1,
        col: 2,
        title: "t%",
        message: "x%\r\ny",
      }),
      "::warning file=a%2Cb%3Ac,line=1,col=2,title=t%25::x%25%0D%0Ay",
    );
  });

  test("github: at most 10 annotations per severity; the overflow is counted in a notice and listed", async () => {
    const unused = Array.from(
      { length: 11 },
      (_, i) => `- id: u${String(i).padStart(2, "0")}\n  name: U${i}\n  description: Unused.\n`,
    ).join("");
    const unknown = Array.from(
      { length: 12 },
      (_, i) => `- name: P${String(i).padStart(2, "0")}\n  category: zz-unknown\n`,
    ).join("");
    const dir = await temp({
      "categories.yaml": `${CATEGORIES}${unused}`,
      "projects.yaml": `- name: Falco\n  category: security\n- name: Rook\n  category: storage\n${unknown}`,
    });
    const r = await runCli(["validate", "--data", "."], {
      cwd: dir,
      env: { GITHUB_ACTIONS: "true" },
    });
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split("\n");
    assert.equal(lines.filter((l) => l.startsWith("::warning ")).length, 10);
    assert.equal(lines.filter((l) => l.startsWith("::error ")).length, 10);
    const notice = lines.filter((l) => l.startsWith("::notice"));
    assert.deepEqual(notice, [
      "::notice::3 more problem(s) are not annotated (GitHub shows 10 per severity); they are listed below",
    ]);
    assert.deepEqual(lines.slice(-3), [
      "categories.yaml:37:7 warning category `u10` has no projects; add one or remove the category (unused-category)",
      "projects.yaml:26:13 error unknown category `zz-unknown`; use an id from categories.yaml or add the category there (unknown-category)",
      "projects.yaml:28:13 error unknown category `zz-unknown`; use an id from categories.yaml or add the category there (unknown-category)",
    ]);
  });

  test("GITHUB_ACTIONS=true makes github the default format; --format overrides it", async () => {
    const gh = await runCli(["validate", "--data", "."], {
      cwd: invalid,
      env: { GITHUB_ACTIONS: "true" },
    });
    assert.match(gh.stdout, /^::warning file=categories.yaml,line=1,col=7,title=unused-category::/);
    assert.match(gh.stdout, /\n::error file=projects.yaml,line=2,col=13,title=unknown-category::/);
    const text = await runCli(["validate", "--data", ".", "--format", "text"], {
      cwd: invalid,
      env: { GITHUB_ACTIONS: "true" },
    });
    assert.match(text.stdout, /^categories.yaml:1:7 warning /);
  });

  test("NO_COLOR turns colours off even when FORCE_COLOR asks for them", async () => {
    const colour = await runCli(["validate", "--data", "."], {
      cwd: invalid,
      env: { FORCE_COLOR: "1" },
    });
    assert.ok((colour.stdout + colour.stderr).includes(`${ESC}[31m`), "red when forced");
    const plain = await runCli(["validate", "--data", "."], {
      cwd: invalid,
      env: { FORCE_COLOR: "1", NO_COLOR: "1" },
    });
    assert.ok(!(plain.stdout + plain.stderr).includes(ESC), "no escape sequence");
    assert.equal(plain.code, 1);
  });
});

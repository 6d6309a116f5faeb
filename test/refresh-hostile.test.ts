/**
 * Hostile curated names and hostile GitHub answers, through the real binary
 * against the local fake GitHub: no line cooltech prints (stdout, stderr; every
 * command and format) can act as a GitHub Actions workflow command, the step
 * summary carries no raw HTML or image, and no generated file carries control
 * or bidi characters. Token redaction hides secrets, not words: a token too short
 * to be a secret (GITHUB_TOKEN=x) leaves the output alone; a real-looking one never
 * appears in it (each on a fake GitHub of its own).
 */
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { isWorkflowCommand } from "../src/actions/neutralise.js";
import type { Directory } from "../src/core/model.js";
import { demoRepos, type FakeGitHub, type FakeRepo, startFakeGitHub } from "./fake-github/index.js";
import {
  assertNoToken,
  type CliRun,
  fakeEnv,
  runCli,
  TOKEN,
  tempData,
} from "./helpers/refresh-cli.js";

const T1 = "2025-11-20T03:00:00.000Z";
/** Characters that must reach no generated file (src/core/text.ts). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE_TEXT =
  "Fine\n::error title=Injected::desc\r::add-mask::abc ##[error]x NUL\u0000 ESC\u001b[31m " +
  "\u202egnp.exe\u202c \u2066iso\u2069 <img src=x onerror=alert(1)> ![img](https://e.x/i.png)";

/** Names that sort first in their category, in canonical order. */
const ENTRIES = [
  ["![img](https://e.x/i.png)", "evil/desc"],
  ["##[error]boom", "evil/err"],
  ["::warning::x", "evil/missing"],
  ["<img src=x onerror=alert(1)>", "evil/moved"],
] as const;

let gh: FakeGitHub;
let tmp: Awaited<ReturnType<typeof tempData>>;
const runs: Array<[string, CliRun]> = [];

function evil(id: number, owner: string, name: string, extra: Partial<FakeRepo> = {}): FakeRepo {
  const base = demoRepos()[0] as FakeRepo;
  return { ...base, id, owner, name, description: HOSTILE_TEXT, topics: ["ok"], ...extra };
}

async function run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const r = await runCli(args, fakeEnv(gh, { COOLTECH_NOW: T1, ...env }), tmp.dir);
  runs.push([args.join(" "), r]);
  return r;
}

before(async () => {
  gh = await startFakeGitHub({
    repos: [
      ...demoRepos(),
      evil(900001, "evil", "desc", { language: "Go\u001b[2J", license: "MIT" }),
      evil(900002, "evil", "err"),
      evil(900003, "evil2", "::warning::moved", { formerNames: ["evil/moved"] }),
    ],
    token: TOKEN,
  });
  // GitHub's error text, with a CR (a line break to the runner) before a command.
  gh.addFault({
    kind: "status",
    status: 422,
    message: "bad input\r::add-mask::abc\r\n::error title=Injected::boom",
    api: "graphql",
    repo: "evil/err",
  });
  tmp = await tempData();
  const yaml = join(tmp.data, "projects.yaml");
  const added = ENTRIES.map(
    ([name, repo]) =>
      `- name: ${JSON.stringify(name)}\n  repo: ${repo}\n  category: chaos-engineering\n`,
  ).join("");
  const text = await readFile(yaml, "utf8");
  await writeFile(yaml, text.replace("- name: LitmusChaos\n", `${added}- name: LitmusChaos\n`));
});
after(async () => {
  await gh.close();
  await tmp.cleanup();
});

test("the hostile catalog is valid (names may hold any visible text)", async () => {
  const r = await run(["validate", "--data", "data"]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
});

test("refresh (text and --json, with a step summary): hostile entries reported, nothing injected", async () => {
  const summary = join(tmp.dir, "summary.md");
  await writeFile(summary, "");
  const env = { GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: "true" };
  const text = await run(["refresh", "--data", "data", "--batch-size", "1"], env);
  assert.equal(text.code, 3, text.stderr);
  assert.match(text.stdout, /: ?:warning::x \(evil\/missing\): no earlier data/);
  assert.match(text.stdout, /^ {2}## \[error\]boom \(evil\/err\): HTTP 422; no earlier data$/m);
  assert.match(text.stdout, /^ {2}: :warning::x \(evil\/missing\)/m);
  assert.match(
    text.stdout,
    /<img src=x onerror=alert\(1\)>: evil\/moved → evil2\/::warning::moved/,
  );
  const json = await run(["refresh", "--data", "data", "--batch-size", "1", "--json"], env);
  assert.equal(json.code, 3, json.stderr);
  const s = JSON.parse(json.stdout);
  assert.deepEqual(
    s.missing.map((m: { name: string }) => m.name),
    ["::warning::x"],
    "the JSON keeps the data as it is: it is not read line by line",
  );
  const md = await readFile(summary, "utf8");
  assert.match(md, /## cooltech refresh/);
  // No raw HTML tag or image/link syntax: every < [ ! is escaped.
  assert.doesNotMatch(md, /(?<!\\)<(?!\/?details|\/?summary)/);
  assert.doesNotMatch(md, /(?<!\\)!(?<!\\)\[/);
  assert.doesNotMatch(md, /\]\((?!https:\/\/)/);
  assert.match(md, /\\<img src=x onerror=alert\(1\)\\>/);
  assert.match(md, /\| ##\\\[error\\\]boom \| `evil\/err` \| stale \| HTTP 422 \|/);
});

test("validate --format github: annotations only from the formatter, the overflow list inert", async () => {
  const dir = join(tmp.dir, "dups");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "categories.yaml"), "- id: tools\n  name: Tools\n  description: T.\n");
  const dup = '- name: "##[error]dup"\n  category: tools\n';
  await writeFile(join(dir, "projects.yaml"), dup.repeat(13));
  const r = await run(["validate", "--data", "dups", "--format", "github"]);
  assert.equal(r.code, 1);
  const annotations = r.stdout.split(/\r\n|\r|\n/).filter((l) => l.startsWith("::"));
  assert.equal(annotations.length, 11, "10 errors and the notice about the rest");
  for (const line of annotations) {
    assert.match(
      line,
      /^::(?:error file=dups\/projects\.yaml,line=\d+,col=\d+,title=[a-z-]+|notice)::[^\r\n]*$/,
    );
  }
  assert.match(r.stdout, /^dups\/projects\.yaml:\d+:\d+ error .*## \[error\]dup/m);
});

test("generated files: no control or bidi characters (directory.json, DIRECTORY.md, history, site)", async () => {
  const built = await run(["build", "--data", "data"]);
  assert.equal(built.code, 0, built.stderr);
  const site = await run(["site", "--data", "data", "--out", "site"]);
  assert.equal(site.code, 0, site.stderr);
  const dir = JSON.parse(await readFile(join(tmp.data, "directory.json"), "utf8")) as Directory;
  const strings: string[] = [];
  JSON.stringify(dir, (_k, v) => {
    if (typeof v === "string") strings.push(v);
    return v;
  });
  const desc = dir.projects.find((p) => p.repo === "evil/desc");
  assert.match(desc?.github?.description ?? "", /Fine\n::error.*gnp\.exe iso <img/s);
  for (const file of ["DIRECTORY.md", "history.json", "directory.json"]) {
    const bytes = await readFile(join(tmp.data, file), "utf8");
    assert.doesNotMatch(bytes, UNSAFE, file);
  }
  assert.ok(
    strings.every((v) => !UNSAFE.test(v)),
    "no value holds one",
  );
  const page = await readFile(join(tmp.dir, "site", "index.html"), "utf8");
  assert.doesNotMatch(page, UNSAFE, "site/index.html");
  assert.doesNotMatch(
    page,
    /\\u00(?:0[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])|\\u202[a-e]|\\u206[6-9]/i,
  );
  const md = await readFile(join(tmp.data, "DIRECTORY.md"), "utf8");
  assert.match(md, /Fine ::error title=Injected::desc ::add-mask::abc/);
});

test("no line of any run above can act as a workflow command", () => {
  assert.ok(runs.length >= 6);
  for (const [what, r] of runs) {
    for (const [stream, text] of [
      ["stdout", r.stdout],
      ["stderr", r.stderr],
    ] as const) {
      for (const line of text.split(/\r\n|\r|\n/)) {
        const annotation =
          what.includes("--format github") &&
          stream === "stdout" &&
          /^::(?:error file=[^,:]+,line=\d+,col=\d+,title=[a-z-]+|notice)::/.test(line);
        if (!annotation) assert.equal(isWorkflowCommand(line), false, `${what} ${stream}: ${line}`);
      }
    }
  }
});

test("GITHUB_TOKEN=x: the --json summary keeps its words (`fixed`, not `fi***ed`)", async () => {
  const short = await startFakeGitHub({ repos: demoRepos(), token: "x" });
  const tmp = await tempData();
  try {
    const env = fakeEnv(short, { GITHUB_TOKEN: "x" });
    const run = await runCli(["refresh", "--data", "data", "--json"], env, tmp.dir);
    assert.notEqual(run.code, 70, run.stderr);
    assert.doesNotMatch(run.stdout + run.stderr, /\*\*\*/);
    const summary = JSON.parse(run.stdout) as { moved: Array<Record<string, unknown>> };
    assert.ok(summary.moved.length > 0, "the demo data has a moved repository");
    for (const m of summary.moved) assert.equal(typeof m.fixed, "boolean");
  } finally {
    await tmp.cleanup();
    await short.close();
  }
});

test("a real-looking token never reaches the output or the files", async () => {
  const long = await startFakeGitHub({ repos: demoRepos(), token: TOKEN });
  const tmp = await tempData();
  try {
    const run = await runCli(["refresh", "--data", "data", "--json"], fakeEnv(long), tmp.dir);
    assert.notEqual(run.code, 70, run.stderr);
    await assertNoToken(run, tmp.dir);
  } finally {
    await tmp.cleanup();
    await long.close();
  }
});

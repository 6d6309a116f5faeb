/**
 * `cooltech check-links` from the command line: the real binary over https
 * (located diagnostics, an untrusted certificate), the text and github
 * formats, progress on a terminal, usage errors, --help and a bad --config.
 * The three full runs over the fixture start together in before().
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Agent } from "undici";
import { checkLinksCommandWith } from "../src/cli/commands/check-links.js";
import { runMain } from "../src/cli/main.js";
import { fakeIo, repoRoot, runBinary, runHttp } from "./helpers/links-cli.js";
import {
  fixtureDataDir,
  type LinkServer,
  startLinkServer,
  testCaPath,
} from "./helpers/links-server.js";

let https: LinkServer;
let httpsRoot: string;
let summaryDir: string;
// The three full runs over the fixture take about 20 s each (/slow never answers and
// times out twice, with a deadline generous enough for a loaded machine): start them
// together, the tests await them.
let binaryRun: ReturnType<typeof runBinary>;
let textRun: ReturnType<typeof runHttp>;
let githubRun: ReturnType<typeof runHttp>;

before(async () => {
  https = await startLinkServer({ tls: true });
  httpsRoot = await fixtureDataDir(https.origin);
  summaryDir = await mkdtemp(join(tmpdir(), "cooltech-summary-"));
  // The fixture's homepages are https://127.0.0.1:PORT/… (valid per the data schema);
  // the spawned process trusts the test certificate, and repos point at the fake /gh.
  binaryRun = runBinary(
    ["check-links", "--timeout", "10000", "--per-host", "16", "--format", "json"],
    httpsRoot,
    { NODE_EXTRA_CA_CERTS: testCaPath(), GITHUB_SERVER_URL: `${https.origin}/gh` },
  );
  textRun = runHttp(["--format", "text"]);
  githubRun = runHttp([], {
    GITHUB_ACTIONS: "true",
    GITHUB_STEP_SUMMARY: join(summaryDir, "summary.md"),
  });
});
after(async () => {
  await Promise.allSettled([binaryRun, textRun, githubRun]);
  await https.close();
  await rm(httpsRoot, { recursive: true, force: true });
  await rm(summaryDir, { recursive: true, force: true });
});

test("the real binary checks the https fixture: located diagnostics, exit 1", async () => {
  const r = await binaryRun;
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as {
    status: string;
    reason: string | null;
    skipped: Array<{ host: string; reason: string; links: number }>;
    diagnostics: Array<Record<string, unknown>>;
  };
  assert.equal(report.status, "checked");
  assert.equal(report.reason, null);
  assert.deepEqual(report.skipped[0], {
    host: "npmjs.com",
    reason: "Answers 403 to CI runners.",
    links: 1,
  });
  const rows = report.diagnostics;
  const o = https.origin;
  assert.deepEqual(
    rows.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`),
    [
      "8:13 error dead-link",
      "11:13 error dead-link",
      "14:13 warning moved-link",
      "20:13 warning unverified-link",
      "26:13 warning unverified-link",
      "29:13 error dead-link",
      "35:13 warning unverified-link",
      "38:9 warning moved-link",
      "41:9 error dead-link",
    ],
  );
  assert.ok(rows.every((d) => d.file === "data/projects.yaml"));
  assert.equal(
    rows[2]?.message,
    `homepage "${o}/moved" redirects permanently (301) to "${o}/ok"; update it`,
  );
  assert.equal(
    rows[5]?.message,
    `homepage "${o}/slow" is dead: no answer within 10000 ms (tried twice); fix the URL or remove it`,
  );
  assert.equal(
    rows[7]?.message,
    `repo "old/name" moved to "new/name" (301 from ${o}/gh/old/name); update \`repo\` to \`new/name\``,
  );
  assert.match(r.stderr, /info: skipped npmjs\.com \(1 link\): Answers 403 to CI runners\./);
  assert.match(r.stderr, /✖ 16 links \(16 URLs\): 4 dead, 2 moved, 3 unverified, 2 skipped\n$/);
});

test("a certificate the machine does not trust is a dead link (TLS error)", async () => {
  const dir = await mkdtemp(join(tmpdir(), "cooltech-tls-"));
  await writeFile(
    join(dir, "projects.yaml"),
    `- name: A\n  homepage: ${https.origin}/ok\n  category: tools\n`,
  );
  try {
    const r = await runBinary(["check-links", "--data", ".", "--format", "json"], dir, {});
    assert.equal(r.code, 1, r.stderr);
    const { diagnostics } = JSON.parse(r.stdout) as {
      diagnostics: Array<{ rule: string; message: string; line: number }>;
    };
    const [row] = diagnostics;
    assert.equal(row?.rule, "dead-link");
    assert.equal(row?.line, 2);
    assert.match(row?.message ?? "", /is dead: TLS error: .*\((?:SELF_SIGNED|DEPTH_ZERO)\w*\)/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("text format: file:line:col severity message (rule), summary on stderr", async () => {
  const r = await textRun;
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split("\n");
  assert.equal(lines.length, 9);
  assert.equal(
    lines[1],
    `data/projects.yaml:11:13 error homepage "${r.origin}/gone" is dead: 410 Gone; fix the URL or remove it (dead-link)`,
  );
  assert.match(r.stderr, /^info: skipped npmjs\.com/m);
});

test("github format: annotations at the entry's line, and a job summary table", async () => {
  {
    const r = await githubRun;
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split("\n");
    assert.ok(
      lines[0]?.startsWith("::error file=data/projects.yaml,line=8,col=13,title=dead-link::"),
    );
    assert.ok(
      lines[2]?.startsWith("::warning file=data/projects.yaml,line=14,col=13,title=moved-link::"),
    );
    // Markdown escaping is the actions/markdown helpers' business: compare without backslashes.
    const md = (await readFile(join(summaryDir, "summary.md"), "utf8")).replaceAll("\\", "");
    assert.ok(md.startsWith("## Link check\n\n16 links (16 URLs): 4 dead, 2 moved"), md);
    const rows = md.split("\n").filter((l) => /^\| (error|warning) \|/.test(l));
    assert.equal(rows.length, 9);
    assert.ok(rows[0]?.startsWith("| error | `data/projects.yaml:8` | `dead-link` | homepage "));
    assert.match(md, /^- skipped npmjs\.com \(1 link\): Answers 403 to CI runners\.$/m);
  }
});

test("exit 0 when nothing is dead, even with warnings; progress on a terminal", async () => {
  const server = await startLinkServer();
  const dir = await mkdtemp(join(tmpdir(), "cooltech-okay-"));
  const yaml = ["ok", "temp", "moved", "forbidden"]
    .map((p) => `- name: ${p}\n  homepage: ${server.origin}/${p}\n  category: tools\n`)
    .join("");
  await writeFile(join(dir, "projects.yaml"), yaml);
  const agent = new Agent();
  const { io, out } = fakeIo(dir, {}, true);
  try {
    const command = checkLinksCommandWith({ allowHttp: true, dispatcher: agent, retryDelayMs: 0 });
    const code = await command.run({ values: { data: ".", format: "text" }, positionals: [] }, io);
    assert.equal(code, 0, out.stdout);
    assert.equal(out.stdout.split("\n").filter(Boolean).length, 2, "moved + refused warnings");
    assert.match(out.stderr, /✔ 4 links \(4 URLs\): 0 dead, 1 moved, 1 unverified, 0 skipped/);
    // The progress line is drawn on the terminal, then erased before the summary.
    assert.ok(out.stderr.startsWith("\r\u001b[2Kchecking links 1/4\r\u001b[2K"), out.stderr);
  } finally {
    await agent.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("usage errors exit 2 with a hint; --help documents the exit codes", async () => {
  for (const args of [
    ["--concurrency", "0"],
    ["--per-host", "many"],
    ["--timeout", "5"],
    ["--format", "xml"],
    ["--nope"],
  ]) {
    const { io, out } = fakeIo(repoRoot);
    assert.equal(await runMain(["check-links", ...args], io), 2, args.join(" "));
    assert.match(out.stderr, /^error: .+\nSee 'cooltech check-links --help'\.\n$/);
  }
  const { io, out } = fakeIo(repoRoot);
  assert.equal(await runMain(["check-links", "--help"], io), 0);
  assert.match(out.stdout, /Exit codes: 0 no dead link/);
  assert.match(out.stdout, /--per-host N/);
});

test("a missing --config file or a broken config stops before any request, exit 1", async () => {
  const { io, out } = fakeIo(httpsRoot);
  const before = https.requests.length;
  assert.equal(await runMain(["check-links", "--config", "nowhere.yaml"], io), 1);
  assert.match(out.stdout, /^nowhere\.yaml:1:1 error file not found/);
  assert.match(out.stderr, /links not checked/);
  const bad = join(httpsRoot, "bad.yaml");
  await writeFile(bad, "skip:\n  - host: NPMJS.com\n    reason: shouting\n");
  const second = fakeIo(httpsRoot);
  assert.equal(await runMain(["check-links", "--config", "bad.yaml"], second.io), 1);
  assert.match(second.out.stdout, /^bad\.yaml:2:11 error `host` must be a lowercase host name/);
  assert.equal(https.requests.length, before);
});

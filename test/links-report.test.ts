import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Agent } from "undici";
import {
  type LinkCheckOutcome,
  linkSummary,
  runLinkCheck,
  skippedLines,
} from "../src/links/index.js";
import { fixtureDataDir, type LinkServer, startLinkServer } from "./helpers/links-server.js";

let server: LinkServer;
let agent: Agent;
let root: string;
let outcome: LinkCheckOutcome;

before(async () => {
  server = await startLinkServer();
  agent = new Agent();
  root = await fixtureDataDir(server.origin);
  // The fixture is http (the local server); real data is https-only, hence allowHttp.
  outcome = await runLinkCheck({
    dataDir: join(root, "data"),
    cwd: root,
    githubUrl: `${server.origin}/gh`,
    check: { allowHttp: true, dispatcher: agent, timeoutMs: 10_000, retryDelayMs: 0 },
  });
});
after(async () => {
  await agent.close();
  await server.close();
  await rm(root, { recursive: true, force: true });
});

test("every problem is located at the entry's value, with rule and fix", () => {
  const o = server.origin;
  const lines = outcome.diagnostics.map(
    (d) =>
      `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message.replaceAll(o, "~")}`,
  );
  assert.deepEqual(lines, [
    'data/projects.yaml:8:13 error dead-link homepage "~/dead" is dead: 404 Not Found; fix the URL or remove it',
    'data/projects.yaml:11:13 error dead-link homepage "~/gone" is dead: 410 Gone; fix the URL or remove it',
    'data/projects.yaml:14:13 warning moved-link homepage "~/moved" redirects permanently (301) to "~/ok"; update it',
    'data/projects.yaml:20:13 warning unverified-link homepage "~/loop" could not be verified: it redirects in a loop; check it in a browser',
    'data/projects.yaml:26:13 warning unverified-link homepage "~/forbidden" could not be verified: 403 Forbidden to both HEAD and GET; 127.0.0.1 refuses automated checks: if it works in a browser, add it to data/link-check.yaml with a reason',
    'data/projects.yaml:29:13 error dead-link homepage "~/slow" is dead: no answer within 10000 ms (tried twice); fix the URL or remove it',
    'data/projects.yaml:35:13 warning unverified-link homepage "~/error" could not be verified: 500 Internal Server Error (tried twice); check it in a browser',
    'data/projects.yaml:38:9 warning moved-link repo "old/name" moved to "new/name" (301 from ~/gh/old/name); update `repo` to `new/name`',
    'data/projects.yaml:41:9 error dead-link repo "deleted/repo" (~/gh/deleted/repo) is dead: 404 Not Found; fix `repo` or remove it',
  ]);
});

test("temporary redirects, HEAD-less servers and flaky ones raise nothing", () => {
  const flagged = new Set(outcome.diagnostics.map((d) => d.line));
  // Lines of /temp, /no-head, /flaky and the ok repo + homepage in the fixture.
  for (const line of [4, 5, 17, 23, 32]) assert.ok(!flagged.has(line), `line ${line}`);
});

test("the summary counts links and lists skipped hosts with their reason", () => {
  assert.deepEqual(outcome.report?.counts, {
    links: 16,
    urls: 16,
    dead: 4,
    moved: 2,
    unverified: 3,
    skipped: 2,
    unchecked: 0,
  });
  assert.ok(outcome.report);
  assert.deepEqual(skippedLines(outcome.report?.skipped ?? []), [
    "skipped npmjs.com (1 link): Answers 403 to CI runners.",
    "skipped skipped.example (1 link): Test host; covers its subdomains.",
  ]);
  assert.equal(
    linkSummary(outcome.report),
    "16 links (16 URLs): 4 dead, 2 moved, 3 unverified, 2 skipped",
  );
});

test("with https required, the http fixture links are reported unchecked, not fetched", async () => {
  const before = server.requests.length;
  const strict = await runLinkCheck({
    dataDir: join(root, "data"),
    cwd: root,
    githubUrl: "https://127.0.0.1:1", // refused at once: never leaves this machine
    check: { dispatcher: agent, timeoutMs: 250, retryDelayMs: 0, perHost: 1 },
  });
  const unchecked = strict.diagnostics.filter((d) => d.rule === "unchecked-link");
  assert.equal(unchecked.length, 11);
  assert.deepEqual(unchecked[0], {
    file: "data/projects.yaml",
    line: 5,
    column: 13,
    severity: "warning",
    rule: "unchecked-link",
    message: `homepage "${server.origin}/ok" was not checked: it is not an https URL; run \`cooltech validate\``,
  });
  assert.equal(server.requests.length, before);
});

test("when no host answers at all, nothing is called dead: the network is down", async () => {
  // Privileged ports nothing listens on: three "hosts" that refuse every connection.
  const closed = [1, 2, 3].map((port) => ({ origin: `http://127.0.0.1:${port}` }));
  const dir = await mkdtemp(join(tmpdir(), "cooltech-offline-"));
  const yaml = closed
    .map((s, i) => `- name: P${i}\n  homepage: ${s.origin}/ok\n  category: tools\n`)
    .join("");
  await writeFile(join(dir, "projects.yaml"), yaml);
  try {
    const offline = await runLinkCheck({
      dataDir: dir,
      cwd: dir,
      githubUrl: "https://127.0.0.1:1", // refused at once: never leaves this machine
      check: { allowHttp: true, dispatcher: agent, timeoutMs: 250, retryDelayMs: 0 },
    });
    assert.equal(offline.report, null);
    assert.deepEqual(offline.diagnostics, []);
    assert.equal(offline.offline?.urls, 3);
    assert.equal(offline.offline?.hosts, 3);
    assert.match(offline.offline?.example ?? "", /connection refused/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("an unreadable projects.yaml stops the check with located problems", async () => {
  const dir = await mkdtemp(join(tmpdir(), "cooltech-broken-"));
  await writeFile(join(dir, "projects.yaml"), "- name: A\n  homepage: [unclosed\n");
  try {
    const broken = await runLinkCheck({
      dataDir: dir,
      cwd: dir,
      githubUrl: "https://127.0.0.1:1", // refused at once: never leaves this machine
    });
    assert.equal(broken.report, null);
    assert.ok(broken.diagnostics.length > 0);
    assert.ok(
      broken.diagnostics.every((d) => d.file === "projects.yaml" && d.severity === "error"),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** `check-links --format json` prints its report on stdout whatever happened, offline included. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Agent } from "undici";
import { checkLinksCommandWith } from "../src/cli/commands/check-links.js";
import { memoryIo, removeTemp, tempData } from "./helpers/catalog.js";

test("offline: exit 4, the JSON report with the reason and the skipped hosts, nothing dead", async () => {
  // Privileged ports nothing listens on: three "hosts" that refuse every connection.
  const projects = [1, 2, 3]
    .map((port, i) => `- name: P${i}\n  homepage: http://127.0.0.1:${port}/ok\n  category: tools\n`)
    .join("");
  const dir = await tempData({
    "projects.yaml": `${projects}- name: Skipped\n  homepage: https://www.skipped.example/\n  category: tools\n`,
    "link-check.yaml": "skip:\n  - host: skipped.example\n    reason: Refuses bots.\n",
  });
  const agent = new Agent();
  try {
    const { io, out, err } = memoryIo(dir, { GITHUB_SERVER_URL: "https://127.0.0.1:1" });
    const command = checkLinksCommandWith({
      allowHttp: true,
      dispatcher: agent,
      timeoutMs: 250,
      retryDelayMs: 0,
    });
    const code = await command.run({ values: { data: ".", format: "json" }, positionals: [] }, io);
    assert.equal(code, 4, err());
    const report = JSON.parse(out()) as Record<string, unknown>;
    assert.equal(report.status, "offline");
    assert.match(
      String(report.reason),
      /^no host answered: all 3 URLs on 3 hosts failed below HTTP/,
    );
    assert.match(String(report.reason), /No link was reported dead\.$/);
    assert.deepEqual(report.skipped, [
      { host: "skipped.example", reason: "Refuses bots.", links: 1 },
    ]);
    assert.deepEqual(report.diagnostics, []);
    assert.equal(report.counts, null);
    assert.match(err(), /^error: no host answered/);
    assert.match(err(), /^info: skipped skipped\.example \(1 link\): Refuses bots\.$/m);
  } finally {
    await agent.close();
    await removeTemp(dir);
  }
});

test("not checked (projects.yaml unusable): the JSON report says so, with the located problems", async () => {
  const dir = await tempData({ "projects.yaml": "- name: [unclosed\n" });
  try {
    const { io, out } = memoryIo(dir);
    const command = checkLinksCommandWith({ allowHttp: true });
    const code = await command.run({ values: { data: ".", format: "json" }, positionals: [] }, io);
    assert.equal(code, 1);
    const report = JSON.parse(out()) as {
      status: string;
      reason: string;
      diagnostics: Array<{ file: string; rule: string }>;
    };
    assert.equal(report.status, "not-checked");
    assert.match(report.reason, /cannot be used/);
    assert.deepEqual(
      report.diagnostics.map((d) => `${d.file} ${d.rule}`),
      ["projects.yaml yaml-syntax"],
    );
  } finally {
    await removeTemp(dir);
  }
});

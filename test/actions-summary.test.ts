import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  code,
  escapeSummaryText,
  formatExactCount,
  link,
  markdownTable,
  truncate,
} from "../src/actions/markdown.js";
import {
  appendStepSummary,
  fitSummary,
  STEP_SUMMARY_LIMIT,
  setOutput,
  setOutputs,
} from "../src/actions/summary.js";

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "cooltech-summary-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Reads a GITHUB_OUTPUT file the way the runner does (both `k=v` and heredoc forms). */
function parseOutputFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc?.[1] && heredoc[2]) {
      const end = lines.indexOf(heredoc[2], i + 1);
      assert.ok(end > i, `delimiter ${heredoc[2]} is closed`);
      out.set(heredoc[1], lines.slice(i + 1, end).join("\n"));
      i = end;
    } else if (line.includes("=")) {
      out.set(line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1));
    }
  }
  return out;
}

describe("GITHUB_STEP_SUMMARY", () => {
  test("appends to what the step already wrote", async () => {
    const file = join(dir, "summary-append.md");
    await writeFile(file, "# Earlier\n");
    const env = { GITHUB_STEP_SUMMARY: file };
    const first = await appendStepSummary(env, "one");
    await appendStepSummary(env, "two\n");
    assert.deepEqual(first, { written: true, bytes: 4, omitted: 0 });
    assert.equal(await readFile(file, "utf8"), "# Earlier\none\ntwo\n");
  });

  test("creates the file when the runner has not yet", async () => {
    const file = join(dir, "summary-new.md");
    await appendStepSummary({ GITHUB_STEP_SUMMARY: file }, "hello");
    assert.equal(await readFile(file, "utf8"), "hello\n");
  });

  test("writes nothing outside Actions", async () => {
    assert.deepEqual(await appendStepSummary({}, "x"), { written: false, bytes: 0, omitted: 0 });
    assert.deepEqual(await appendStepSummary({ GITHUB_STEP_SUMMARY: "" }, "x"), {
      written: false,
      bytes: 0,
      omitted: 0,
    });
  });

  test("keeps the file within 1 MiB, cut at a line, with a note", async () => {
    const file = join(dir, "summary-big.md");
    const existing = "x".repeat(1000);
    await writeFile(file, existing);
    const row = "| é | ü |\n"; // multi-byte characters: the cut must not split one
    const markdown = row.repeat(Math.ceil(STEP_SUMMARY_LIMIT / Buffer.byteLength(row)) + 10);
    const result = await appendStepSummary({ GITHUB_STEP_SUMMARY: file }, markdown);
    const text = await readFile(file, "utf8");
    const size = Buffer.byteLength(text);
    assert.ok(size <= STEP_SUMMARY_LIMIT, `${size} bytes`);
    assert.ok(size > STEP_SUMMARY_LIMIT - 400, "uses the room there is");
    assert.equal(result.omitted, Buffer.byteLength(markdown) - (size - 1000 - noteSize(text)));
    assert.match(text, /This summary was cut short: \d+ more bytes did not fit in the 1 MiB/);
    const body = text.slice(existing.length, text.indexOf("\n> [!WARNING]"));
    assert.ok(
      body.endsWith("\n") &&
        body
          .split("\n")
          .slice(0, -1)
          .every((l) => `${l}\n` === row),
    );
    assert.ok(!text.includes("\uFFFD"), "no broken UTF-8");
  });

  test("fitSummary: exact fit, no room at all, room for the note only", () => {
    assert.deepEqual(fitSummary("ab\n", 3), { text: "ab\n", omitted: 0 });
    assert.deepEqual(fitSummary("ab\n", 0), { text: "", omitted: 3 });
    const small = fitSummary("line one\nline two\n", 300);
    assert.deepEqual(small, { text: "line one\nline two\n", omitted: 0 });
    const cut = fitSummary(`${"a".repeat(50)}\n${"b".repeat(500)}\n`, 250);
    assert.ok(cut.text.startsWith(`${"a".repeat(50)}\n\n> [!WARNING]`), cut.text);
    assert.equal(cut.omitted, 501);
    const noteOnly = fitSummary("c".repeat(500), 200);
    assert.ok(noteOnly.text.startsWith("\n> [!WARNING]"));
    assert.equal(noteOnly.omitted, 500);
  });
});

function noteSize(text: string): number {
  return Buffer.byteLength(text.slice(text.indexOf("\n> [!WARNING]")));
}

describe("GITHUB_OUTPUT", () => {
  test("multiline values cannot inject another output", async () => {
    const file = join(dir, "output");
    await writeFile(file, "earlier=1\n");
    const env = { GITHUB_OUTPUT: file };
    assert.equal(await setOutput(env, "moved", "a/b -> c/d\nevil=1\nx<<EOF"), true);
    await setOutputs(env, { count: "2", empty: "" });
    const outputs = parseOutputFile(await readFile(file, "utf8"));
    assert.deepEqual(
      [...outputs],
      [
        ["earlier", "1"],
        ["moved", "a/b -> c/d\nevil=1\nx<<EOF"],
        ["count", "2"],
        ["empty", ""],
      ],
    );
  });

  test("exact format with a given delimiter", async () => {
    const file = join(dir, "output-exact");
    await setOutput({ GITHUB_OUTPUT: file }, "changed", "true", "D1");
    assert.equal(await readFile(file, "utf8"), "changed<<D1\ntrue\nD1\n");
  });

  test("refuses bad names and a value holding the delimiter; no-op outside Actions", async () => {
    await assert.rejects(setOutput({}, "bad name", "x"), /invalid output name "bad name"/);
    await assert.rejects(setOutput({}, "a=b", "x"), /invalid output name/);
    await assert.rejects(setOutput({}, "ok", "x\nD\n", "D"), /contains its delimiter/);
    assert.equal(await setOutput({}, "ok", "x"), false);
    assert.equal(await setOutputs({}, { a: "1" }), false);
  });
});

describe("Markdown helpers", () => {
  test("escapeSummaryText neutralises links, images, HTML, tables, mentions and new lines", () => {
    const hostile =
      "<img src=x onerror=alert(1)> [click](https://evil.example) ![i](x) | @octocat\n# h";
    const escaped = escapeSummaryText(hostile);
    assert.equal(
      escaped,
      "\\<img src=x onerror=alert(1)\\> \\[click\\](https://evil.example) !\\[i\\](x) \\| \\@octocat # h",
    );
    assert.ok(!/(^|[^\\])[<[|]/.test(escaped), "every special character is escaped");
    assert.equal(escapeSummaryText("a\u0000b\r\nc\u2028d"), "a b c d");
    assert.equal(
      escapeSummaryText("costs $5 *or* ~~$10~~ `x`"),
      "costs \\$5 \\*or\\* \\~\\~\\$10\\~\\~ \\`x\\`",
    );
  });

  test("table, code, link, counts, truncation", () => {
    assert.equal(
      markdownTable(["A", "Stars"], [["x", "1"]], ["left", "right"]),
      "| A | Stars |\n| --- | ---: |\n| x | 1 |\n",
    );
    assert.equal(code("owner/name"), "`owner/name`");
    assert.equal(code("a`b"), "a\\`b");
    assert.equal(link("x", "https://github.com/a/b"), "[x](https://github.com/a/b)");
    assert.equal(link("x", "javascript:alert(1)"), "x");
    assert.equal(link("x", "https://a.example/(x)"), "x");
    assert.equal(link("x", null), "x");
    assert.equal(formatExactCount(0), "0");
    assert.equal(formatExactCount(999), "999");
    assert.equal(formatExactCount(1234567), "1,234,567");
    assert.equal(truncate("abcdef", 4), "abc…");
    assert.equal(truncate("abc", 4), "abc");
    assert.equal(truncate("😀😀😀😀😀", 3), "😀😀…");
  });
});

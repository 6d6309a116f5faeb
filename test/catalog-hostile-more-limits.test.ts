/**
 * Hostile input found by trying it (issue 8): the size limits. Files past the
 * YAML token limit or the byte limit are refused with a located message, or
 * read from their lines when canonical; and the token estimate itself.
 * Timings are in `npm run bench:hostile`, not here (no upper time bounds in tests).
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { MAX_FILE_BYTES, MAX_YAML_TOKENS, tokenLimitOffset } from "../src/load/limits.js";
import { cliNoCrash as cli, tempCatalogs } from "./helpers/hostile.js";

const catalogs = tempCatalogs();
after(catalogs.removeAll);
const data = (projects: string | Buffer) => catalogs.make({ projects });

describe("size limits", () => {
  test("6 MB of `tags: [,,,…]`: refused at the token limit, located", async () => {
    const dir = await data(`- name: Falco\n  category: security\n  tags: [${",".repeat(6e6)}]\n`);
    const r = await cli(dir, "validate");
    assert.equal(r.code, 1);
    // 7 tokens before the first comma (`- `, three `: `, two line ends, `[`), which is on column 10.
    const col = 10 + (MAX_YAML_TOKENS + 1 - 8);
    assert.match(
      r.stdout,
      new RegExp(`^projects\\.yaml:3:${col} error too much YAML structure: .+ \\(file\\)$`, "m"),
    );
    assert.ok(r.stdout.length < 2000);
  });

  test("a 3 MB flow list: refused at the token limit; fmt and build refuse it too", async () => {
    const dir = await data(
      `- name: Falco\n  category: security\n  tags: [${"a,".repeat(1.5e6)}a]\n`,
    );
    const r = await cli(dir, "validate");
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^projects\.yaml:3:\d+ error too much YAML structure/m);
    assert.equal((await cli(dir, "fmt")).code, 1);
    assert.equal((await cli(dir, "build")).code, 1);
  });

  test("the token estimate: line breaks, flow punctuation, indicators; `-` and `:` only before white space or at the end", () => {
    assert.equal(tokenLimitOffset("- a: b\n", 3), -1);
    assert.equal(tokenLimitOffset("- a: b\n", 2), 6);
    assert.equal(tokenLimitOffset("a-b:c é😀 x", 0), -1);
    assert.equal(tokenLimitOffset("é: [x, 'y']", 4), 9);
    assert.equal(tokenLimitOffset("a:\r\nb-\tc:", 3), 8);
    assert.equal(tokenLimitOffset("{}?&*!|>\"'#%@`", 13), 13);
    assert.equal(tokenLimitOffset("{}?&*!|>\"'#%@`", 14), -1);
  });

  test("a file over the byte limit is not parsed", async () => {
    const entry = "- name: Falco\n  category: security\n  description: Runtime security.\n";
    const big = Buffer.from(entry.repeat(Math.ceil((MAX_FILE_BYTES + 1) / entry.length)));
    const dir = await data(big);
    const r = await cli(dir, "validate");
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /^projects\.yaml:1:1 error the file is \d+\.\d MB, over cooltech's limit of 20\.0 MB .+ \(file\)$/m,
    );
  });

  test("a canonical catalog past the token limit is read, and its errors located from its lines", async () => {
    const n = Math.ceil(MAX_YAML_TOKENS / 10); // 12 tokens an entry
    const entries = Array.from(
      { length: n },
      (_, i) =>
        `- name: P${String(i).padStart(6, "0")}\n  category: security\n  tags: [a, b]\n  description: Entry.\n`,
    );
    entries[n - 2] = entries[n - 2]?.replace("tags: [a, b]", "tags: [a, b, a]") as string;
    const dir = await data(entries.join(""));
    const r = await cli(dir, "validate");
    assert.equal(r.code, 1);
    const line = (n - 2) * 4 + 3;
    assert.match(
      r.stdout,
      new RegExp(`^projects\\.yaml:${line}:16 error \`tags\` lists "a" twice`, "m"),
    );
    const fmt = await cli(dir, "fmt");
    assert.equal(fmt.code, 1);
    assert.match(fmt.stderr, /too many to rewrite it keeping its comments/);
    // build sets the invalid entry aside, located from the lines too, and writes the others.
    const build = await cli(dir, "build");
    assert.equal(build.code, 5, build.stderr);
    const start = (n - 2) * 4 + 1;
    assert.match(
      build.stderr,
      new RegExp(`^ {2}projects\\.yaml:${start}:3 project P\\d+: left out`, "m"),
    );
  });
});

/**
 * Hostile or broken curated files: each makes `validate` exit 1 with a
 * located message, short and safe to print, and never a stack trace; `build`
 * and `fmt` on the same files do not crash. `build` writes nothing (exit 1),
 * or, when the problem lies in single entries, only the valid ones (exit 5).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { runMain } from "../src/cli/main.js";
import { loadCatalog } from "../src/load/catalog.js";
import { validateCatalog } from "../src/validate/index.js";
import { looksLikeCrash, memoryIo, runBinary, runCli } from "./helpers/catalog.js";
import { ALIAS_BOMB, type CatalogFiles, tempCatalogs } from "./helpers/hostile.js";

const OK_PROJECTS = "- name: Falco\n  category: security\n- name: Rook\n  category: storage\n";

interface Case extends CatalogFiles {
  /** A located diagnostic the output must contain (multiline regexp). */
  expect: RegExp[];
}

const cases: Record<string, Case> = {
  "YAML syntax error": {
    projects: "- name: Falco\n  category: [security\n",
    expect: [/^projects\.yaml:3:1 error Flow sequence .+ \(yaml-syntax\)$/m],
  },
  "unterminated quote": {
    projects: '- name: "Falco\n  category: security\n',
    expect: [
      /^projects\.yaml:1:9 error this quoted value is never closed; end it with the same quote .+ \(yaml-syntax\)$/m,
    ],
  },
  "duplicate keys": {
    projects: "- name: Falco\n  category: security\n  name: Again\n",
    expect: [/^projects\.yaml:3:3 error the key "name" appears twice .+ \(duplicate-key\)$/m],
  },
  "alias bomb (billion laughs)": {
    projects: ALIAS_BOMB,
    expect: [
      /^projects\.yaml:4:13 error too many nested YAML aliases \(an alias bomb\); write the values out .+ \(yaml-syntax\)$/m,
    ],
  },
  "__proto__ key": {
    projects: "- name: Falco\n  category: security\n  __proto__:\n    polluted: yes\n",
    expect: [/^projects\.yaml:3:3 error unknown key "__proto__"; allowed keys: .+ \(schema\)$/m],
  },
  "multi-megabyte string": {
    projects: `- name: Falco\n  category: security\n  description: ${"x".repeat(5_000_000)}\n`,
    expect: [
      /^projects\.yaml:3:16 error `description` is 5000000 characters long; .+ \(schema\)$/m,
    ],
  },
  "multi-megabyte key": {
    projects: `- name: Falco\n  category: security\n  ${"k".repeat(3_000_000)}: 1\n`,
    // yaml itself refuses keys longer than 1024 characters.
    expect: [
      /^projects\.yaml:3:3 error The : indicator must be at most 1024 chars .+ \(yaml-syntax\)$/m,
    ],
  },
  "multi-megabyte category": {
    projects: `- name: Falco\n  category: ${"s".repeat(3_000_000)}\n`,
    expect: [
      // One message for the one mistake: the length, not also "unknown category".
      /^projects\.yaml:2:13 error `category` is 3000000 characters long; shorten it to at most 50 \(schema\)\n(?![\s\S]*unknown-category)/m,
    ],
  },
  "byte-order mark": {
    projects: `\ufeff- name: Falco\n  category: securty\n- name: Rook\n  category: storage\n`,
    expect: [
      /^projects\.yaml:2:13 error unknown category `securty` \(did you mean `security`\?\)/m,
    ],
  },
  "CRLF line endings": {
    projects:
      "- name: Falco\r\n  category: security\r\n  bogus: 1\r\n- name: Rook\r\n  category: storag\r\n",
    expect: [
      /^projects\.yaml:3:3 error unknown key "bogus"; .+ \(schema\)$/m,
      /^projects\.yaml:5:13 error unknown category `storag` \(did you mean `storage`\?\)/m,
    ],
  },
  "empty file": {
    projects: "",
    expect: [/^projects\.yaml:1:1 error the file is empty; it must be a YAML list of projects/m],
  },
  "only comments": {
    projects: "# nothing yet\n",
    expect: [/^projects\.yaml:1:1 error the file is empty/m],
  },
  "a mapping instead of a list": {
    projects: "name: Falco\ncategory: security\n",
    expect: [/^projects\.yaml:1:1 error the file must be a YAML list of projects/m],
  },
  "a scalar": {
    projects: "just some text\n",
    expect: [/^projects\.yaml:1:1 error the file must be a YAML list of projects/m],
  },
  "a list of scalars": {
    projects: "- Falco\n- Rook\n",
    expect: [
      /^projects\.yaml:1:3 error each entry must be a mapping of keys \(`key: value`\), not a string \("Falco"\) \(schema\)$/m,
      /^projects\.yaml:2:3 error each entry must be a mapping/m,
    ],
  },
  "null entries": {
    projects: "-\n- name: Falco\n  category: security\n- ~\n- name: Rook\n  category: storage\n",
    expect: [
      /^projects\.yaml:1:\d+ error each entry must be a mapping of keys \(`key: value`\), not empty \(null\)/m,
      /^projects\.yaml:4:3 error each entry must be a mapping .+ not empty \(null\)/m,
    ],
  },
  "deeply nested junk": {
    projects: `- name: Falco\n  category: security\n  tags: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`,
    expect: [
      /^projects\.yaml:3:\d+ error .+; the data is nested far too deeply .+ \(yaml-syntax\)$/m,
    ],
  },
  "nested junk the parser accepts": {
    projects: `- name: Falco\n  category: security\n  tags: ${"[".repeat(200)}x${"]".repeat(200)}\n`,
    expect: [/^projects\.yaml:3:10 error `tags` must be a string, not a list \(schema\)$/m],
  },
  "bidi control character in a name": {
    projects: "- name: Fal\u202eoc\n  category: security\n- name: Rook\n  category: storage\n",
    expect: [
      /^projects\.yaml:1:9 error `name` "Fal\\u202eoc" must be one line of text .+ \(schema\)$/m,
    ],
  },
  "zero-width space in a name": {
    projects: "- name: Fal\u200bco\n  category: security\n- name: Rook\n  category: storage\n",
    expect: [/^projects\.yaml:1:9 error `name` "Fal\\u200bco" must be one line of text/m],
  },
  "tabs for indentation": {
    projects: "- name: Falco\n\tcategory: security\n",
    expect: [
      /^projects\.yaml:2:1 error tabs are not allowed in the indentation; .+ \(yaml-syntax\)$/m,
    ],
  },
  "a missing categories.yaml": {
    projects: OK_PROJECTS,
    categories: null,
    expect: [
      /^categories\.yaml:1:1 error file not found; create it or pass --data DIR .+ \(file\)$/m,
    ],
  },
  "a missing projects.yaml": {
    projects: null,
    expect: [
      /^projects\.yaml:1:1 error file not found; create it or pass --data DIR .+ \(file\)$/m,
    ],
  },
  "projects.yaml is a folder": {
    projects: null,
    folder: true,
    expect: [/^projects\.yaml:1:1 error cannot read the file \(EISDIR\) \(file\)$/m],
  },
  "categories.yaml is a mapping": {
    projects: OK_PROJECTS,
    categories: "security: Security\n",
    expect: [/^categories\.yaml:1:1 error the file must be a YAML list of categories/m],
  },
};

const catalogs = tempCatalogs();
after(catalogs.removeAll);
const setUp = (c: Case) => catalogs.make(c);

/**
 * The inputs that could take the process down (memory, stack depth) run the
 * real binary, so a crash outside runMain would show; the rest run runMain in
 * this process, as bin/cooltech.js does.
 */
const AS_PROCESS = new Set([
  "alias bomb (billion laughs)",
  "multi-megabyte string",
  "deeply nested junk",
]);

describe("hostile inputs", { concurrency: 4 }, () => {
  for (const [name, c] of Object.entries(cases)) {
    test(name, async () => {
      const dir = await setUp(c);
      const run = AS_PROCESS.has(name) ? runBinary : runCli;
      const r = await run(["validate", "--data", "."], { cwd: dir });
      const output = r.stdout + r.stderr;
      assert.equal(r.code, 1, output.slice(0, 2000));
      for (const re of c.expect) assert.match(r.stdout, re);
      assert.equal(looksLikeCrash(output), false, output.slice(0, 2000));
      assert.ok(output.length < 3000, `output is ${output.length} characters long`);
      assert.ok(!/[\u202e\u200b]/.test(output), "invisible characters are escaped");

      const build = memoryIo(dir);
      const built = await runMain(["build", "--data", "."], build.io);
      assert.ok(built === 1 || built === 5, `build exited ${built}: ${build.err()}`);
      assert.equal(existsSync(join(dir, "directory.json")), built === 5, "written only on exit 5");
      assert.equal(looksLikeCrash(build.out() + build.err()), false, build.err());

      const fmt = memoryIo(dir);
      const code = await runMain(["fmt", "--check", "--data", "."], fmt.io);
      assert.ok(code === 0 || code === 1, `fmt --check exited ${code}: ${fmt.err()}`);
      assert.equal(looksLikeCrash(fmt.out() + fmt.err()), false, fmt.err());
    });
  }
});

test("a __proto__ key does not pollute prototypes", async () => {
  const dir = await setUp(cases["__proto__ key"] as Case);
  const { diagnostics } = validateCatalog(await loadCatalog(dir, dir));
  assert.deepEqual(
    diagnostics.filter((d) => d.severity === "error").map((d) => d.message),
    [
      'unknown key "__proto__"; allowed keys: name, repo, homepage, category, tags, description, maintenance',
    ],
  );
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

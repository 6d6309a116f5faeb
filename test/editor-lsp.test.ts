/**
 * The editor as a contributor meets it: the real yaml-language-server (the
 * server behind VS Code's YAML extension and others), driven over LSP stdio,
 * with the schema given by the `# yaml-language-server: $schema=` modeline.
 * Common mistakes get human messages (never a regular expression), the
 * category ids are offered and checked, and what completion inserts is what
 * `cooltech fmt --check` accepts.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { formatCatalog } from "../src/edit/format-files.js";
import { buildDirectory } from "../src/generate/build.js";
import { EDITOR_SCHEMA_FILE } from "../src/generate/editor-schema.js";
import { CATEGORIES, ROOT, removeTemp, tempData } from "./helpers/catalog.js";
import { type LspClient as Client, LspClient, type LspDiagnostic } from "./helpers/lsp-client.js";

const VALID = `- name: Falco
  repo: falcosecurity/falco
  homepage: https://falco.org/
  category: security
  tags: [runtime-security, cncf]
  description: Cloud-native runtime security.
`;

let dir: string;
let client: Client;
let modeline: string;
let docs = 0;

/** Opens `body` under the modeline as a new document; returns its uri and diagnostics. */
async function open(body: string): Promise<{ uri: string; text: string; diags: LspDiagnostic[] }> {
  const text = `${modeline}\n${body}`;
  const uri = pathToFileURL(join(dir, `doc${++docs}.yaml`)).href;
  return { uri, text, diags: await client.open(uri, text) };
}

/** The messages on a 1-based line of the body (the modeline is line 0 of the document). */
const on = (diags: LspDiagnostic[], line: number) =>
  diags.filter((d) => d.range.start.line === line).map((d) => d.message);

/** No regular-expression source, no JSON Schema jargon in what a contributor reads. */
function assertHuman(message: string): void {
  assert.doesNotMatch(
    message,
    /\^\[|\(\?:|\[A-Za-z|\\u00|\$"?$|does not match the pattern/,
    message,
  );
}

before(async () => {
  dir = await tempData({ "categories.yaml": CATEGORIES, "projects.yaml": VALID });
  // The editor schema is what `build` writes (and the workflows on main keep in sync).
  const built = await buildDirectory(dir);
  assert.ok(built.written.some((w) => w.path.endsWith(EDITOR_SCHEMA_FILE) && w.changed));
  modeline = `# yaml-language-server: $schema=${pathToFileURL(join(dir, EDITOR_SCHEMA_FILE)).href}`;
  client = new LspClient();
  await client.initialize(pathToFileURL(dir).href);
});

after(async () => {
  await client?.close();
  await removeTemp(dir);
});

describe("yaml-language-server with the editor schema", () => {
  test("a valid entry has no diagnostics (and the schema resolved offline)", async () => {
    const { diags } = await open(VALID);
    assert.deepEqual(diags, [], client.stderr);
  });

  test("each common mistake gets a human message at its line", async () => {
    const { diags } = await open(`- name: Rook
  repo: https://github.com/rook/rook
  homepage: http://rook.io/
  category: storage
  tags: [Ceph, cncf]
  colour: blue
- name: Falco
  category: securty
`);
    const repo = on(diags, 2);
    assert.equal(repo.length, 1, JSON.stringify(diags));
    assert.match(repo[0] ?? "", /owner\/name .*not as a URL/);
    assert.match(on(diags, 3)[0] ?? "", /must be an https:\/\/ URL/);
    assert.match(on(diags, 5)[0] ?? "", /Tags are lowercase kebab-case, e.g. runtime-security/);
    assert.match(on(diags, 6)[0] ?? "", /colour is not allowed/);
    const category = on(diags, 8)[0] ?? "";
    assert.match(
      category,
      /Not a category of data\/categories\.yaml\. Use one of: security, storage\./,
    );
    assert.equal(diags.length, 5, JSON.stringify(diags));
    for (const d of diags) assertHuman(d.message);
  });

  test("a capitalised category and id-like mistakes never show the pattern", async () => {
    const { diags } = await open(`- name: Falco
  category: Security
  repo: falco
`);
    assert.ok(diags.length >= 2, JSON.stringify(diags));
    for (const d of diags) assertHuman(d.message);
    assert.ok(on(diags, 2).some((m) => /lowercase kebab-case id/.test(m)));
  });

  test("a list of categories is checked id by id", async () => {
    const good = await open(`- name: Falco\n  category: [security, storage]\n`);
    assert.deepEqual(good.diags, [], JSON.stringify(good.diags));
    const bad = await open(`- name: Falco\n  category: [security, storge]\n`);
    assert.ok(
      on(bad.diags, 2).some((m) => /^Not a category of data\/categories/.test(m)),
      JSON.stringify(bad.diags),
    );
    for (const m of on(bad.diags, 2)) assertHuman(m);
  });

  test("completion after `category: ` offers the ids of categories.yaml, with their names", async () => {
    const { uri } = await open(`- name: Falco
  category: 
`);
    const items = await client.completion(uri, 2, "  category: ".length);
    assert.deepEqual(
      items.map((i) => i.label),
      ["security", "storage"],
    );
    const doc = items[0]?.documentation;
    assert.match(typeof doc === "string" ? doc : (doc?.value ?? ""), /\*\*Security\*\*/);
  });

  test("the modeline as committed (a path relative to projects.yaml) resolves too", async () => {
    const text = `# yaml-language-server: $schema=${EDITOR_SCHEMA_FILE}\n- name: Falco\n  category: securty\n`;
    const uri = pathToFileURL(join(dir, "projects.yaml")).href;
    const diags = await client.open(uri, text);
    assert.deepEqual(
      diags.map((d) => [d.range.start.line, d.message.split(".")[0]]),
      [[2, "Not a category of data/categories"]],
    );
  });

  test("categories.yaml: its schema's messages are human too", async () => {
    const schema = pathToFileURL(join(ROOT, "schemas/categories.schema.json")).href;
    const text = `# yaml-language-server: $schema=${schema}\n- id: Chaos Engineering\n  name: Chaos\n  description: Break things on purpose.\n`;
    const diags = await client.open(pathToFileURL(join(dir, "categories-doc.yaml")).href, text);
    assert.deepEqual(
      diags.map((d) => [d.range.start.line, d.message]),
      [
        [
          1,
          "The id must be lowercase kebab-case, e.g. chaos-engineering (no capitals, spaces or underscores).",
        ],
      ],
    );
  });

  test("hovers render Markdown: code in backticks, not escaped", async () => {
    const { uri } = await open(VALID);
    const hover = await client.hover(uri, 2, 4);
    assert.match(hover, /`owner\/name`/);
    assert.doesNotMatch(hover, /\\`/);
  });

  test("what completion inserts for tags and for a new entry passes fmt --check", async () => {
    const { uri } = await open(`- name: Falco
  category: security
  
- 
`);
    const keys = await client.completion(uri, 3, 2);
    const tags = keys.find((i) => i.label === "tags");
    const tagsText = tags?.insertText ?? tags?.textEdit?.newText;
    assert.equal(tagsText, "tags: []");
    const items = await client.completion(uri, 4, 2);
    const entry = items.find((i) => i.label === "new project");
    const snippet = entry?.insertText ?? entry?.textEdit?.newText ?? "";
    // What a contributor types into the snippet's tab stops.
    const values = ["", "Rook", "rook/rook", "rook.io/", "storage", "ceph, cncf", "Storage."];
    const filled = snippet.replace(/\$\{(\d+)(?::[^}]*)?\}|\$(\d+)/g, (_, a, b) => {
      return values[Number(a ?? b)] ?? "";
    });
    const body = `- name: Falco\n  category: security\n  ${tagsText}\n- ${filled}\n`;
    assert.match(body, /tags: \[ceph, cncf\]/);
    await writeFile(join(dir, "projects.yaml"), `${modeline}\n${body}`);
    const outcome = await formatCatalog(dir, true);
    assert.deepEqual(outcome.diagnostics, []);
    const changes = outcome.files.flatMap((f) => f.changes);
    assert.deepEqual(changes, [], await readFile(join(dir, "projects.yaml"), "utf8"));
  });
});

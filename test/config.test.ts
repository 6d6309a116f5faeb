/**
 * data/cooltech.yaml: the title, tagline and public URL, checked by
 * schemas/config.schema.json with located diagnostics; used by build (the
 * `$schema` URL and DIRECTORY.md), site and markdown; defaults when absent.
 */
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { DEFAULT_BRANDING, directorySchemaRef } from "../src/core/branding.js";
import { configFrom } from "../src/load/config.js";
import { parseYaml } from "../src/load/yaml-source.js";
import { CATEGORIES, removeTemp, runCli, tempData } from "./helpers/catalog.js";

const temps: string[] = [];
after(() => Promise.all(temps.map(removeTemp)));

const PROJECTS = `- name: Falco
  repo: falcosecurity/falco
  category: security
- name: Rook
  repo: rook/rook
  category: storage
`;

async function catalog(config?: string): Promise<string> {
  const files: Record<string, string> = {
    "projects.yaml": PROJECTS,
    "categories.yaml": CATEGORIES,
  };
  if (config !== undefined) files["cooltech.yaml"] = config;
  const dir = await tempData(files);
  temps.push(dir);
  return dir;
}

describe("reading cooltech.yaml", () => {
  test("every key set, a trailing slash of the URL dropped", () => {
    const text = "title: My List\ntagline: Tools we like.\nurl: https://me.github.io/list/\n";
    const { branding, diagnostics } = configFrom(parseYaml(text, "cooltech.yaml"));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(branding, {
      title: "My List",
      tagline: "Tools we like.",
      url: "https://me.github.io/list",
    });
    assert.equal(
      directorySchemaRef(branding),
      "https://me.github.io/list/schemas/directory.schema.json",
    );
  });

  test("an empty file and unset keys take the defaults", () => {
    assert.deepEqual(
      configFrom(parseYaml("# nothing yet\n", "cooltech.yaml")).branding,
      DEFAULT_BRANDING,
    );
    const { branding } = configFrom(parseYaml("title: Mine\n", "cooltech.yaml"));
    assert.deepEqual(branding, { ...DEFAULT_BRANDING, title: "Mine" });
    assert.equal(directorySchemaRef(branding), "../schemas/directory.schema.json");
  });

  test("each error located with a hint; only the bad keys fall back to their defaults", () => {
    const text = "title: Good\ntagline: [a, list]\nurl: http://me.github.io/\ncolour: red\n";
    const { branding, diagnostics } = configFrom(parseYaml(text, "cooltech.yaml"));
    assert.deepEqual(
      diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`),
      [
        "2:10 error `tagline` must be a string; the default is used",
        "3:6 error `url` must be an https URL without query or fragment, e.g. https://OWNER.github.io/REPO/; none is used",
        '4:1 error unknown key "colour"; allowed keys: title, tagline, url, inactiveAfterMonths',
      ],
    );
    assert.deepEqual(branding, { ...DEFAULT_BRANDING, title: "Good" });
  });

  test("inactiveAfterMonths: 12 by default; a whole number of months; a bad one located, the default used", () => {
    assert.equal(configFrom(parseYaml("title: Mine\n", "cooltech.yaml")).inactiveAfterMonths, 12);
    const set = configFrom(parseYaml("inactiveAfterMonths: 24\n", "cooltech.yaml"));
    assert.deepEqual([set.inactiveAfterMonths, set.diagnostics], [24, []]);
    const cases: Array<[string, RegExp]> = [
      [
        "1.5",
        /^1:22 `inactiveAfterMonths` must be a whole number of months, e.g. 12; the default \(12\)/,
      ],
      ['"12"', /^1:22 `inactiveAfterMonths` must be a whole number of months/],
      [
        "0",
        /^1:22 `inactiveAfterMonths` must be from 1 to 600 months, e.g. 12; the default \(12\) is used/,
      ],
      ["100000", /^1:22 `inactiveAfterMonths` must be from 1 to 600 months/],
    ];
    for (const [value, message] of cases) {
      const bad = configFrom(parseYaml(`inactiveAfterMonths: ${value}\n`, "c.yaml"));
      assert.equal(bad.inactiveAfterMonths, 12, value);
      assert.deepEqual(bad.branding, DEFAULT_BRANDING, value);
      const [d] = bad.diagnostics;
      assert.match(`${d?.line}:${d?.column} ${d?.message}`, message, value);
    }
    const typo = configFrom(parseYaml("inactiveAfterMonth: 6\n", "c.yaml"));
    assert.match(typo.diagnostics[0]?.message ?? "", /did you mean `inactiveAfterMonths`\?/);
  });

  test("not a mapping, or not YAML: located errors, the defaults", () => {
    const list = configFrom(parseYaml("- title\n", "cooltech.yaml"));
    assert.match(list.diagnostics[0]?.message ?? "", /must be a mapping/);
    const broken = configFrom(parseYaml("title: [unclosed\n", "cooltech.yaml"));
    assert.equal(broken.diagnostics[0]?.rule, "yaml-syntax");
    assert.deepEqual(broken.branding, DEFAULT_BRANDING);
  });
});

describe("the commands use it", () => {
  test("build: absolute $schema and the title in DIRECTORY.md; site: the page and the published schema", async () => {
    const dir = await catalog(
      'title: "Tools <we> like"\ntagline: Hand-picked *tools*.\nurl: https://me.github.io/list/\n',
    );
    const run = await runCli(["build", "--data", "."], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const directory = JSON.parse(await readFile(join(dir, "directory.json"), "utf8"));
    assert.equal(directory.$schema, "https://me.github.io/list/schemas/directory.schema.json");
    const md = await readFile(join(dir, "DIRECTORY.md"), "utf8");
    assert.match(md, /^# Tools \\<we\\> like\n\nHand-picked \\\*tools\\\*\.\n/);

    const site = await runCli(["site", "--data", ".", "--out", "public"], { cwd: dir });
    assert.equal(site.code, 0, site.stderr);
    const html = await readFile(join(dir, "public", "index.html"), "utf8");
    assert.match(html, /<title>Tools &#60;we&#62; like<\/title>/);
    assert.match(html, /<h1>Tools &#60;we&#62; like<\/h1>\n<p>Hand-picked \*tools\*\.<\/p>/);
    // The URL in $schema ends in schemas/directory.schema.json: the site has it there.
    const published = await readFile(
      join(dir, "public", "schemas", "directory.schema.json"),
      "utf8",
    );
    const own = await readFile(
      new URL("../../schemas/directory.schema.json", import.meta.url),
      "utf8",
    );
    assert.equal(published, own);
    assert.ok((await readdir(join(dir, "public", "schemas"))).includes("config.schema.json"));
  });

  test("no config: the defaults and the repository path", async () => {
    const dir = await catalog();
    assert.equal((await runCli(["build", "--data", "."], { cwd: dir })).code, 0);
    const directory = JSON.parse(await readFile(join(dir, "directory.json"), "utf8"));
    assert.equal(directory.$schema, "../schemas/directory.schema.json");
    const md = await readFile(join(dir, "DIRECTORY.md"), "utf8");
    assert.ok(md.startsWith(`# ${DEFAULT_BRANDING.title}\n\n${DEFAULT_BRANDING.tagline}\n`));
  });

  test("errors: validate fails, build writes with the defaults and exits 5, site reports and writes", async () => {
    const dir = await catalog("title: Mine\nurl: ftp://x\n");
    const validate = await runCli(["validate", "--data", "."], { cwd: dir });
    assert.equal(validate.code, 1);
    assert.match(validate.stdout, /^cooltech\.yaml:2:6 error `url` must be an https URL/m);
    const build = await runCli(["build", "--data", "."], { cwd: dir });
    assert.equal(build.code, 5, build.stderr);
    const directory = JSON.parse(await readFile(join(dir, "directory.json"), "utf8"));
    assert.equal(directory.$schema, "../schemas/directory.schema.json");
    assert.match(await readFile(join(dir, "DIRECTORY.md"), "utf8"), /^# Mine\n/);
    const site = await runCli(["site", "--data", ".", "--out", "public"], { cwd: dir });
    assert.equal(site.code, 0);
    assert.match(site.stdout, /^cooltech\.yaml:2:6 error/m);
  });
});

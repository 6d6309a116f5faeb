/**
 * The installable package: `npm pack` ships the compiled CLI, the schemas and
 * the templates, and no tests, benches or source maps; installed into an
 * empty folder, `npx cooltech` runs there, and the installed command (the
 * bin npm linked) runs init, import (a real list), validate, build and site. Never reaches the network: the pack runs with
 * --ignore-scripts on the build the suite just made, and the "install" is
 * what npm does with a tarball (unpacked into node_modules/cooltech, its
 * bin linked), with the dependencies linked from this repository's
 * node_modules (npm's cache may not hold them, and an offline `npm install`
 * would then fail).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, readFile, symlink } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import { ROOT, removeTemp, tempDir } from "./helpers/catalog.js";

const run = promisify(execFile);
const REAL = join(ROOT, "../shared/data-real");
let tmp: string;
let tarball: string;
let files: string[];

/**
 * `npx cooltech ...` in the install folder, offline, never asking to download. npx costs
 * an npm start-up (most of a second) per call: the smoke test uses it once, the other
 * runs call the bin it resolves to, node_modules/.bin/cooltech, directly (`cooltech`).
 */
function npx(args: string[], cwd: string) {
  return exec("npx", ["--offline", "--no", "cooltech", ...args], cwd);
}

/** The installed command itself: the link npm made in node_modules/.bin (what npx runs). */
function cooltech(args: string[], cwd: string) {
  return exec(join(cwd, "node_modules", ".bin", "cooltech"), args, cwd);
}

async function exec(file: string, args: string[], cwd: string) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    npm_config_offline: "true",
    npm_config_yes: "false",
  };
  for (const k of ["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "FORCE_COLOR"]) delete env[k];
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

before(async () => {
  tmp = await tempDir("cooltech-package-");
  const { stdout } = await run(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--offline", "--pack-destination", tmp],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  assert.ok(info);
  tarball = join(tmp, info.filename);
  files = info.files.map((f) => f.path);
});
after(() => removeTemp(tmp));

describe("npm pack", () => {
  test("ships the compiled CLI, the schemas and the templates", () => {
    for (const f of [
      "bin/cooltech.js",
      "dist/src/cli/main.js",
      "dist/src/index.js",
      "dist/src/index.d.ts",
      "dist/src/site/client/app.js",
      "schemas/directory.schema.json",
      "schemas/config.schema.json",
      "templates/data/cooltech.yaml",
      "templates/github/workflows/ci.yml",
      "templates/gitignore",
      "README.md",
      "LICENSE",
      "package.json",
    ]) {
      assert.ok(files.includes(f), `${f} is in the tarball`);
    }
  });

  test("and no tests, benches, scripts, sources, data or source maps", () => {
    const unwanted = files.filter((f) =>
      /^(dist\/(test|bench|scripts)\/|src\/|test\/|bench\/|data\/|node_modules\/)|\.map$/.test(f),
    );
    assert.deepEqual(unwanted, []);
  });
});

describe("installed from the tarball into an empty folder", () => {
  let app: string;
  before(async () => {
    app = join(tmp, "app");
    const pkg = join(app, "node_modules", "cooltech");
    await mkdir(pkg, { recursive: true });
    await run("tar", ["-xzf", tarball, "-C", pkg, "--strip-components=1"]);
    const manifest = JSON.parse(await readFile(join(pkg, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      bin: Record<string, string>;
    };
    for (const dep of Object.keys(manifest.dependencies)) {
      await mkdir(join(app, "node_modules", dep, ".."), { recursive: true });
      await symlink(join(ROOT, "node_modules", dep), join(app, "node_modules", dep), "dir");
    }
    await mkdir(join(app, "node_modules", ".bin"));
    for (const [name, path] of Object.entries(manifest.bin)) {
      await symlink(join("..", "cooltech", path), join(app, "node_modules", ".bin", name));
    }
  });

  test("npx cooltech init; the installed cooltech imports (a real list), validates, builds, makes the site", async () => {
    const init = await npx(["init", "mylist", "--title", "My List"], app);
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stderr, /created 12 files/);
    const config = await readFile(join(app, "mylist", "data", "cooltech.yaml"), "utf8");
    assert.match(config, /^title: My List$/m);

    const data = ["--data", "mylist/data"];
    const imported = await cooltech(
      ["import", join(REAL, "best-of-ml-python-projects.yaml"), ...data],
      app,
    );
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stderr, /\(best-of\): \d+ items/);

    const validate = await cooltech(["validate", ...data], app);
    assert.equal(validate.code, 0, validate.stdout + validate.stderr);
    assert.match(validate.stderr, /valid: \d+ projects/);

    const build = await cooltech(["build", ...data], app);
    assert.equal(build.code, 0, build.stderr);
    const directory = JSON.parse(await readFile(join(app, "mylist/data/directory.json"), "utf8"));
    assert.ok(directory.projects.some((p: { name: string }) => p.name === "SQLite"));
    assert.ok(directory.projects.length > 100);

    const site = await cooltech([...["site", ...data], "--out", "mylist/public"], app);
    assert.equal(site.code, 0, site.stderr);
    const html = await readFile(join(app, "mylist/public/index.html"), "utf8");
    assert.match(html, /<h1>My List<\/h1>/);
  });

  test("init --from with the real awesome-go list gives a directory that validates", async () => {
    const list = join(REAL, "awesome-go-README.md");
    const init = await cooltech(["init", "go", "--from", list], app);
    assert.equal(init.code, 0, init.stderr);
    const validate = await cooltech(["validate", "--data", "go/data"], app);
    assert.equal(validate.code, 0, validate.stdout + validate.stderr);
    const again = await cooltech(["init", "go"], app);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exist; cooltech init never overwrites a file/);
  });
});

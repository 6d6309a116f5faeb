/**
 * The command-line contract of every command, in process (runMain with a fake
 * Io): --version/-V anywhere, -h/--help and `cooltech help CMD`, one clean
 * message for an unknown option (with "did you mean" for a typo), and "did
 * you mean" for a misspelt command.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { commands } from "../src/cli/commands/index.js";
import { runMain } from "../src/cli/main.js";
import { CATEGORIES, memoryIo, ROOT, removeTemp, tempData } from "./helpers/catalog.js";

const VERSION = (
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }
).version;

async function run(args: string[]) {
  const { io, out, err } = memoryIo(ROOT);
  const code = await runMain(args, io);
  return { code, out: out(), err: err() };
}

/** A plausible typo: two letters swapped, or the last one dropped. */
function typo(word: string): string {
  const at = word.startsWith("--") ? 3 : 1;
  const [a, b] = [word[at], word[at + 1]];
  if (a === undefined || b === undefined || a === b) return word.slice(0, -1);
  return `${word.slice(0, at)}${b}${a}${word.slice(at + 2)}`;
}

/** Node's parseArgs wording, which no message may show. */
const RAW = /To specify a positional argument|Unknown option|ERR_PARSE_ARGS|\n\s+at /;

for (const name of Object.keys(commands)) {
  describe(`cooltech ${name}`, () => {
    test("--version and -V print the version, before or after other options", async () => {
      for (const args of [
        [name, "--version"],
        [name, "-V"],
        [name, "--data", "nowhere", "--version"],
      ]) {
        const r = await run(args);
        assert.deepEqual(r, { code: 0, out: `${VERSION}\n`, err: "" }, args.join(" "));
      }
    });

    test("-h, --help and `cooltech help CMD` print the same help", async () => {
      const help = await run([name, "-h"]);
      assert.equal(help.code, 0);
      assert.match(help.out, new RegExp(`^Usage: cooltech ${name}\\b`));
      assert.match(help.out, /Exit codes: 0 /);
      assert.deepEqual(await run([name, "--help"]), help);
      assert.deepEqual(await run(["help", name]), help);
    });

    test("an unknown option: one clean message, exit 2", async () => {
      const r = await run([name, "--bogus", "x"]);
      assert.equal(r.code, 2);
      assert.equal(r.out, "");
      assert.equal(r.err, `error: unknown option '--bogus'\nSee 'cooltech ${name} --help'.\n`);
    });

    test("a misspelt option names the one meant", async () => {
      const command = await commands[name]?.load();
      assert.ok(command);
      for (const option of Object.keys(command.options)) {
        const wrong = typo(`--${option}`);
        const r = await run([name, wrong, "x"]);
        assert.equal(r.code, 2, wrong);
        assert.equal(
          r.err,
          `error: unknown option '${wrong}'; did you mean '--${option}'?\nSee 'cooltech ${name} --help'.\n`,
        );
        assert.doesNotMatch(r.err, RAW);
      }
    });

    test("a misspelt command names the one meant", async () => {
      const wrong = typo(name);
      const r = await run([wrong, "--data", "x"]);
      assert.equal(r.code, 2);
      assert.equal(
        r.err,
        `error: unknown command '${wrong}'; did you mean '${name}'?\nSee 'cooltech --help'.\n`,
      );
    });
  });
}

describe("the root", () => {
  test("--version, -V and -v print the version", async () => {
    for (const flag of ["--version", "-V", "-v"]) {
      assert.deepEqual(await run([flag]), { code: 0, out: `${VERSION}\n`, err: "" });
    }
  });

  test("`cooltech help` is the overview; `help` of an unknown command suggests one", async () => {
    const overview = await run(["help"]);
    assert.equal(overview.code, 0);
    assert.match(overview.out, /^cooltech: a curated directory/);
    assert.match(overview.out, /-V\/--version/);
    const r = await run(["help", "valdiate"]);
    assert.equal(r.code, 2);
    assert.equal(
      r.err,
      "error: unknown command 'valdiate'; did you mean 'validate'?\nSee 'cooltech --help'.\n",
    );
  });

  test("an option before any command, and a word far from every command", async () => {
    const option = await run(["--bogus"]);
    assert.equal(option.code, 2);
    assert.match(option.err, /^error: unknown option '--bogus'; give a command first\n/);
    const far = await run(["xyzzy"]);
    assert.equal(far.err, "error: unknown command 'xyzzy'\nSee 'cooltech --help'.\n");
  });

  test("missing values, values given to flags and stray arguments read cleanly", async () => {
    const cases: Array<[string[], string]> = [
      [["refresh", "--only"], "option '--only' needs a value"],
      [["fmt", "--check=yes"], "option '--check' takes no value"],
      [["fmt", "extra"], "unexpected argument 'extra': 'cooltech fmt' takes only options"],
      [
        ["validate", "--format", "-x"],
        "option '--format' needs a value (for one that starts with '-', write --format=-VALUE)",
      ],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(" "));
      assert.equal(r.err, `error: ${message}\nSee 'cooltech ${args[0]} --help'.\n`);
    }
  });

  test("after `--`, --version is a value, not a request for the version", async () => {
    const r = await run(["fmt", "--check", "--", "--version"]);
    assert.equal(r.code, 2);
    assert.match(r.err, /^error: unexpected argument '--version'/);
  });
});

describe("streams", () => {
  test("the result on stdout, the verdict on stderr; colour only on the stream that is a terminal", async () => {
    const dir = await tempData({
      "categories.yaml": CATEGORIES,
      "projects.yaml": "- name: Falco\n  category: securty\n",
    });
    try {
      const { io, out, err } = memoryIo(dir);
      (io.stderr as { isTTY?: boolean }).isTTY = true; // `cooltech validate > problems.txt` in a terminal
      assert.equal(await runMain(["validate", "--data", "."], io), 1);
      assert.match(out(), /^projects\.yaml:2:13 error unknown category `securty`/m);
      assert.ok(!out().includes("\u001b"), "no escape sequence in the redirected result");
      assert.ok(err().includes("\u001b[31m✖"), "the verdict on the terminal is red");
    } finally {
      await removeTemp(dir);
    }
  });
});

/** Big texts are written and compared in pieces, never split inside a surrogate pair. */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pieces, sameContent, writeFileAtomic } from "../src/core/write.js";

test("pieces join back to the text and never end on a high surrogate", () => {
  // An emoji (two UTF-16 units) straddling the 1 Mi boundary.
  const text = `${"a".repeat((1 << 20) - 1)}😀${"b".repeat(10)}`;
  const parts = [...pieces(text)];
  assert.equal(parts.join(""), text);
  assert.ok(parts.length >= 2);
  for (const p of parts.slice(0, -1)) {
    const last = p.charCodeAt(p.length - 1);
    assert.ok(!(last >= 0xd800 && last <= 0xdbff), "no piece ends inside a pair");
  }
});

test("a big text round-trips byte for byte; sameContent tells equal from different", async () => {
  const dir = await mkdtemp(join(tmpdir(), "cooltech-pieces-"));
  try {
    const file = join(dir, "big.json");
    const text = `${"é😀x".repeat(600_000)}\n`;
    await writeFileAtomic(file, text);
    assert.equal(await readFile(file, "utf8"), text);
    assert.equal(await sameContent(file, text), true);
    assert.equal(
      await sameContent(file, `${text.slice(0, -2)}y\n`),
      false,
      "same size, other bytes",
    );
    assert.equal(await sameContent(file, `${text}z`), false);
    assert.equal(await sameContent(join(dir, "missing"), text), false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

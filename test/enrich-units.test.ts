/** Configuration from the environment, the merge rules, the query cost, and --fix-moved's YAML edit. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { missingBlock } from "../src/core/model.js";
import { fixMoved } from "../src/edit/fix-moved.js";
import { ConfigError, githubConfigFromEnv, redact } from "../src/github/config.js";
import { batchQuery, DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE } from "../src/github/query.js";
import { parseYaml } from "../src/load/yaml-source.js";
import { mergeResult } from "../src/refresh/merge.js";
import { githubBlock } from "./helpers/github-block.js";

describe("githubConfigFromEnv", () => {
  test("github.com by default; GITHUB_TOKEN before GH_TOKEN", () => {
    assert.deepEqual(githubConfigFromEnv({}), {
      apiUrl: "https://api.github.com",
      graphqlUrl: "https://api.github.com/graphql",
    });
    assert.equal(githubConfigFromEnv({ GH_TOKEN: "b" }).token, "b");
    assert.equal(githubConfigFromEnv({ GITHUB_TOKEN: "a", GH_TOKEN: "b" }).token, "a");
    assert.equal(githubConfigFromEnv({ GITHUB_TOKEN: "  " }).token, undefined);
  });

  test("GraphQL URL derived from GITHUB_API_URL (Enterprise Server: /api/v3 → /api/graphql)", () => {
    assert.equal(
      githubConfigFromEnv({ GITHUB_API_URL: "https://ghe.example.com/api/v3/" }).graphqlUrl,
      "https://ghe.example.com/api/graphql",
    );
    assert.equal(
      githubConfigFromEnv({ GITHUB_API_URL: "http://127.0.0.1:9/" }).graphqlUrl,
      "http://127.0.0.1:9/graphql",
    );
    const explicit = githubConfigFromEnv({
      GITHUB_API_URL: "https://x/api/v3",
      GITHUB_GRAPHQL_URL: "https://y/gql",
    });
    assert.deepEqual([explicit.apiUrl, explicit.graphqlUrl], ["https://x/api/v3", "https://y/gql"]);
  });

  test("a bad URL says which variable to fix", () => {
    assert.throws(() => githubConfigFromEnv({ GITHUB_API_URL: "api.github.com" }), ConfigError);
    assert.throws(
      () => githubConfigFromEnv({ GITHUB_GRAPHQL_URL: "ftp://x" }),
      /GITHUB_GRAPHQL_URL/,
    );
  });

  test("redact removes every occurrence of the token", () => {
    const token = "ghp_0123456789abcdefABCDEF0123456789abcd";
    assert.equal(redact(`a ${token} b ${token}`, token), "a *** b ***");
    assert.equal(redact(`a ${token}`, undefined), `a ${token}`);
  });

  test("redact leaves text alone when the token is too short to be a secret", () => {
    assert.equal(redact('{"fixed": true}', "x"), '{"fixed": true}');
    assert.equal(redact("a TOKEN", "TOKEN"), "a TOKEN");
    assert.equal(redact("a 0123456789abcdef", "0123456789abcdef"), "a ***");
  });
});

describe("query", () => {
  test("one aliased repository per entry; the fragment asks one page (topics) and one count", () => {
    const text = batchQuery(3);
    assert.equal((text.match(/\.\.\.repo/g) ?? []).length, 3);
    assert.equal((text.match(/\(first:/g) ?? []).length, 1);
    assert.match(text, /issues\(states: OPEN\) \{ totalCount \}/);
    assert.equal(DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE);
  });
});

describe("mergeResult", () => {
  const prev = githubBlock({
    nameWithOwner: "a/b",
    url: "https://github.com/a/b",
    description: "old",
    stars: 5,
    forks: 1,
    fetchedAt: "2025-01-01T00:00:00.000Z",
    checkedAt: "2025-01-01T00:00:00.000Z",
  });
  const now = "2025-02-02T00:00:00.000Z";
  /** The previous run, which found prev as it is. */
  const last = "2025-02-01T00:00:00.000Z";

  test("failed and missing keep every last-known field and fetchedAt; checkedAt = now", () => {
    const stale = mergeResult("a/b", prev, { kind: "failed", reason: "HTTP 502" }, now, last);
    assert.deepEqual(stale, {
      github: { ...prev, confirmedAt: last, checkedAt: now, status: "stale" },
      status: "stale",
      reason: "HTTP 502",
      changed: false,
    });
    const missing = mergeResult("a/b", prev, { kind: "missing" }, now);
    assert.deepEqual(missing.github, { ...prev, checkedAt: now, status: "missing" });
    // Never fetched: a missing block (status, checkedAt, the rest null), not null.
    const never = mergeResult("a/b", null, { kind: "missing" }, now);
    assert.deepEqual(never, { github: missingBlock(now), status: "missing", changed: false });
    assert.equal(never.github?.checkedAt, now);
    assert.equal(never.github?.stars, null);
    // A later failure keeps that block as it is; a first failure has nothing to keep.
    const later = mergeResult("a/b", never.github, { kind: "failed", reason: "HTTP 502" }, "x");
    assert.deepEqual(later.github, missingBlock(now));
    assert.equal(
      mergeResult("a/b", null, { kind: "failed", reason: "HTTP 502" }, now).github,
      null,
    );
  });

  test("missing again, or a lookup never sent: the block stays as it was", () => {
    const missing = { ...prev, status: "missing" as const };
    assert.equal(mergeResult("a/b", missing, { kind: "missing" }, now).github, missing);
    const skipped = { kind: "failed", reason: "not looked up", skipped: true } as const;
    const stale = { ...prev, status: "stale" as const };
    assert.equal(mergeResult("a/b", stale, skipped, now).github, stale);
    // Not sent is no attempt: status stale, but checkedAt is still the last attempt's.
    assert.deepEqual(mergeResult("a/b", prev, skipped, now, last).github, {
      ...prev,
      confirmedAt: last,
      status: "stale",
    });
    // Failing again is news: the failed attempt's time.
    const again = mergeResult("a/b", stale, { kind: "failed", reason: "HTTP 502" }, now);
    assert.equal(again.github?.checkedAt, now);
  });

  test("changed data: fetchedAt = checkedAt = now; moved when the name differs beyond case", () => {
    const { fetchedAt: _f, checkedAt: _c, status: _s, ...info } = prev;
    const ok = mergeResult("A/B", prev, { kind: "ok", info: { ...info, stars: 9 } }, now);
    assert.equal(ok.status, "ok");
    assert.equal(ok.changed, true);
    assert.equal(ok.github?.stars, 9);
    assert.deepEqual([ok.github?.fetchedAt, ok.github?.checkedAt], [now, now]);
    const moved = mergeResult("old/b", prev, { kind: "ok", info }, now);
    assert.equal(moved.github?.status, "moved");
    assert.deepEqual(Object.keys(moved.github ?? {}), Object.keys(prev), "stable key order");
  });

  test("same data: the previous block itself; a new status only moves checkedAt", () => {
    const { fetchedAt: _f, checkedAt: _c, status: _s, ...info } = prev;
    const same = mergeResult("a/b", prev, { kind: "ok", info: { ...info } }, now);
    assert.equal(same.github, prev);
    assert.equal(same.changed, false);
    const back = mergeResult("a/b", { ...prev, status: "stale" }, { kind: "ok", info }, now);
    assert.deepEqual(back.github, { ...prev, checkedAt: now, status: "ok" });
  });
});

describe("fixMoved", () => {
  const yaml = `# header comment
- name: kured
  # kured moved to its own org
  repo: weaveworks/kured   # trailing comment
  category: ops
- name: Quoted
  repo: "old/quoted"
  category: ops
- name: Taken
  repo: new/taken
  category: ops
- name: Dup
  repo: old/dup
  category: ops
`;
  const source = () => {
    const parsed = parseYaml(yaml, "projects.yaml");
    assert.ok(parsed.source);
    return parsed.source;
  };

  test("rewrites only the values; comments, quoting and layout stay", () => {
    const moves = new Map([
      ["Weaveworks/Kured", "kubereboot/kured"],
      ["old/quoted", "new/quoted"],
    ]);
    const { text, fixed, skipped } = fixMoved(source(), moves);
    assert.equal(
      text,
      yaml
        .replace("repo: weaveworks/kured   #", "repo: kubereboot/kured   #")
        .replace('repo: "old/quoted"', 'repo: "new/quoted"'),
    );
    assert.deepEqual(
      fixed.map((f) => [f.name, f.from, f.to, f.line]),
      [
        ["kured", "weaveworks/kured", "kubereboot/kured", 4],
        ["Quoted", "old/quoted", "new/quoted", 7],
      ],
    );
    assert.deepEqual(skipped, []);
  });

  test("a move onto a repo another entry lists is skipped, not duplicated", () => {
    const { text, fixed, skipped } = fixMoved(source(), new Map([["old/dup", "NEW/taken"]]));
    assert.equal(text, yaml);
    assert.deepEqual(fixed, []);
    assert.equal(skipped[0]?.name, "Dup");
    assert.match(skipped[0]?.reason ?? "", /already listed/);
  });
});

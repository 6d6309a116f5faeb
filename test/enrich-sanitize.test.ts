/** GitHub's answer held to schemas/directory.schema.json field by field (src/github/repo-info.ts). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type RepoInfo, sanitizeRepoInfo } from "../src/github/repo-info.js";

describe("sanitizeRepoInfo: GitHub's answer held to the directory schema, field by field", () => {
  const good: RepoInfo = {
    nameWithOwner: "a/b",
    url: "https://github.com/a/b",
    description: "Fine.",
    stars: 1,
    forks: 0,
    openIssues: 0,
    license: "MIT",
    language: "Go",
    topics: ["x"],
    archived: false,
    pushedAt: "2025-01-01T00:00:00Z",
    createdAt: null,
    latestRelease: { tag: "v1", publishedAt: null, url: "https://github.com/a/b/releases/v1" },
  };
  const odd = (v: Record<string, unknown>) => ({ ...good, ...v }) as unknown as RepoInfo;

  test("a fitting answer passes unchanged", () => {
    assert.deepEqual(sanitizeRepoInfo(good), { info: good, changes: [] });
  });

  test("each odd value is dropped or shortened, the rest kept", () => {
    const s = sanitizeRepoInfo(
      odd({
        url: "http://github.com/a/b",
        license: "L".repeat(101),
        language: 42,
        topics: ["ok", 7, "t".repeat(101)],
        pushedAt: "yesterday",
        latestRelease: { tag: "v1", publishedAt: "soon", url: null },
      }),
    );
    assert.deepEqual(s.info, {
      ...good,
      url: null,
      license: null,
      language: null,
      topics: ["ok"],
      pushedAt: null,
      latestRelease: { tag: "v1", publishedAt: null, url: null },
    });
    assert.deepEqual(s.changes, [
      "url dropped (21 characters; expected an https URL)",
      "license dropped (101 characters; at most 100)",
      "language dropped (number; expected text)",
      "2 topic(s) dropped (not text, or over 100 characters)",
      "pushedAt dropped (9 characters; expected an ISO time)",
      "latestRelease.publishedAt dropped (4 characters; expected an ISO time)",
    ]);
  });

  test("a release without a usable tag, topics that are not a list, 150 topics", () => {
    const s = sanitizeRepoInfo(
      odd({ latestRelease: { tag: null, url: "https://x.io/" }, topics: "go" }),
    );
    assert.equal(s.info?.latestRelease, null);
    assert.deepEqual(s.info?.topics, []);
    assert.deepEqual(s.changes, [
      "topics dropped (2 characters; expected a list)",
      "latestRelease dropped (null; its tag must be text of at most 500 characters)",
    ]);
    const many = sanitizeRepoInfo(odd({ topics: Array.from({ length: 150 }, (_, i) => `t${i}`) }));
    assert.equal(many.info?.topics.length, 100);
    assert.deepEqual(many.changes, ["topics cut to 100 (of 150)"]);
  });

  test("a value the entry cannot do without makes the answer unusable (the caller keeps it stale)", () => {
    for (const [field, value] of [
      ["nameWithOwner", "no-slash"],
      ["stars", null],
      ["forks", 1.5],
      ["openIssues", "3"],
      ["archived", "yes"],
    ] as const) {
      const s = sanitizeRepoInfo(odd({ [field]: value }));
      assert.equal(s.info, null, field);
      assert.match(s.problem ?? "", new RegExp(`^GitHub sent an unusable ${field} \\(`), field);
    }
  });
});

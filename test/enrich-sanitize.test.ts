/** GitHub's answer held to schemas/directory.schema.json field by field (src/github/repo-info.ts). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { scalarsFromGraphql } from "../src/github/query.js";
import { type RepoInfo, sanitizeRepoInfo } from "../src/github/repo-info.js";
import { fromRest } from "../src/github/rest.js";

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

  test("avatarUrl: only an https URL on avatars.githubusercontent.com of at most 500 characters; absent stays absent", () => {
    const ok = "https://avatars.githubusercontent.com/u/62646407?v=4";
    assert.deepEqual(sanitizeRepoInfo(odd({ avatarUrl: ok })), {
      info: { ...good, avatarUrl: ok },
      changes: [],
    });
    assert.deepEqual(sanitizeRepoInfo(odd({ avatarUrl: null })).info, { ...good, avatarUrl: null });
    // Data fetched before avatars were asked has none: it stays without the key.
    assert.equal("avatarUrl" in (sanitizeRepoInfo(good).info ?? {}), false);
    const host = "expected an https URL on avatars.githubusercontent.com";
    const cases: Array<[unknown, string]> = [
      ["javascript:alert(1)", `avatarUrl dropped (19 characters; ${host})`],
      ["http://avatars.githubusercontent.com/u/1", `avatarUrl dropped (40 characters; ${host})`],
      ["https://evil.example/u/1", `avatarUrl dropped (24 characters; ${host})`],
      [
        "https://avatars.githubusercontent.com.evil.example/",
        `avatarUrl dropped (51 characters; ${host})`,
      ],
      [
        "https://avatars.githubusercontent.com@evil.example/",
        `avatarUrl dropped (51 characters; ${host})`,
      ],
      ["https://AVATARS.githubusercontent.com/u/1", `avatarUrl dropped (41 characters; ${host})`],
      [
        "https://avatars.githubusercontent.com/u/1 onerror=x",
        `avatarUrl dropped (51 characters; ${host})`,
      ],
      ["https://avatars.githubusercontent.com/u/1')", `avatarUrl dropped (43 characters; ${host})`],
      [
        "https://avatars.githubusercontent.com/u/1\u202e",
        `avatarUrl dropped (42 characters; ${host})`,
      ],
      ["", `avatarUrl dropped (0 characters; ${host})`],
      [42, `avatarUrl dropped (number; ${host})`],
      [
        `${ok}&x=${"a".repeat(5000 - ok.length - 3)}`,
        "avatarUrl dropped (5000 characters; at most 500)",
      ],
    ];
    for (const [value, change] of cases) {
      const s = sanitizeRepoInfo(odd({ avatarUrl: value }));
      assert.deepEqual(s.info, { ...good, avatarUrl: null }, String(value).slice(0, 60));
      assert.deepEqual(s.changes, [change]);
    }
    const longest = `${ok}&x=${"a".repeat(500 - ok.length - 3)}`;
    assert.equal(sanitizeRepoInfo(odd({ avatarUrl: longest })).info?.avatarUrl, longest);
  });

  test("the avatar is read from GraphQL's owner { avatarUrl } and REST's owner.avatar_url; no owner gives null", () => {
    const url = "https://avatars.githubusercontent.com/u/1?v=4";
    const rest = {
      full_name: "a/b",
      html_url: "https://github.com/a/b",
      description: null,
      stargazers_count: 1,
      forks_count: 0,
      open_issues_count: 0,
      license: null,
      language: null,
      archived: false,
      pushed_at: null,
      created_at: null,
    };
    assert.equal(fromRest({ ...rest, owner: { avatar_url: url } }, null).avatarUrl, url);
    assert.equal(fromRest(rest, null).avatarUrl, null);
    const node = { nameWithOwner: "a/b", stargazerCount: 1, forkCount: 0, isArchived: false };
    const graphql = (owner: unknown) =>
      scalarsFromGraphql({ ...node, owner } as unknown as Parameters<typeof scalarsFromGraphql>[0]);
    assert.equal(graphql({ avatarUrl: url }).avatarUrl, url);
    assert.equal(graphql(null).avatarUrl, null);
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

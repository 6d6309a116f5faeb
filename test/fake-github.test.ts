import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { batchQuery, batchVariables, scalarsFromGraphql } from "../src/github/query.js";
import { demoRepos, type FakeGitHub, syntheticRepos } from "./fake-github/index.js";
import { AUTH, fakeGitHubSuite, TOKEN } from "./helpers/fake-github-suite.js";

let gh!: FakeGitHub;
const { fake, gql, rest, repoField } = fakeGitHubSuite((server) => {
  gh = server;
});

describe("GraphQL", () => {
  test("a batched aliased query resolves; an unknown alias is NOT_FOUND, the others resolve", async () => {
    const q = `query {
      ${repoField("r0", "kubernetes/kubernetes", "nameWithOwner stargazerCount licenseInfo { spdxId } repositoryTopics(first: 3) { totalCount nodes { topic { name } } } issues(states: OPEN) { totalCount } latestRelease { tagName publishedAt url } primaryLanguage { name } isArchived pushedAt createdAt")}
      ${repoField("r1", "o/x")}
      ${repoField("r2", "servicemeshinterface/smi-spec", "isArchived latestRelease { tagName }")}
      rateLimit { cost remaining resetAt }
    }`;
    const { status, headers, body } = await gql(q);
    assert.equal(status, 200);
    assert.equal(headers.get("x-ratelimit-resource"), "graphql");
    assert.equal(headers.get("content-type"), "application/json; charset=utf-8");
    assert.equal(body.data.r0.nameWithOwner, "kubernetes/kubernetes");
    assert.equal(body.data.r0.licenseInfo.spdxId, "Apache-2.0");
    assert.equal(body.data.r0.repositoryTopics.nodes.length, 3);
    assert.equal(body.data.r0.repositoryTopics.totalCount, 5);
    assert.equal(body.data.r0.primaryLanguage.name, "Go");
    assert.equal(body.data.r1, null);
    assert.deepEqual(body.data.r2, { isArchived: true, latestRelease: { tagName: "v0.6.0" } });
    assert.deepEqual(body.errors, [
      {
        type: "NOT_FOUND",
        path: ["r1"],
        locations: [{ line: 3, column: 7 }],
        message: "Could not resolve to a Repository with the name 'o/x'.",
      },
    ]);
    assert.equal(body.data.rateLimit.cost, 1);
    assert.equal(body.data.rateLimit.remaining, 4999);
    assert.match(body.data.rateLimit.resetAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  test("variables work; a renamed repo resolves under its new nameWithOwner", async () => {
    const q = `query($owner: String!, $name: String!, $follow: Boolean) {
      repository(owner: $owner, name: $name, followRenames: $follow) { nameWithOwner url }
    }`;
    const moved = await gql(q, { owner: "weaveworks", name: "kured" });
    assert.deepEqual(moved.body.data.repository, {
      nameWithOwner: "kubereboot/kured",
      url: "https://github.com/kubereboot/kured",
    });
    const strict = await gql(q, { owner: "weaveworks", name: "kured", follow: false });
    assert.equal(strict.body.data.repository, null);
    assert.equal(strict.body.errors[0].type, "NOT_FOUND");
  });

  test("a misspelt field fails validation as on GitHub, and costs nothing", async () => {
    const { status, body } = await gql(
      `query Q {\n  repository(owner: "a", name: "b") { stargazersCount }\n}`,
    );
    assert.equal(status, 200);
    assert.equal(body.data, undefined);
    assert.deepEqual(body.errors, [
      {
        path: ["query Q", "repository", "stargazersCount"],
        extensions: {
          code: "undefinedField",
          typeName: "Repository",
          fieldName: "stargazersCount",
        },
        locations: [{ line: 2, column: 39 }],
        message: "Field 'stargazersCount' doesn't exist on type 'Repository'",
      },
    ]);
    assert.equal(gh.stats.pointsUsed, 0);
  });

  test("cost: 100 aliases with repositoryTopics(first: 10) cost 1 point", async () => {
    const fields = "nameWithOwner repositoryTopics(first: 10) { nodes { topic { name } } }";
    const aliases = [...gh.repos.keys()].slice(0, 100).map((n, i) => repoField(`r${i}`, n, fields));
    const { body } = await gql(`{ ${aliases.join("\n")} rateLimit { cost nodeCount } }`);
    assert.equal(body.errors, undefined);
    assert.equal(Object.keys(body.data).length, 101);
    assert.deepEqual(body.data.rateLimit, { cost: 1, nodeCount: 1000 });
    assert.equal(gh.stats.pointsUsed, 1);
    const viaFragment = `query { ${aliases.map((a) => a.replace(fields, "...F")).join("\n")} rateLimit { cost } }
      fragment F on Repository { ${fields} }`;
    assert.equal((await gql(viaFragment)).body.data.rateLimit.cost, 1);
  });

  test("cost: a totalCount-only connection fetches no page and costs nothing; strictCost charges it", async () => {
    const strict = await fake({
      repos: [...demoRepos(), ...syntheticRepos(200, 7)],
      strictCost: true,
    });
    const names = [...gh.repos.keys()].slice(0, 150);
    const only = (fields: string) =>
      `{ ${names.map((n, i) => repoField(`r${i}`, n, fields)).join("\n")} rateLimit { cost } }`;
    const costOf = async (q: string, server = gh) => {
      const { body } = await gql(q, undefined, server);
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      return body.data.rateLimit.cost;
    };
    // 150 × issues { totalCount }: no request by default (minimum 1), 150 → 2 points when strict.
    const counts = only("issues(states: OPEN) { totalCount }");
    assert.equal(await costOf(counts), 1);
    assert.equal(await costOf(counts, strict), 2);
    // Asking for the page (nodes, edges or pageInfo, also through a fragment) is charged either way.
    const edges = "fragment E on IssueConnection { edges { cursor } }";
    for (const q of [
      only("issues(first: 1) { nodes { title } }"),
      only("issues(first: 1) { pageInfo { hasNextPage } }"),
      `${only("issues(first: 1) { totalCount ...E }")} ${edges}`,
    ]) {
      assert.equal(await costOf(q), 2, q.slice(-80));
      assert.equal(await costOf(q, strict), 2, q.slice(-80));
    }
    // A skipped page selection is not asked for.
    assert.equal(
      await costOf(only("issues(first: 1) { totalCount nodes @skip(if: true) { title } }")),
      1,
    );
  });

  test("cost: the client's batch of 100 costs 1 point by default, 2 with strictCost", async () => {
    const strict = await fake({
      repos: [...demoRepos(), ...syntheticRepos(200, 7)],
      strictCost: true,
    });
    const repos = [...gh.repos.values()].slice(0, 100);
    const variables = batchVariables(repos);
    for (const [server, cost] of [
      [gh, 1],
      [strict, 2],
    ] as const) {
      const { body } = await gql(batchQuery(100), variables, server);
      assert.equal(body.errors, undefined);
      assert.equal(body.data.rateLimit.cost, cost);
      assert.equal(server.stats.pointsUsed, cost);
    }
  });

  test("cost: pass 1 (every field but the connections, owner { avatarUrl } included) costs 1 point even with strictCost", async () => {
    const strict = await fake({ repos: syntheticRepos(1_000, 11), strictCost: true });
    const query = batchQuery(1_000, "scalars");
    assert.match(query, /owner \{ avatarUrl \}/);
    const variables = batchVariables([...strict.repos.values()]);
    const { body } = await gql(query, variables, strict);
    assert.equal(body.errors, undefined, "valid against GitHub's schema");
    assert.equal(body.data.rateLimit.cost, 1);
    assert.equal(strict.stats.pointsUsed, 1);
    const first = [...strict.repos.values()][0];
    assert.match(
      body.data.r0.owner.avatarUrl,
      /^https:\/\/avatars\.githubusercontent\.com\/u\/\d+\?v=4$/,
    );
    assert.equal(scalarsFromGraphql(body.data.r0).avatarUrl, body.data.r0.owner.avatarUrl);
    assert.equal(body.data.r0.nameWithOwner, `${first?.owner}/${first?.name}`);
    // The full query asks it too (a repository's first lookup).
    assert.match(batchQuery(1, "full"), /owner \{ avatarUrl \}/);
  });

  test("cost: nested connections multiply (GitHub's documented example: 51 points)", async () => {
    const q = `{ viewer { login repositories(first: 100) { nodes { name
        issues(first: 50) { nodes { title labels(first: 60) { nodes { name } } } } } } }
      rateLimit { cost nodeCount } }`;
    const { body } = await gql(q);
    // 1 + 100 + 100×50 = 5,101 requests → 51 points; 100 + 5,000 + 300,000 nodes.
    assert.deepEqual(body.data.rateLimit, { cost: 51, nodeCount: 305_100 });
    assert.equal(gh.stats.pointsUsed, 51);
    const { body: tooBig } = await gql(
      "{ viewer { repositories(first: 100) { nodes { issues(first: 100) { nodes { labels(first: 100) { totalCount } } } } } } }",
    );
    assert.equal(tooBig.errors[0].type, "MAX_NODE_LIMIT_EXCEEDED");
  });

  test("a connection listing nodes without first/last fails; totalCount alone is fine", async () => {
    const { body } = await gql(
      `{ ${repoField("a", "rook/rook", "repositoryTopics { nodes { topic { name } } }")} ${repoField("b", "rook/rook", "issues(states: OPEN) { totalCount }")} }`,
    );
    assert.equal(body.data.a, null);
    assert.deepEqual(body.data.b, { issues: { totalCount: 120 } });
    assert.equal(body.errors[0].type, "MISSING_PAGINATION_BOUNDARIES");
    assert.deepEqual(body.errors[0].path, ["a", "repositoryTopics"]);
    assert.equal(
      body.errors[0].message,
      "You must provide a `first` or `last` value to properly paginate the `repositoryTopics` connection.",
    );
    const { body: big } = await gql(
      `{ ${repoField("a", "rook/rook", "repositoryTopics(first: 101) { totalCount }")} }`,
    );
    assert.equal(big.errors[0].type, "EXCESSIVE_PAGINATION");
  });

  test("the points budget runs out: RATE_LIMITED, HTTP 200, remaining 0", async () => {
    const small = await fake({ graphqlPoints: 2 });
    const q = `{ ${repoField("r", "rook/rook")} }`;
    assert.equal((await gql(q, {}, small)).body.data.r.nameWithOwner, "rook/rook");
    const second = await gql(q, {}, small);
    assert.equal(second.headers.get("x-ratelimit-remaining"), "0");
    const third = await gql(q, {}, small);
    assert.equal(third.status, 200);
    assert.equal(third.headers.get("x-ratelimit-remaining"), "0");
    assert.deepEqual(third.body, {
      errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for user ID 1." }],
    });
    assert.equal(small.stats.pointsUsed, 2);
  });

  test("the token is required and never recorded", async () => {
    const q = `{ ${repoField("r", "rook/rook")} }`;
    const none = await gql(q, {}, gh, {});
    assert.equal(none.status, 401);
    assert.match(none.body.message, /requires you to be authenticated/);
    const wrong = await gql(q, {}, gh, { authorization: "token nope" });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.message, "Bad credentials");
    await gql(`{ r: repository(owner: "${TOKEN}", name: "x") { name } }`);
    await rest(`/repos/rook/rook?access_token=${TOKEN}`, { headers: AUTH });
    assert.equal(gh.stats.log.length, 4);
    assert.deepEqual(
      gh.stats.log.map((e) => e.authorization),
      [false, true, true, true],
    );
    assert.ok(!JSON.stringify(gh.stats).includes(TOKEN));
  });
});

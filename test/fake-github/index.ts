/**
 * A faithful local GitHub for tests and benchmarks: GraphQL against GitHub's real schema with
 * cost accounting, the REST repository endpoints, rate limits and fault injection.
 *
 *   const gh = await startFakeGitHub({ repos: demoRepos(), token: "t" });
 *   // GITHUB_API_URL=gh.url GITHUB_GRAPHQL_URL=gh.graphqlUrl ... then gh.stats, gh.close()
 */
export { DEMO_TOKEN, demoRepos } from "./demo.js";
export { githubSchema, schemaLoadMs } from "./schema.js";
export { startFakeGitHub } from "./server.js";
export { syntheticRepos } from "./synthetic.js";
export type {
  FakeGitHub,
  FakeGitHubOptions,
  FakeRepo,
  FakeStats,
  Fault,
  FaultKind,
  FaultMatch,
  LogEntry,
} from "./types.js";

/** GitHub's real public GraphQL schema, from @octokit/graphql-schema, built once per process. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

let cached: GraphQLSchema | undefined;
let loadMs = 0;

/**
 * The schema, built from the package's introspection result (`schema.json`).
 * `buildSchema(schema.graphql)` would need `assumeValidSDL`; the introspection is exact.
 */
export function githubSchema(): GraphQLSchema {
  if (cached) return cached;
  const started = performance.now();
  // The package only exports "." (index.js); schema.json sits next to it.
  const file = fileURLToPath(
    new URL("schema.json", import.meta.resolve("@octokit/graphql-schema")),
  );
  const introspection = JSON.parse(readFileSync(file, "utf8")) as
    | IntrospectionQuery
    | { data: IntrospectionQuery };
  // GitHub's schema is valid: checking it (on the first validate(), most of a second) is skipped.
  // Every query is still validated against it.
  cached = buildClientSchema("data" in introspection ? introspection.data : introspection, {
    assumeValid: true,
  });
  loadMs = performance.now() - started;
  return cached;
}

/** How long the first `githubSchema()` took, in milliseconds (0 before it ran). */
export function schemaLoadMs(): number {
  return loadMs;
}

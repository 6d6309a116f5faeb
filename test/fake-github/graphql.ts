/**
 * POST /graphql: parse, validate against GitHub's schema, check the node limit, charge the cost
 * to the points budget BEFORE executing, then execute with the fake's resolvers.
 * https://docs.github.com/en/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api
 */
import {
  type DocumentNode,
  execute,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  getOperationAST,
  getVariableValues,
  Kind,
  parse,
  validate,
  visit,
} from "graphql";
import { MAX_NODES, queryCost } from "./cost.js";
import { executionError, parseError, validationErrors } from "./gql-errors.js";
import type { Budget } from "./ratelimit.js";
import { fieldResolver, type ResolveContext, rootValue } from "./resolvers.js";
import { DOC, graphqlRateLimited, jsonReply, type Reply } from "./responses.js";
import { githubSchema } from "./schema.js";
import type { FakeRepo } from "./types.js";

export interface GraphqlRequest {
  /** Undefined when the body is not a JSON object. */
  query?: string;
  variables: Record<string, unknown>;
  operationName?: string;
  document?: DocumentNode;
  syntaxError?: GraphQLError;
  badJson?: boolean;
}

/** Parses the HTTP body and the query once (the fault matcher needs the document too). */
export function prepareGraphql(body: string): GraphqlRequest {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return { variables: {}, badJson: true };
  }
  if (typeof payload !== "object" || payload === null) return { variables: {}, badJson: true };
  const { query, variables, operationName } = payload as Record<string, unknown>;
  const req: GraphqlRequest = {
    variables: typeof variables === "object" && variables !== null ? { ...variables } : {},
  };
  if (typeof operationName === "string") req.operationName = operationName;
  if (typeof query !== "string") return req;
  req.query = query;
  try {
    req.document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) req.syntaxError = error;
    else throw error;
  }
  return req;
}

/** Whether the request asks for "owner/name": a `repository(owner:, name:)` field, or the text. */
export function mentionsRepo(req: GraphqlRequest, repo: string): boolean {
  const wanted = repo.toLowerCase();
  const escaped = wanted.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  if (req.query && new RegExp(`(?<![\\w.-])${escaped}(?![\\w.-])`, "i").test(req.query)) {
    return true; // e.g. search(query: "repo:owner/name")
  }
  if (!req.document) return false;
  let found = false;
  const argValue = (node: FieldNode, name: string): string => {
    const value = node.arguments?.find((a) => a.name.value === name)?.value;
    if (value?.kind === Kind.STRING) return value.value;
    if (value?.kind === Kind.VARIABLE) return String(req.variables[value.name.value] ?? "");
    return "";
  };
  visit(req.document, {
    Field(node) {
      if (node.name.value !== "repository") return;
      if (`${argValue(node, "owner")}/${argValue(node, "name")}`.toLowerCase() === wanted)
        found = true;
    },
  });
  return found;
}

/**
 * Validation does not depend on what string literals say, so batches that differ only in the
 * repositories they name (same aliases, same fields) are validated once. Only successes are
 * remembered (error locations depend on the exact text); queries with comments or block
 * strings, which the literal pattern cannot read safely, are always validated.
 */
const validShapes = new Set<string>();
const MAX_SHAPES = 1000;
const shapeOf = (query: string): string | undefined =>
  query.includes("#") || query.includes('"""')
    ? undefined
    : query.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');

function knownValid(query: string): boolean {
  const shape = shapeOf(query);
  return shape !== undefined && validShapes.has(shape);
}

function rememberValid(query: string): void {
  const shape = shapeOf(query);
  if (shape === undefined) return;
  if (validShapes.size >= MAX_SHAPES) validShapes.clear();
  validShapes.add(shape);
}

export interface GraphqlEnv {
  repos: ReadonlyMap<string, FakeRepo>;
  budget: Budget;
  /** Charge totalCount-only connections too (FakeGitHubOptions.strictCost). */
  strictCost: boolean;
}

export interface GraphqlOutcome {
  reply: Reply;
  /** `repository` fields resolved. */
  resolved: number;
  /** Points this request was charged (not read off the shared budget: requests run concurrently). */
  charged?: number;
}

const errorsOnly = (errors: unknown[], budget: Budget): GraphqlOutcome => ({
  reply: jsonReply(200, { errors }, budget.headers()),
  resolved: 0,
});

export async function runGraphql(req: GraphqlRequest, env: GraphqlEnv): Promise<GraphqlOutcome> {
  const { budget } = env;
  if (req.badJson) {
    const body = {
      message: "Problems parsing JSON",
      documentation_url: DOC.graphql,
      status: "400",
    };
    return { reply: jsonReply(400, body, budget.headers()), resolved: 0 };
  }
  if (req.query === undefined) {
    return errorsOnly(
      [{ message: "A query attribute must be specified and must be a string." }],
      budget,
    );
  }
  if (req.syntaxError || !req.document) {
    return errorsOnly(req.syntaxError ? [parseError(req.syntaxError)] : [], budget);
  }
  const schema = githubSchema();
  const document = req.document;
  if (!knownValid(req.query)) {
    const invalid = validate(schema, document);
    if (invalid.length > 0) return errorsOnly(validationErrors(document, invalid), budget);
    rememberValid(req.query);
  }

  const operation = getOperationAST(document, req.operationName);
  if (!operation) {
    const message = req.operationName
      ? `No operation named "${req.operationName}"`
      : "An operation name is required when sending multiple operations.";
    return errorsOnly([{ message }], budget);
  }
  if (operation.operation !== "query") {
    return errorsOnly(
      [{ type: "FORBIDDEN", message: "The fake GitHub is read-only: only queries are served." }],
      budget,
    );
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], req.variables);
  if (coerced.errors) return errorsOnly(coerced.errors.map(executionError), budget);

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const cost = queryCost(schema, operation, fragments, coerced.coerced, {
    strict: env.strictCost,
  });
  if (cost.nodes > MAX_NODES) {
    const n = cost.nodes.toLocaleString("en-US");
    const message = `This query requests up to ${n} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString("en-US")}.`;
    return errorsOnly([{ type: "MAX_NODE_LIMIT_EXCEEDED", message }], budget);
  }
  if (!budget.tryCharge(cost.cost)) {
    return { reply: graphqlRateLimited(budget.headers(true)), resolved: 0 };
  }

  const ctx: ResolveContext = { repos: env.repos, budget, cost, resolved: 0 };
  const result = await execute({
    schema,
    document,
    rootValue,
    contextValue: ctx,
    variableValues: req.variables,
    fieldResolver,
    ...(req.operationName !== undefined && { operationName: req.operationName }),
  });
  const body = {
    data: result.data ?? null,
    ...(result.errors && { errors: result.errors.map(executionError) }),
  };
  return {
    reply: jsonReply(200, body, budget.headers()),
    resolved: ctx.resolved,
    charged: cost.cost,
  };
}

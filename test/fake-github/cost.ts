/**
 * Query cost and node count, per "Rate limits and node limits for the GraphQL API":
 * https://docs.github.com/en/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api
 *
 * What the doc says:
 * - "Add up the number of requests needed to fulfill each unique connection in the call. Assume
 *   every request will reach the first or last argument limits." A connection needs as many
 *   requests as the product of the `first`/`last` of the connections above it (1 at the top);
 *   "divide by 100 and round the result to get the final aggregate cost", minimum 1 point.
 * - Node count: each connection returns up to `first`/`last` nodes per request; at most 500,000.
 *
 * What is inferred (the doc is silent): the formula is stated in terms of `first`/`last`
 * pagination, and GitHub does not require `first`/`last` on a connection that asks only
 * `totalCount` (resolvers.ts mirrors that), so such a connection fetches no page. By default,
 * only a connection whose page is requested (`nodes`, `edges` or `pageInfo` selected) is charged;
 * a totalCount-only connection costs no request.
 *
 * Because the doc does not say either way, `strictCost` (FakeGitHubOptions) also charges
 * totalCount-only connections, one request each, so clients can be tested against both readings.
 */
import {
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLIncludeDirective,
  GraphQLInt,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  valueFromAST,
} from "graphql";

/** "The rate limit score is calculated by dividing the total requests by 100." */
export const REQUESTS_PER_POINT = 100;
/** "Individual calls cannot request more than 500,000 total nodes." */
export const MAX_NODES = 500_000;

export interface QueryCost {
  /** Requests needed to fulfil every charged connection (see the top of this file). */
  requests: number;
  /** Most nodes the query may return (what `rateLimit { nodeCount }` reports). */
  nodes: number;
  /** Points charged: max(1, round(requests / 100)). */
  cost: number;
}

type Variables = Record<string, unknown>;

export interface CostOptions {
  /** Also charge connections that select only `totalCount` (see the top of this file). */
  strict?: boolean;
}

/** Selections of a connection that need its page fetched; `totalCount` alone does not. */
const PAGE_FIELDS: ReadonlySet<string> = new Set(["nodes", "edges", "pageInfo"]);

/** A field whose type is a *Connection taking `first`/`last` (e.g. `repositoryTopics`). */
export function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  let known = connectionFields.get(field);
  if (known === undefined) {
    known =
      getNamedType(field.type).name.endsWith("Connection") &&
      field.args.some((a) => a.name === "first" || a.name === "last");
    connectionFields.set(field, known);
  }
  return known;
}
/** isConnectionField per field of the (immutable) schema: asked for every field resolved. */
const connectionFields = new WeakMap<GraphQLField<unknown, unknown>, boolean>();

export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Variables,
  options: CostOptions = {},
): QueryCost {
  const total = { requests: 0, nodes: 0 };

  const included = (node: SelectionNode): boolean => {
    const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
    const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
    return skip?.if !== true && include?.if !== false;
  };

  const pageSize = (node: SelectionNode, name: "first" | "last"): number | undefined => {
    if (node.kind !== Kind.FIELD) return undefined;
    const arg = node.arguments?.find((a) => a.name.value === name);
    const value = arg ? valueFromAST(arg.value, GraphQLInt, variables) : undefined;
    return typeof value === "number" ? value : undefined;
  };

  /** Whether a connection's selection asks for its page (through fragments too). */
  const requestsPage = (set: SelectionSetNode): boolean =>
    set.selections.some((sel) => {
      if (!included(sel)) return false;
      if (sel.kind === Kind.FIELD) return PAGE_FIELDS.has(sel.name.value);
      const fragment = sel.kind === Kind.FRAGMENT_SPREAD ? fragments.get(sel.name.value) : sel;
      return fragment !== undefined && requestsPage(fragment.selectionSet);
    });

  /**
   * What a named fragment adds at multiplier 1, per type it is walked under. Everything walk
   * adds is the multiplier times a count, so a fragment spread 100 times (once per aliased
   * repository) is walked once and its counts multiplied, with the same totals.
   */
  const spreads = new Map<string, { requests: number; nodes: number }>();
  const spread = (name: string, fragment: FragmentDefinitionNode, type: GraphQLCompositeType) => {
    const key = `${name}\u0000${type.name}`;
    let counts = spreads.get(key);
    if (counts === undefined) {
      const outer = { ...total };
      total.requests = 0;
      total.nodes = 0;
      walk(fragment.selectionSet, type, 1);
      counts = { ...total };
      spreads.set(key, counts);
      total.requests = outer.requests;
      total.nodes = outer.nodes;
    }
    return counts;
  };

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number): void => {
    for (const sel of set.selections) {
      if (!included(sel)) continue;
      if (sel.kind === Kind.INLINE_FRAGMENT || sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = sel.kind === Kind.FRAGMENT_SPREAD ? fragments.get(sel.name.value) : sel;
        if (!fragment) continue;
        const cond = fragment.typeCondition && schema.getType(fragment.typeCondition.name.value);
        const type = cond && isCompositeType(cond) ? cond : parent;
        if (sel.kind === Kind.FRAGMENT_SPREAD && fragment.kind === Kind.FRAGMENT_DEFINITION) {
          const counts = spread(sel.name.value, fragment, type);
          total.requests += multiplier * counts.requests;
          total.nodes += multiplier * counts.nodes;
        } else {
          walk(fragment.selectionSet, type, multiplier);
        }
        continue;
      }
      if (!(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[sel.name.value];
      if (!field || !sel.selectionSet) continue;
      let inner = multiplier;
      if (isConnectionField(field)) {
        const size = pageSize(sel, "first") ?? pageSize(sel, "last");
        if (options.strict === true || requestsPage(sel.selectionSet)) total.requests += multiplier;
        total.nodes += multiplier * (size ?? 0);
        inner = multiplier * (size ?? 1);
      }
      const type = getNamedType(field.type);
      if (isCompositeType(type)) walk(sel.selectionSet, type, inner);
    }
  };

  const root = schema.getRootType(operation.operation);
  if (root) walk(operation.selectionSet, root, 1);
  const cost = Math.max(1, Math.round(total.requests / REQUESTS_PER_POINT));
  return { ...total, cost };
}

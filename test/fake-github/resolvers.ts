/**
 * Resolvers: a root value for Query plus one field resolver that reads plain "view" objects
 * (see views.ts), enforces GitHub's pagination rules on connections, and answers a zero value
 * for any field the fake does not model (null when nullable, so other aliases never suffer).
 */
import {
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
} from "graphql";
import { isConnectionField, type QueryCost } from "./cost.js";
import type { Budget } from "./ratelimit.js";
import { findRepo } from "./store.js";
import type { FakeRepo } from "./types.js";
import { ownerView, repositoryView, viewerView } from "./views.js";

/** "Values of first and last must be within 1-100." (node limits, GraphQL rate-limit doc) */
export const MAX_PAGE_SIZE = 100;

export interface ResolveContext {
  repos: ReadonlyMap<string, FakeRepo>;
  budget: Budget;
  cost: QueryCost;
  /** `repository` fields resolved so far (drives perRepoLatencyMs). */
  resolved: number;
}

type Args = Record<string, unknown>;

const fail = (type: string, message: string): GraphQLError =>
  new GraphQLError(message, { extensions: { type } });

/** The Query fields the fake serves; every other one resolves to its zero value. */
export const rootValue = {
  repository(args: Args, ctx: ResolveContext) {
    ctx.resolved++;
    const name = `${String(args.owner)}/${String(args.name)}`;
    const found = findRepo(ctx.repos, name, args.followRenames !== false);
    if (!found)
      throw fail("NOT_FOUND", `Could not resolve to a Repository with the name '${name}'.`);
    return repositoryView(found.repo);
  },
  rateLimit(_args: Args, ctx: ResolveContext) {
    const { budget, cost } = ctx;
    return {
      cost: cost.cost,
      limit: budget.limit,
      nodeCount: cost.nodes,
      remaining: budget.remaining,
      resetAt: budget.resetAtIso,
      used: budget.used,
    };
  },
  viewer: () => viewerView(),
  repositoryOwner: (args: Args, ctx: ResolveContext) => ownerOf(ctx, args.login) ?? null,
  organization(args: Args, ctx: ResolveContext) {
    const owner = ownerOf(ctx, args.login);
    if (owner) return owner;
    const login = String(args.login);
    throw fail("NOT_FOUND", `Could not resolve to an Organization with the login of '${login}'.`);
  },
};

function ownerOf(ctx: ResolveContext, login: unknown): ReturnType<typeof ownerView> | undefined {
  const wanted = String(login).toLowerCase();
  for (const repo of ctx.repos.values()) {
    if (repo.owner.toLowerCase() === wanted) return ownerView(repo.owner);
  }
  return undefined;
}

/** Whether a connection field selects `nodes` or `edges` (then it must be bounded). */
function selectsItems(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((f) =>
    f.selectionSet?.selections.some(
      (s) => s.kind !== Kind.FIELD || s.name.value === "nodes" || s.name.value === "edges",
    ),
  );
}

/**
 * GitHub's pagination errors: MISSING_PAGINATION_BOUNDARIES when nodes/edges are requested
 * without `first`/`last` (`totalCount` alone is fine), EXCESSIVE_PAGINATION above 100.
 */
function checkPagination(args: Args, info: GraphQLResolveInfo): void {
  const { first, last } = args;
  if (first == null && last == null && selectsItems(info)) {
    throw fail(
      "MISSING_PAGINATION_BOUNDARIES",
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${info.fieldName}\` connection.`,
    );
  }
  for (const [name, value] of [["first", first] as const, ["last", last] as const]) {
    if (typeof value === "number" && value > MAX_PAGE_SIZE) {
      throw fail(
        "EXCESSIVE_PAGINATION",
        `Requesting ${value} records on the \`${info.fieldName}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE_SIZE} records.`,
      );
    }
  }
}

const EPOCH = "1970-01-01T00:00:00Z";

/** What an unmodelled field answers: null if nullable, else the type's zero. */
function zeroValue(type: GraphQLOutputType, info: GraphQLResolveInfo): unknown {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0]?.value ?? null;
  if (isObjectType(inner)) return {};
  if (isScalarType(inner)) {
    if (inner.name === "Int" || inner.name === "Float") return 0;
    if (inner.name === "Boolean") return false;
    if (inner.name === "DateTime" || inner.name === "GitTimestamp") return EPOCH;
    return "";
  }
  const [possible] = info.schema.getPossibleTypes(inner);
  return possible ? { __typename: possible.name } : null;
}

export const fieldResolver: GraphQLFieldResolver<unknown, ResolveContext> = (
  source,
  args,
  ctx,
  info,
) => {
  const field = info.parentType.getFields()[info.fieldName];
  if (field && isConnectionField(field)) checkPagination(args, info);
  const value = (source as Record<string, unknown> | null)?.[info.fieldName];
  const resolved = typeof value === "function" ? value.call(source, args, ctx, info) : value;
  return resolved === undefined ? zeroValue(info.returnType, info) : resolved;
};

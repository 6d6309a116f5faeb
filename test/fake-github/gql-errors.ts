/**
 * GraphQL errors in GitHub's shape. GitHub runs graphql-ruby, whose static-validation errors look
 * like `{"path":["query Q","r0","foo"],"extensions":{"code":"undefinedField","typeName":
 * "Repository","fieldName":"foo"},"locations":[{"line":1,"column":9}],"message":"Field 'foo'
 * doesn't exist on type 'Repository'"}`: the path walks the document (operation, aliases,
 * inline fragments, arguments), and execution errors carry a top-level `type` (NOT_FOUND, ...).
 */
import { type ASTNode, type DocumentNode, type GraphQLError, Kind, visit } from "graphql";

export interface GitHubError {
  type?: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
  locations?: Array<{ line: number; column: number }>;
  message: string;
}

/** graphql-ruby's name for a node on the document path, or undefined when it adds none. */
function segment(node: ASTNode): string | undefined {
  switch (node.kind) {
    case Kind.OPERATION_DEFINITION:
      return node.name ? `${node.operation} ${node.name.value}` : node.operation;
    case Kind.FRAGMENT_DEFINITION:
      return `fragment ${node.name.value}`;
    case Kind.FIELD:
      return node.alias?.value ?? node.name.value;
    case Kind.INLINE_FRAGMENT:
      return node.typeCondition ? `... on ${node.typeCondition.name.value}` : "...";
    case Kind.FRAGMENT_SPREAD:
      return `... ${node.name.value}`;
    case Kind.ARGUMENT:
    case Kind.OBJECT_FIELD:
      return node.name.value;
    default:
      return undefined;
  }
}

/** The document path of each node in `targets`. */
function documentPaths(doc: DocumentNode, targets: Set<ASTNode>): Map<ASTNode, string[]> {
  const paths = new Map<ASTNode, string[]>();
  if (targets.size === 0) return paths;
  visit(doc, {
    enter(node, _key, _parent, _path, ancestors) {
      if (!targets.has(node)) return;
      const chain = [...ancestors, node].filter(
        (a): a is ASTNode => !Array.isArray(a) && typeof a === "object" && a !== null,
      );
      paths.set(
        node,
        chain.map(segment).filter((s): s is string => s !== undefined),
      );
    },
  });
  return paths;
}

/** "[Topic!]!" → "Topic": graphql-ruby names the bare type in these messages. */
const bare = (type: string | undefined): string => (type ?? "").replace(/[![\]]/g, "");

type Rewrite = (m: RegExpMatchArray) => { message: string; extensions: Record<string, unknown> };

/** graphql-js message → graphql-ruby message and extensions, for the common mistakes. */
const REWRITES: Array<[RegExp, Rewrite]> = [
  [
    /^Cannot query field "(\w+)" on type "(\w+)"\./,
    ([, field, type]) => ({
      message: `Field '${field}' doesn't exist on type '${type}'`,
      extensions: { code: "undefinedField", typeName: type, fieldName: field },
    }),
  ],
  [
    /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./,
    ([, arg, field]) => ({
      message: `Field '${field}' doesn't accept argument '${arg}'`,
      extensions: {
        code: "argumentNotAccepted",
        name: field,
        typeName: "Field",
        argumentName: arg,
      },
    }),
  ],
  [
    /^Field "(\w+)" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./,
    ([, field, arg]) => ({
      message: `Field '${field}' is missing required arguments: ${arg}`,
      extensions: {
        code: "missingRequiredArguments",
        className: "Field",
        name: field,
        arguments: arg,
      },
    }),
  ],
  [
    /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields\./,
    ([, field, type]) => ({
      message: `Field must have selections (field '${field}' returns ${bare(type)} but has no selections. Did you mean '${field} { ... }'?)`,
      extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: bare(type) },
    }),
  ],
  [
    /^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\./,
    ([, field, type]) => ({
      message: `Selections can't be made on scalars (field '${field}' returns ${bare(type)} but has selections [...])`,
      extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: bare(type) },
    }),
  ],
  [
    /^Variable "\$(\w+)" is never used/,
    ([, name]) => ({
      message: `Variable $${name} is declared by anonymous query but not used`,
      extensions: { code: "variableNotUsed", variableName: name },
    }),
  ],
];

/** Validation errors as GitHub reports them (HTTP 200, no `data`). */
export function validationErrors(
  doc: DocumentNode,
  errors: readonly GraphQLError[],
): GitHubError[] {
  const first = (e: GraphQLError): ASTNode | undefined => e.nodes?.[0];
  const paths = documentPaths(doc, new Set(errors.map(first).filter((n) => n !== undefined)));
  return errors.map((e) => {
    let message = e.message;
    let extensions: Record<string, unknown> = { code: "validationError" };
    for (const [re, rewrite] of REWRITES) {
      const m = e.message.match(re);
      if (m) {
        ({ message, extensions } = rewrite(m));
        break;
      }
    }
    const node = first(e);
    const path = node && paths.get(node);
    return {
      ...(path && { path }),
      extensions,
      ...(e.locations && { locations: [...e.locations] }),
      message,
    };
  });
}

/** A parse error as graphql-ruby words it: `Parse error on "}" at [3, 5]`. */
export function parseError(error: GraphQLError): GitHubError {
  const loc = error.locations?.[0];
  const found = error.message.match(/(?:found|Unexpected) (.+?)\.?$/)?.[1];
  const where = loc ? ` at [${loc.line}, ${loc.column}]` : "";
  const message =
    found === "<EOF>"
      ? "Unexpected end of document"
      : found
        ? `Parse error on ${found}${where}`
        : `Parse error${where}: ${error.message.replace(/^Syntax Error: /, "")}`;
  return loc ? { message, locations: [loc] } : { message };
}

/** An execution error: `{type?, path, locations, message}` (GitHub puts `type` at the top). */
export function executionError(error: GraphQLError): GitHubError {
  const type = error.extensions?.type;
  return {
    ...(typeof type === "string" && { type }),
    ...(error.path && { path: [...error.path] }),
    ...(error.locations && { locations: [...error.locations] }),
    message: error.message,
  };
}

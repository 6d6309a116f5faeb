import { type RepoInfo, repoInfo, spdx } from "./repo-info.js";

/**
 * The GraphQL batch: one aliased `repository(owner:, name:)` per repository
 * (`followRenames` defaults to true, so an old name answers with the current
 * `nameWithOwner`), plus `rateLimit` to report the budget.
 *
 * Owner and name travel as variables, never spliced into the text, so any
 * name is safe and every batch of the same size sends the same query text.
 */

/**
 * "You can add up to 20 topics to a repository"
 * (https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/classifying-your-repository-with-topics),
 * so one page of 20 holds them all.
 */
export const TOPICS_PAGE = 20;

export const REPO_FRAGMENT = `fragment repo on Repository {
  nameWithOwner
  url
  description
  stargazerCount
  forkCount
  issues(states: OPEN) { totalCount }
  licenseInfo { spdxId }
  primaryLanguage { name }
  repositoryTopics(first: ${TOPICS_PAGE}) { nodes { topic { name } } }
  isArchived
  pushedAt
  createdAt
  latestRelease { tagName publishedAt url }
  owner { avatarUrl }
}`;

/**
 * Upper bound of --batch-size. GitHub documents no cap on aliases, but big
 * queries hit its ~10 s server timeout (502); 100 is what practitioners use.
 */
export const MAX_BATCH_SIZE = 100;

/**
 * The default batch size: as many as practitioners send. What a batch costs
 * depends on whether GitHub charges `issues { totalCount }` (undocumented), so
 * it is measured on the first query and the batches shrink if it cost more
 * than one point (batch-size.ts).
 */
export const DEFAULT_BATCH_SIZE = MAX_BATCH_SIZE;

/**
 * Two-pass refresh, pass 1: every field that is not a connection. GitHub's
 * cost formula counts only connections, so such a query costs the minimum of
 * one point whatever its size (checked on every answer: `rateLimit { cost }`).
 * `owner { avatarUrl }` is an object, not a connection: it costs nothing more.
 */
export const SCALAR_FRAGMENT = `fragment repo on Repository {
  nameWithOwner
  url
  description
  stargazerCount
  forkCount
  licenseInfo { spdxId }
  primaryLanguage { name }
  isArchived
  pushedAt
  createdAt
  latestRelease { tagName publishedAt url }
  owner { avatarUrl }
}`;

/** Two-pass refresh, pass 2: the two connections, only for repositories that need them. */
export const DETAILS_FRAGMENT = `fragment repo on Repository {
  nameWithOwner
  issues(states: OPEN) { totalCount }
  repositoryTopics(first: ${TOPICS_PAGE}) { nodes { topic { name } } }
}`;

export type QueryKind = "full" | "scalars" | "details";

const FRAGMENTS: Record<QueryKind, string> = {
  full: REPO_FRAGMENT,
  scalars: SCALAR_FRAGMENT,
  details: DETAILS_FRAGMENT,
};

export const alias = (i: number): string => `r${i}`;

const queries = new Map<string, string>();

/** The query text for a batch of `n` repositories (cached: one text per size and kind). */
export function batchQuery(n: number, kind: QueryKind = "full"): string {
  const cached = queries.get(`${kind}:${n}`);
  if (cached !== undefined) return cached;
  const vars: string[] = [];
  const fields: string[] = [];
  for (let i = 0; i < n; i++) {
    vars.push(`$o${i}: String!, $n${i}: String!`);
    fields.push(`  ${alias(i)}: repository(owner: $o${i}, name: $n${i}) { ...repo }`);
  }
  const text = `query CooltechRepos(${vars.join(", ")}) {
  rateLimit { cost remaining resetAt }
${fields.join("\n")}
}
${FRAGMENTS[kind]}
`;
  queries.set(`${kind}:${n}`, text);
  return text;
}

export function batchVariables(repos: ReadonlyArray<{ owner: string; name: string }>) {
  const variables: Record<string, string> = {};
  repos.forEach((r, i) => {
    variables[`o${i}`] = r.owner;
    variables[`n${i}`] = r.name;
  });
  return variables;
}

/** A repository's fields that are not connections (pass 1). */
export type Scalars = Omit<RepoInfo, "openIssues" | "topics">;
/** A repository's connection fields (pass 2). */
export type Details = Pick<RepoInfo, "openIssues" | "topics">;

/** The `repo` fragment as GitHub answers it. */
export interface RepoNode {
  nameWithOwner: string;
  url: string;
  description: string | null;
  stargazerCount: number;
  forkCount: number;
  issues: { totalCount: number } | null;
  licenseInfo: { spdxId: string | null } | null;
  primaryLanguage: { name: string } | null;
  repositoryTopics: { nodes: Array<{ topic: { name: string } | null } | null> | null } | null;
  isArchived: boolean;
  pushedAt: string | null;
  createdAt: string | null;
  latestRelease: { tagName: string; publishedAt: string | null; url: string } | null;
  /** `RepositoryOwner.avatarUrl` is non-null in GitHub's schema; held to the directory's rules anyway. */
  owner: { avatarUrl: string | null } | null;
}

/** The topics' names; anything but a list of topic nodes gives none. */
function topicNames(nodes: unknown): string[] {
  if (!Array.isArray(nodes)) return [];
  return nodes
    .map((n) => (n as { topic?: { name?: unknown } | null } | null)?.topic?.name)
    .filter((t): t is string => typeof t === "string");
}

/** GraphQL node → RepoInfo (checked and made to fit the schema afterwards by sanitizeRepoInfo). */
export function fromGraphql(node: RepoNode): RepoInfo {
  const s = scalarsFromGraphql(node);
  const d = detailsFromGraphql(node);
  return repoInfo({ ...s, ...d });
}

/** The connection fields of a node (pass 2, or the full query). */
export function detailsFromGraphql(node: Pick<RepoNode, "issues" | "repositoryTopics">): Details {
  return {
    openIssues: node.issues?.totalCount ?? 0,
    topics: topicNames(node.repositoryTopics?.nodes),
  };
}

/** The fields that are not connections (pass 1, or the full query). */
export function scalarsFromGraphql(node: RepoNode): Scalars {
  const release = node.latestRelease;
  return {
    nameWithOwner: node.nameWithOwner,
    url: node.url,
    description: node.description ?? null,
    stars: node.stargazerCount,
    forks: node.forkCount,
    license: spdx(node.licenseInfo?.spdxId),
    language: node.primaryLanguage?.name ?? null,
    archived: node.isArchived,
    pushedAt: node.pushedAt ?? null,
    createdAt: node.createdAt ?? null,
    latestRelease: release
      ? { tag: release.tagName, publishedAt: release.publishedAt ?? null, url: release.url }
      : null,
    avatarUrl: node.owner?.avatarUrl ?? null,
  };
}

/**
 * GraphQL "views": plain objects whose properties are the schema's field names (functions for
 * fields with arguments), read by resolvers.ts. Fields left out resolve to a zero value.
 */
import {
  diskUsageKb,
  LANGUAGE_COLORS,
  licenseFacts,
  ownerId,
  releaseId,
  updatedAt,
  WEB,
  watchers,
} from "./entities.js";
import { fullName, nodeId } from "./store.js";
import type { FakeRepo } from "./types.js";

type Args = Record<string, unknown>;

/** The login `viewer` answers (the token's user). */
export const VIEWER_LOGIN = "cooltech-bot";

const cursor = (index: number): string => Buffer.from(`cursor:v2:${index + 1}`).toString("base64");

function cursorIndex(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = Buffer.from(value, "base64")
    .toString()
    .match(/^cursor:v2:(\d+)$/);
  return m ? Number(m[1]) - 1 : undefined;
}

/** A Relay connection over `all`, honouring first/last/after/before. */
export function connection<T>(all: readonly T[], args: Args, totalCount = all.length) {
  let start = 0;
  let end = all.length;
  const after = cursorIndex(args.after);
  const before = cursorIndex(args.before);
  if (after !== undefined) start = Math.min(end, after + 1);
  if (before !== undefined) end = Math.max(start, Math.min(end, before));
  if (typeof args.first === "number") end = Math.min(end, start + Math.max(0, args.first));
  if (typeof args.last === "number") start = Math.max(start, end - Math.max(0, args.last));
  const nodes = all.slice(start, end);
  const edges = nodes.map((node, i) => ({ node, cursor: cursor(start + i) }));
  return {
    totalCount,
    nodes,
    edges,
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Every repository owner is served as an Organization; `avatarUrl` overrides GitHub's form. */
export function ownerView(login: string, avatarUrl?: string) {
  const id = ownerId(login);
  return {
    __typename: "Organization",
    id: nodeId("Organization", id),
    databaseId: id,
    login,
    name: login,
    url: `${WEB}/${login}`,
    resourcePath: `/${login}`,
    avatarUrl: avatarUrl ?? `https://avatars.githubusercontent.com/u/${id}?v=4`,
  };
}

export function viewerView() {
  return {
    __typename: "User",
    id: nodeId("User", 1),
    databaseId: 1,
    login: VIEWER_LOGIN,
    url: `${WEB}/${VIEWER_LOGIN}`,
  };
}

function releaseView(repo: FakeRepo) {
  const release = repo.latestRelease;
  if (!release) return null;
  return {
    __typename: "Release",
    id: nodeId("Release", releaseId(repo)),
    databaseId: releaseId(repo),
    tagName: release.tagName,
    name: release.tagName,
    publishedAt: release.publishedAt,
    createdAt: release.publishedAt,
    updatedAt: release.publishedAt,
    url: release.url,
    isDraft: false,
    isPrerelease: false,
    isLatest: true,
  };
}

/** Open issues for `issues(states: [OPEN])` (or no filter); CLOSED and MERGED are not modelled. */
function issueCount(repo: FakeRepo, args: Args): number {
  const states = args.states == null ? ["OPEN"] : [args.states].flat();
  return states.includes("OPEN") ? repo.openIssues : 0;
}

/**
 * The fields that take work to compute are getters: a query asks a few of the ~50 fields of
 * each of up to 100 aliased repositories, and resolves in one go (its resolvers never wait).
 */
export function repositoryView(repo: FakeRepo) {
  const full = fullName(repo);
  const url = `${WEB}/${full}`;
  const release = () => releaseView(repo);
  const topics = () =>
    repo.topics.map((name) => ({
      __typename: "RepositoryTopic",
      topic: { __typename: "Topic", id: nodeId("Topic", ownerId(name)), name },
      url: `${WEB}/topics/${name}`,
      resourcePath: `/topics/${name}`,
    }));
  return {
    __typename: "Repository",
    get id() {
      return nodeId("Repository", repo.id);
    },
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: full,
    get owner() {
      return ownerView(repo.owner, repo.avatarUrl);
    },
    url,
    resourcePath: `/${full}`,
    sshUrl: `git@github.com:${full}.git`,
    description: repo.description,
    homepageUrl: repo.homepageUrl,
    stargazerCount: repo.stars,
    forkCount: repo.forks,
    isArchived: repo.archived,
    archivedAt: repo.archived ? repo.pushedAt : null,
    isDisabled: false,
    isFork: false,
    isPrivate: false,
    isTemplate: false,
    isMirror: false,
    isEmpty: false,
    isLocked: false,
    isInOrganization: true,
    visibility: "PUBLIC",
    pushedAt: repo.pushedAt,
    createdAt: repo.createdAt,
    get updatedAt() {
      return updatedAt(repo);
    },
    get diskUsage() {
      return diskUsageKb(repo);
    },
    hasIssuesEnabled: true,
    hasWikiEnabled: true,
    get licenseInfo() {
      const license = repo.license === null ? null : licenseFacts(repo.license);
      return (
        license && {
          __typename: "License",
          id: nodeId("License", ownerId(license.key)),
          key: license.key,
          name: license.name,
          spdxId: license.spdxId,
          nickname: null,
          url: license.apiPath && `https://choosealicense.com${license.apiPath}/`,
        }
      );
    },
    get primaryLanguage() {
      return (
        repo.language && {
          __typename: "Language",
          id: nodeId("Language", ownerId(repo.language)),
          name: repo.language,
          color: LANGUAGE_COLORS[repo.language] ?? null,
        }
      );
    },
    defaultBranchRef: { __typename: "Ref", name: "main", prefix: "refs/heads/" },
    get latestRelease() {
      return release();
    },
    releases: (args: Args) => {
      const r = release();
      return connection(r ? [r] : [], args);
    },
    repositoryTopics: (args: Args) => connection(topics(), args),
    issues: (args: Args) => connection([], args, issueCount(repo, args)),
    pullRequests: (args: Args) => connection([], args, 0),
    stargazers: (args: Args) => connection([], args, repo.stars),
    forks: (args: Args) => connection([], args, repo.forks),
    watchers: (args: Args) => connection([], args, watchers(repo)),
  };
}

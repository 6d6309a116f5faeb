/**
 * REST bodies in the shapes of @octokit/openapi's `full-repository`, `release`, `simple-user`
 * and `rate-limit-overview` schemas (every required property present). `base` is the fake's
 * API URL, so `url` fields point back at it the way GitHub's point at api.github.com.
 */
import {
  diskUsageKb,
  licenseFacts,
  ownerId,
  releaseId,
  updatedAt,
  WEB,
  watchers,
} from "./entities.js";
import type { Budget, RateJson } from "./ratelimit.js";
import { fullName, nodeId } from "./store.js";
import type { FakeRepo } from "./types.js";

export function simpleUser(
  base: string,
  login: string,
  type: "User" | "Organization",
  avatarUrl?: string,
) {
  const api = `${base}/users/${login}`;
  const id = ownerId(login);
  return {
    login,
    id,
    node_id: nodeId(type, id),
    avatar_url: avatarUrl ?? `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: `${WEB}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** The hypermedia `*_url` templates every repository object carries. */
function repoUrls(api: string, full: string) {
  const t = (path: string) => `${api}/${path}`;
  return {
    forks_url: t("forks"),
    keys_url: t("keys{/key_id}"),
    collaborators_url: t("collaborators{/collaborator}"),
    teams_url: t("teams"),
    hooks_url: t("hooks"),
    issue_events_url: t("issues/events{/number}"),
    events_url: t("events"),
    assignees_url: t("assignees{/user}"),
    branches_url: t("branches{/branch}"),
    tags_url: t("tags"),
    blobs_url: t("git/blobs{/sha}"),
    git_tags_url: t("git/tags{/sha}"),
    git_refs_url: t("git/refs{/sha}"),
    trees_url: t("git/trees{/sha}"),
    statuses_url: t("statuses/{sha}"),
    languages_url: t("languages"),
    stargazers_url: t("stargazers"),
    contributors_url: t("contributors"),
    subscribers_url: t("subscribers"),
    subscription_url: t("subscription"),
    commits_url: t("commits{/sha}"),
    git_commits_url: t("git/commits{/sha}"),
    comments_url: t("comments{/number}"),
    issue_comment_url: t("issues/comments{/number}"),
    contents_url: t("contents/{+path}"),
    compare_url: t("compare/{base}...{head}"),
    merges_url: t("merges"),
    archive_url: t("{archive_format}{/ref}"),
    downloads_url: t("downloads"),
    issues_url: t("issues{/number}"),
    pulls_url: t("pulls{/number}"),
    milestones_url: t("milestones{/number}"),
    notifications_url: t("notifications{?since,all,participating}"),
    labels_url: t("labels{/name}"),
    releases_url: t("releases{/id}"),
    deployments_url: t("deployments"),
    git_url: `git://github.com/${full}.git`,
    ssh_url: `git@github.com:${full}.git`,
    clone_url: `${WEB}/${full}.git`,
    svn_url: `${WEB}/${full}`,
  };
}

function license(base: string, spdx: string | null) {
  if (spdx === null) return null;
  const l = licenseFacts(spdx);
  return {
    key: l.key,
    name: l.name,
    spdx_id: l.spdxId,
    url: l.apiPath && `${base}${l.apiPath}`,
    node_id: nodeId("License", ownerId(l.key)),
  };
}

/** GET /repos/{owner}/{repo}: the `full-repository` schema. */
export function fullRepository(base: string, repo: FakeRepo) {
  const full = fullName(repo);
  const api = `${base}/repos/${full}`;
  const owner = simpleUser(base, repo.owner, "Organization", repo.avatarUrl);
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: full,
    private: false,
    owner,
    html_url: `${WEB}/${full}`,
    description: repo.description,
    fork: false,
    url: api,
    ...repoUrls(api, full),
    mirror_url: null,
    homepage: repo.homepageUrl,
    size: diskUsageKb(repo),
    stargazers_count: repo.stars,
    watchers_count: repo.stars,
    language: repo.language,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: repo.forks,
    archived: repo.archived,
    disabled: false,
    open_issues_count: repo.openIssues,
    license: license(base, repo.license),
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [...repo.topics],
    visibility: "public",
    forks: repo.forks,
    open_issues: repo.openIssues,
    watchers: repo.stars,
    default_branch: "main",
    pushed_at: repo.pushedAt,
    created_at: repo.createdAt,
    updated_at: updatedAt(repo),
    temp_clone_token: null,
    organization: owner,
    network_count: repo.forks,
    subscribers_count: watchers(repo),
  };
}

/** GET /repos/{owner}/{repo}/releases/latest: the `release` schema (null when none). */
export function latestRelease(base: string, repo: FakeRepo) {
  const release = repo.latestRelease;
  if (!release) return null;
  const full = fullName(repo);
  const id = releaseId(repo);
  const api = `${base}/repos/${full}/releases/${id}`;
  return {
    url: api,
    assets_url: `${api}/assets`,
    upload_url: `https://uploads.github.com/repos/${full}/releases/${id}/assets{?name,label}`,
    html_url: release.url,
    id,
    author: simpleUser(base, "release-bot", "User"),
    node_id: nodeId("Release", id),
    tag_name: release.tagName,
    target_commitish: "main",
    name: release.tagName,
    draft: false,
    immutable: false,
    prerelease: false,
    created_at: release.publishedAt,
    updated_at: release.publishedAt,
    published_at: release.publishedAt,
    assets: [],
    tarball_url: `${base}/repos/${full}/tarball/${release.tagName}`,
    zipball_url: `${base}/repos/${full}/zipball/${release.tagName}`,
    body: `Release ${release.tagName}.`,
  };
}

/** GET /rate_limit: `rate-limit-overview`; the other resources are GitHub's static defaults. */
export function rateLimitOverview(core: Budget, graphql: Budget) {
  const reset = core.resetEpoch;
  const fixed = (limit: number): RateJson => ({ limit, used: 0, remaining: limit, reset });
  const coreJson = core.json();
  return {
    resources: {
      core: coreJson,
      graphql: graphql.json(),
      search: fixed(30),
      code_search: fixed(10),
      integration_manifest: fixed(5000),
      source_import: fixed(100),
      code_scanning_upload: fixed(1000),
      actions_runner_registration: fixed(10000),
      scim: fixed(15000),
      dependency_snapshots: fixed(100),
    },
    rate: coreJson,
  };
}

/**
 * Where GitHub is and how to authenticate, from the environment GitHub Actions
 * (and GitHub Enterprise Server runners) set:
 * https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables
 */

export interface GitHubConfig {
  /** From GITHUB_TOKEN or GH_TOKEN. Never printed: see redact(). */
  token?: string;
  /** REST base, e.g. https://api.github.com or https://HOST/api/v3. */
  apiUrl: string;
  /** GraphQL endpoint, e.g. https://api.github.com/graphql or https://HOST/api/graphql. */
  graphqlUrl: string;
}

export const DEFAULT_API_URL = "https://api.github.com";

/** Thrown for an API URL that is not http(s); the message names the variable to fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * GitHub Enterprise Server serves REST under /api/v3 and GraphQL at /api/graphql;
 * github.com serves both under api.github.com (GraphQL at /graphql).
 */
export function deriveGraphqlUrl(apiUrl: string): string {
  const base = apiUrl.replace(/\/+$/, "");
  return /\/api\/v3$/.test(base) ? base.replace(/\/api\/v3$/, "/api/graphql") : `${base}/graphql`;
}

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      `${name} is not a URL: ${JSON.stringify(value)}; unset it to use github.com`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(`${name} must be an http(s) URL, not ${JSON.stringify(value)}`);
  }
  if (url.username || url.password) {
    throw new ConfigError(`${name} must not contain a user name or password; use GITHUB_TOKEN`);
  }
  return value.replace(/\/+$/, "");
}

const nonEmpty = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

/** The configuration from GITHUB_TOKEN / GH_TOKEN, GITHUB_API_URL and GITHUB_GRAPHQL_URL. */
export function githubConfigFromEnv(env: Record<string, string | undefined>): GitHubConfig {
  const apiUrl = httpUrl("GITHUB_API_URL", nonEmpty(env.GITHUB_API_URL) ?? DEFAULT_API_URL);
  const explicit = nonEmpty(env.GITHUB_GRAPHQL_URL);
  const graphqlUrl = explicit ? httpUrl("GITHUB_GRAPHQL_URL", explicit) : deriveGraphqlUrl(apiUrl);
  const token = nonEmpty(env.GITHUB_TOKEN) ?? nonEmpty(env.GH_TOKEN);
  return token === undefined ? { apiUrl, graphqlUrl } : { token, apiUrl, graphqlUrl };
}

/**
 * Shorter values are not secrets worth hiding (GitHub's tokens have 40
 * characters or more); hiding them would garble ordinary text: with
 * GITHUB_TOKEN=x, the word `fixed` came out as `fi***ed`.
 */
export const MIN_SECRET_LENGTH = 16;

/**
 * Replaces every occurrence of the token in `text`: the last line of defence
 * before output (no message is built with the token in the first place).
 */
export function redact(text: string, token: string | undefined): string {
  if (token === undefined || token.length < MIN_SECRET_LENGTH) return text;
  return text.split(token).join("***");
}

/** Minimal fetch helpers for tests that talk to the fake directly (no octokit involved). */
import type { FakeGitHub } from "./types.js";

// biome-ignore lint/suspicious/noExplicitAny: response JSON under test
export type Json = Record<string, any>;

export interface FakeResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: Json;
}

async function parsed(res: Response): Promise<FakeResponse> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** POST a query to the fake's /graphql. */
export async function graphqlRequest(
  gh: FakeGitHub,
  query: string,
  options: { variables?: object; headers?: Record<string, string> } = {},
): Promise<FakeResponse> {
  const res = await fetch(gh.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return parsed(res);
}

/** GET (or `init.method`) a REST path, e.g. "/repos/o/r". */
export async function restRequest(
  gh: FakeGitHub,
  path: string,
  init: RequestInit = {},
): Promise<FakeResponse> {
  return parsed(await fetch(gh.url + path, init));
}

/** `alias: repository(owner: "o", name: "n") { fields }` for batched queries. */
export function repositoryAlias(alias: string, nameWithOwner: string, fields: string): string {
  const [owner, name] = nameWithOwner.split("/");
  return `${alias}: repository(owner: ${JSON.stringify(owner)}, name: ${JSON.stringify(name)}) { ${fields} }`;
}

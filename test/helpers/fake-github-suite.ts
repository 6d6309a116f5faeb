/**
 * Shared set-up of the fake GitHub's own test files: one server (demo repos plus
 * 200 synthetic ones) for the file, reset before each test, and small request helpers.
 */
import { after, before, beforeEach } from "node:test";
import { graphqlRequest, repositoryAlias, restRequest } from "../fake-github/client.js";
import {
  demoRepos,
  type FakeGitHub,
  type FakeGitHubOptions,
  startFakeGitHub,
  syntheticRepos,
} from "../fake-github/index.js";

export const TOKEN = "test-token-s3cr3t";
export const AUTH = { authorization: `bearer ${TOKEN}` };

export interface FakeSuite {
  /** Another server for one test (closed after the file). */
  fake(opts?: Partial<FakeGitHubOptions>): Promise<FakeGitHub>;
  gql(
    query: string,
    variables?: object,
    server?: FakeGitHub,
    headers?: Record<string, string>,
  ): ReturnType<typeof graphqlRequest>;
  rest(path: string, init?: RequestInit, server?: FakeGitHub): ReturnType<typeof restRequest>;
  repoField(alias: string, full: string, fields?: string): string;
}

/** Registers the file's hooks; `onStart` receives the shared server once it listens. */
export function fakeGitHubSuite(onStart: (gh: FakeGitHub) => void): FakeSuite {
  let gh: FakeGitHub | undefined;
  const extra: FakeGitHub[] = [];
  const current = (): FakeGitHub => {
    if (gh === undefined) throw new Error("the fake GitHub has not started yet");
    return gh;
  };
  before(async () => {
    gh = await startFakeGitHub({
      repos: [...demoRepos(), ...syntheticRepos(200, 7)],
      token: TOKEN,
    });
    onStart(gh);
  });
  after(async () => {
    await Promise.all([current(), ...extra].map((s) => s.close()));
  });
  beforeEach(() => {
    const s = current();
    s.resetStats();
    s.resetRateLimits();
    s.clearFaults();
  });
  return {
    async fake(opts = {}) {
      const server = await startFakeGitHub({ repos: demoRepos(), token: TOKEN, ...opts });
      extra.push(server);
      return server;
    },
    gql: (query, variables, server = current(), headers = AUTH) =>
      graphqlRequest(server, query, { ...(variables && { variables }), headers }),
    rest: (path, init = {}, server = current()) => restRequest(server, path, init),
    repoField: (alias, full, fields = "nameWithOwner stargazerCount") =>
      repositoryAlias(alias, full, fields),
  };
}

/**
 * The hooks of the end-to-end refresh tests (refresh, refresh-budget,
 * refresh-contract, refresh-degrade): one
 * fake GitHub (the demo repositories) for the file and, before each test, a
 * fresh copy of the refresh fixture and the fake reset to its demo state.
 */
import { join } from "node:path";
import { after, afterEach, before, beforeEach } from "node:test";
import type { Directory } from "../../src/core/model.js";
import { demoRepos, type FakeGitHub, startFakeGitHub } from "../fake-github/index.js";
import { type CliRun, readJson, refreshIn, resetFake, TOKEN, tempData } from "./refresh-cli.js";

export type TempData = Awaited<ReturnType<typeof tempData>>;

export interface RefreshSuite {
  /** `cooltech refresh --data data ARGS` in the test's temp folder, checked for token leaks. */
  refresh(args?: string[], env?: Record<string, string | undefined>): Promise<CliRun>;
  /** The test's directory.json. */
  directory(): Promise<Directory>;
}

/** Registers the hooks; before each test, `use` receives the server and the test's temp folder. */
export function refreshSuite(use: (now: { gh: FakeGitHub; tmp: TempData }) => void): RefreshSuite {
  let gh: FakeGitHub;
  let tmp: TempData;
  before(async () => {
    gh = await startFakeGitHub({ repos: demoRepos(), token: TOKEN });
  });
  after(() => gh.close());
  beforeEach(async () => {
    tmp = await tempData();
    resetFake(gh);
    use({ gh, tmp });
  });
  afterEach(() => tmp.cleanup());
  return {
    refresh: (args = [], env = {}) => refreshIn(gh, tmp.dir, args, env),
    directory: () => readJson<Directory>(join(tmp.data, "directory.json")),
  };
}

/** Runs `cooltech check-links` for the link checker's CLI tests: in process (an Io that records), over http, or the real binary. */
import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Agent } from "undici";
import { checkLinksCommandWith } from "../../src/cli/commands/check-links.js";
import type { Io } from "../../src/cli/io.js";
import { fixtureDataDir, startLinkServer } from "./links-server.js";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export function fakeIo(cwd: string, env: Record<string, string> = {}, isTTY = false) {
  const out = { stdout: "", stderr: "" };
  const io: Io = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s), isTTY },
    env: { NO_COLOR: "1", ...env },
    cwd,
  };
  return { io, out };
}

/** Runs the real binary (asynchronously: the test server lives in this process). */
export function runBinary(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot, "bin/cooltech.js"), ...args],
      { cwd, env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The command in process, over http (test-only option), with a fast retry. */
export async function runHttp(args: string[], env: Record<string, string> = {}) {
  const server = await startLinkServer();
  const root = await fixtureDataDir(server.origin);
  const agent = new Agent();
  const { io, out } = fakeIo(root, { GITHUB_SERVER_URL: `${server.origin}/gh`, ...env });
  try {
    const command = checkLinksCommandWith({ allowHttp: true, dispatcher: agent, retryDelayMs: 0 });
    const values = {
      data: "data",
      timeout: "10000",
      "per-host": "16",
      ...Object.fromEntries(pairs(args)),
    };
    const code = await command.run({ values, positionals: [] }, io);
    return { code, ...out, origin: server.origin };
  } finally {
    await agent.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}

function pairs(args: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < args.length; i += 2) out.push([args[i]?.slice(2) ?? "", args[i + 1] ?? ""]);
  return out;
}

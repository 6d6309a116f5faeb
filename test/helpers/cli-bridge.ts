/**
 * `npx cooltech …` for workflow scripts that tests run for real with bash, run
 * in the test's own process: a stand-in `npx` hands the command line, its
 * environment and working directory to this process, which runs it through
 * `runMain` (the entry bin/cooltech.js runs) and answers with its stdout,
 * stderr and exit code. The scripts see what they would see from the real
 * binary (separate stdout and stderr, the exit code), without a Node start-up
 * and a fresh load of the whole CLI per command. The binary itself is covered
 * by the tests that spawn it (cli-binary, package, contributor-flow).
 */
import { chmod, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { runCli } from "./refresh-cli.js";

export interface CliBridge {
  close(): Promise<void>;
}

interface Request {
  args: string[];
  env: Record<string, string>;
  cwd: string;
}

/** The client `npx` runs: plain CommonJS, only node:http, so it starts as fast as Node can. */
const client = (port: number) => `"use strict";
const http = require("node:http");
const body = JSON.stringify({ args: process.argv.slice(2), env: process.env, cwd: process.cwd() });
const req = http.request(
  { host: "127.0.0.1", port: ${port}, method: "POST", path: "/", agent: false },
  (res) => {
    let text = "";
    res.setEncoding("utf8");
    res.on("data", (c) => (text += c));
    res.on("end", () => {
      const r = JSON.parse(text);
      process.stdout.write(r.stdout);
      process.stderr.write(r.stderr);
      process.exitCode = r.code;
    });
  },
);
req.on("error", (e) => {
  process.stderr.write("cli bridge: " + e.message + "\\n");
  process.exitCode = 96;
});
req.end(body);
`;

/**
 * Writes `npx` (and its client) into `bin`, for a PATH: `npx cooltech ARGS`
 * runs `cooltech ARGS` here; any other npx use fails with exit 97.
 */
export async function startCliBridge(bin: string): Promise<CliBridge> {
  const server = createServer((req, res) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (text += c));
    req.on("end", async () => {
      const { args, env, cwd } = JSON.parse(text) as Request;
      const { code, stdout, stderr } = await runCli(args, env, cwd);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ code, stdout, stderr }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const clientFile = join(bin, "cli-bridge-client.cjs");
  await writeFile(clientFile, client(port));
  await writeFile(
    join(bin, "npx"),
    `#!/bin/sh\n[ "$1" = cooltech ] || { echo "unexpected: npx $*" >&2; exit 97; }\nshift\nexec "${process.execPath}" "${clientFile}" "$@"\n`,
  );
  await chmod(join(bin, "npx"), 0o755);
  return {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

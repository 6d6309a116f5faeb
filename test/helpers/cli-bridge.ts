/**
 * `npx cooltech …` for workflow scripts that tests run for real with bash, run
 * in the test's own process: a stand-in `npx` (a bash script) hands the command
 * line, its environment and working directory to this process over a local
 * socket, which runs it through `runMain` (the entry bin/cooltech.js runs) and
 * answers with its stdout, stderr and exit code. The scripts see what they
 * would see from the real binary (separate stdout and stderr, the exit code),
 * without a Node start-up (neither the CLI's nor a client's) per command. The
 * binary itself is covered by the tests that spawn it (cli-binary, package,
 * contributor-flow).
 */
import { chmod, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createServer, type Socket } from "node:net";
import { join } from "node:path";
import { runCli } from "./refresh-cli.js";

export interface CliBridge {
  close(): Promise<void>;
}

/**
 * The stand-in `npx`. It sends NUL-terminated fields: the working directory, the
 * number of arguments, the arguments, then `env -0` and an empty field; the answer is
 * three lines (exit code, stdout's and stderr's length in bytes) and then both texts.
 */
const npx = (port: number) => `#!/usr/bin/env bash
[ "$1" = cooltech ] || { echo "unexpected: npx $*" >&2; exit 97; }
shift
exec 3<>"/dev/tcp/127.0.0.1/${port}" || { echo "cli bridge: cannot connect" >&2; exit 96; }
{ printf '%s\\0' "$(pwd -P)" "$#" "$@"; env -0; printf '\\0'; } >&3
LC_ALL=C
IFS= read -r code <&3 && IFS= read -r outLen <&3 && IFS= read -r errLen <&3 ||
  { echo "cli bridge: no answer" >&2; exit 96; }
out= err=
[ "$outLen" -eq 0 ] || IFS= read -r -N "$outLen" out <&3
[ "$errLen" -eq 0 ] || IFS= read -r -N "$errLen" err <&3
printf '%s' "$out"
printf '%s' "$err" >&2
exit "$code"
`;

interface Request {
  args: string[];
  env: Record<string, string>;
  cwd: string;
}

/** The request once all of it has arrived (the client cannot half-close its socket). */
function parseRequest(data: Buffer): Request | undefined {
  const fields = data.toString("utf8").split("\0");
  const [cwd, count] = fields;
  if (cwd === undefined || count === undefined || fields.length < 3) return undefined;
  const argc = Number(count);
  const rest = fields.slice(2 + argc);
  const end = rest.indexOf("");
  // The last field is what follows the final NUL (empty): the terminator is an empty field before it.
  if (end < 0 || end === rest.length - 1) return undefined;
  const env: Record<string, string> = {};
  for (const entry of rest.slice(0, end)) {
    const eq = entry.indexOf("=");
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return { args: fields.slice(2, 2 + argc), env, cwd };
}

async function answer(socket: Socket, { args, env, cwd }: Request): Promise<void> {
  const { code, stdout, stderr } = await runCli(args, env, cwd);
  const head = `${code ?? 1}\n${Buffer.byteLength(stdout)}\n${Buffer.byteLength(stderr)}\n`;
  socket.end(head + stdout + stderr);
}

/**
 * Writes `npx` into `bin`, for a PATH: `npx cooltech ARGS` runs `cooltech ARGS`
 * here; any other npx use fails with exit 97.
 */
export async function startCliBridge(bin: string): Promise<CliBridge> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    let data = Buffer.alloc(0);
    let started = false;
    socket.on("data", (chunk: Buffer) => {
      if (started) return;
      data = Buffer.concat([data, chunk]);
      const request = parseRequest(data);
      if (!request) return;
      started = true;
      void answer(socket, request);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await writeFile(join(bin, "npx"), npx(port));
  await chmod(join(bin, "npx"), 0o755);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A local site for the link checker's tests: one route per behaviour the
 * checker must tell apart. It records every request and the highest number of
 * requests it had in flight at once, so tests can check the limits.
 */
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttps } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SeenRequest {
  method: string;
  path: string;
  range: string | undefined;
}

/** A counter of requests in flight, shareable between servers to measure the global limit. */
export interface Gauge {
  inFlight: number;
  max: number;
}

export interface LinkServer {
  origin: string;
  requests: SeenRequest[];
  /** Most requests in flight at once. */
  maxInFlight: number;
  /** How many requests reached `path` (any method). */
  count(path: string): number;
  close(): Promise<void>;
}

const TLS_DIR = new URL("../../../test/fixtures/links/tls/", import.meta.url);

/** The self-signed certificate of 127.0.0.1 used by the https server (test only). */
export function testCa(): string {
  return readFileSync(new URL("cert.pem", TLS_DIR), "utf8");
}

export function testCaPath(): string {
  return new URL("cert.pem", TLS_DIR).pathname;
}

/**
 * Starts the site on 127.0.0.1, port 0. `slowMs`: how long /slow takes (default: it never
 * answers, so only the client's timeout ends the request, however loaded the machine);
 * `busyMs`: how long /busy takes.
 */
export async function startLinkServer(
  options: { tls?: boolean; slowMs?: number; busyMs?: number; gauge?: Gauge } = {},
): Promise<LinkServer> {
  const slowMs = options.slowMs ?? Number.POSITIVE_INFINITY;
  const busyMs = options.busyMs ?? 40;
  const requests: SeenRequest[] = [];
  const state = { inFlight: 0, max: 0 };
  const gauge = options.gauge ?? { inFlight: 0, max: 0 };
  const flakySeen = new Set<string>();

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    const range = req.headers.range;
    requests.push({ method: req.method ?? "", path, range });
    state.inFlight++;
    state.max = Math.max(state.max, state.inFlight);
    gauge.inFlight++;
    gauge.max = Math.max(gauge.max, gauge.inFlight);
    let counted = true;
    const release = () => {
      if (counted) {
        state.inFlight--;
        gauge.inFlight--;
      }
      counted = false;
    };
    res.on("close", release);
    res.on("finish", release);
    const send = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "text/plain", ...headers });
      res.end(req.method === "HEAD" ? undefined : "hello");
    };
    const redirect = (status: number, to: string) => send(status, { location: to });
    switch (path) {
      case "/ok":
        return send(200);
      case "/dead":
        return send(404);
      case "/gone":
        return send(410);
      case "/moved":
        return redirect(301, "/ok");
      case "/moved-308":
        return redirect(308, "/ok");
      case "/temp":
        return redirect(302, "/ok");
      case "/away":
        return redirect(302, url.searchParams.get("to") ?? "/ok");
      case "/chain":
        return redirect(301, "/temp"); // permanent, then temporary: suggest /temp
      case "/moved-dead":
        return redirect(301, "/dead");
      case "/loop":
        return redirect(301, "/loop2");
      case "/loop2":
        return redirect(301, "/loop");
      case "/no-head":
        if (req.method === "HEAD") return send(405);
        return range === "bytes=0-0" ? send(206, { "content-range": "bytes 0-0/5" }) : send(200);
      case "/forbidden":
        return send(403);
      case "/head-forbidden":
        return send(req.method === "HEAD" ? 403 : 200);
      case "/error":
        return send(500);
      case "/busy": {
        const t = setTimeout(() => send(200), busyMs);
        res.on("close", () => clearTimeout(t));
        return;
      }
      case "/slow": {
        if (!Number.isFinite(slowMs)) return; // held until the client gives up or the server closes
        const t = setTimeout(() => send(200), slowMs);
        res.on("close", () => clearTimeout(t));
        return;
      }
      case "/flaky": {
        // First request: drop the connection without an answer (the client sees a reset).
        if (!flakySeen.has(path)) {
          flakySeen.add(path);
          release();
          req.socket.destroy();
          return;
        }
        return send(200);
      }
      default:
        if (path.startsWith("/gh/")) return github(path, send, redirect);
        return send(404);
    }
  };

  const server = options.tls
    ? createHttps(
        {
          key: readFileSync(new URL("key.pem", TLS_DIR)),
          cert: readFileSync(new URL("cert.pem", TLS_DIR)),
        },
        handler,
      )
    : createHttp(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return state.max;
    },
    count: (p) => requests.filter((r) => r.path === p).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A tiny github.com: /gh/old/name was renamed to /gh/new/name; /gh/deleted/repo is gone. */
function github(
  path: string,
  send: (status: number) => void,
  redirect: (status: number, to: string) => void,
): void {
  if (path === "/gh/old/name") redirect(301, "/gh/new/name");
  else if (path === "/gh/deleted/repo") send(404);
  else send(200);
}

/**
 * A copy of test/fixtures/links/data in a fresh temporary folder, with
 * `{{origin}}` replaced. Returns the folder that holds `data/` (use it as cwd).
 */
export async function fixtureDataDir(origin: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "cooltech-links-"));
  const from = new URL("../../../test/fixtures/links/data/", import.meta.url);
  await mkdir(join(root, "data"));
  for (const name of ["projects.yaml", "categories.yaml", "link-check.yaml"]) {
    const text = await readFile(new URL(name, from), "utf8");
    await writeFile(join(root, "data", name), text.replaceAll("{{origin}}", origin));
  }
  return root;
}

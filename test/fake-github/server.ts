/** The HTTP server: auth, latency, faults, routing, recording. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { Faults, faultReply } from "./faults.js";
import { mentionsRepo, prepareGraphql, runGraphql } from "./graphql.js";
import {
  Budget,
  GRAPHQL_POINTS_LIMIT,
  REST_AUTHENTICATED_LIMIT,
  REST_UNAUTHENTICATED_LIMIT,
} from "./ratelimit.js";
import {
  badCredentials,
  graphqlRequiresAuth,
  notFound,
  type Reply,
  requestId,
} from "./responses.js";
import { runRest } from "./rest.js";
import { githubSchema } from "./schema.js";
import { reposMap } from "./store.js";
import type { FakeGitHub, FakeGitHubOptions, FakeStats, LogEntry } from "./types.js";

type Auth = "none" | "valid" | "invalid";

/** `authorization: bearer <t>` or `token <t>`; without a configured token any value is valid. */
function authOf(header: string | undefined, token: string | undefined): Auth {
  if (!header) return "none";
  if (token === undefined) return "valid";
  const m = header.match(/^(?:bearer|token)\s+(\S+)\s*$/i);
  return m?.[1] === token ? "valid" : "invalid";
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const emptyStats = (): FakeStats => ({
  requests: 0,
  graphqlRequests: 0,
  restRequests: 0,
  pointsUsed: 0,
  restUsed: 0,
  maxConcurrency: 0,
  log: [],
});

/** Writes a reply; with `reset`, only the headers and half the body, then kills the socket. */
function send(res: ServerResponse, reply: Reply, reset: boolean): void {
  const body = reply.body === undefined ? undefined : Buffer.from(reply.body);
  const headers = { ...reply.headers, ...(body && { "content-length": String(body.length) }) };
  res.writeHead(reply.status, headers);
  if (!reset) {
    res.end(body);
    return;
  }
  const part = body ? body.subarray(0, Math.max(1, body.length >> 1)) : Buffer.alloc(0);
  res.write(part, () => res.destroy());
}

export async function startFakeGitHub(opts: FakeGitHubOptions): Promise<FakeGitHub> {
  githubSchema(); // build it before listening, so no request pays for it
  const repos = reposMap(opts.repos);
  const graphql = new Budget("graphql", opts.graphqlPoints ?? GRAPHQL_POINTS_LIMIT);
  const core = new Budget("core", opts.restLimit ?? REST_AUTHENTICATED_LIMIT);
  const anonymous = new Budget("core", opts.restLimit ?? REST_UNAUTHENTICATED_LIMIT);
  const stats = emptyStats();
  const faults = new Faults();
  const closing = new AbortController();
  const sleep = (ms: number) =>
    ms > 0 ? delay(ms, undefined, { signal: closing.signal }) : Promise.resolve();
  /** Never record the token, wherever a client might have put it. */
  const redact = (s: string): string => {
    const out = s.replace(/([?&]access_token=)[^&]*/gi, "$1[REDACTED]");
    return opts.token ? out.split(opts.token).join("[REDACTED]") : out;
  };
  let base = "";
  let inFlight = 0;
  const closed = new Promise<void>((resolve) =>
    closing.signal.addEventListener("abort", () => resolve()),
  );
  /** `together` faults: requests at a gate wait until `count` have arrived (or the server closes). */
  const gates = new Map<string, { arrived: number; open: () => void; opened: Promise<void> }>();
  const together = (gate: string, count: number): Promise<void> => {
    let g = gates.get(gate);
    if (g === undefined) {
      let open = () => {};
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      g = { arrived: 0, open, opened };
      gates.set(gate, g);
    }
    g.arrived++;
    if (g.arrived >= count) g.open();
    return Promise.race([g.opened, closed]);
  };
  const waiting: Array<{ api: "graphql" | "rest" | undefined; resolve: (e: LogEntry) => void }> =
    [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    inFlight++;
    stats.maxConcurrency = Math.max(stats.maxConcurrency, inFlight);
    res.on("close", () => inFlight--);
    const url = new URL(req.url ?? "/", base);
    const method = req.method ?? "GET";
    const api = url.pathname === "/graphql" ? "graphql" : "rest";
    stats.requests++;
    if (api === "graphql") stats.graphqlRequests++;
    else stats.restRequests++;
    const auth = authOf(req.headers.authorization, opts.token);
    const entry: LogEntry = {
      method,
      path: redact(url.pathname + url.search),
      status: 0,
      authorization: req.headers.authorization !== undefined,
    };
    stats.log.push(entry);
    for (const w of waiting.filter((w) => w.api === undefined || w.api === api)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(entry);
    }
    const id = requestId();

    const body = await readBody(req);
    const gql = api === "graphql" && method === "POST" ? prepareGraphql(body) : undefined;
    if (gql?.query !== undefined) entry.query = redact(gql.query);
    await sleep(opts.latencyMs ?? 0);

    const authenticated = auth === "valid";
    const budget = api === "graphql" ? graphql : authenticated ? core : anonymous;
    const fault = faults.take({
      api,
      path: url.pathname,
      mentions: (repo) => (gql ? mentionsRepo(gql, repo) : false),
    });
    if (fault) entry.fault = fault.kind;
    let reply = fault && faultReply(fault, api, budget, authenticated, id);
    let resolved = 0;
    if (!reply) {
      if (fault?.kind === "slow") await sleep(fault.ms);
      if (fault?.kind === "together") await together(fault.gate, fault.count);
      if (api === "graphql") {
        if (!gql)
          reply = notFound(); // GitHub serves GraphQL over POST only
        else if (opts.token !== undefined && auth !== "valid") {
          reply = auth === "none" ? graphqlRequiresAuth() : badCredentials();
        } else {
          const out = await runGraphql(gql, {
            repos,
            budget: graphql,
            strictCost: opts.strictCost === true,
          });
          // This request's own charge: `graphql.used` also moves with requests running meanwhile.
          stats.pointsUsed += out.charged ?? 0;
          ({ reply, resolved } = out);
        }
      } else if (auth === "invalid") {
        reply = badCredentials();
      } else {
        const out = runRest(
          { base, repos, core: budget, graphql, authenticated },
          method,
          url.pathname,
          { ifNoneMatch: req.headers["if-none-match"] },
        );
        if (out.charged) stats.restUsed++;
        ({ reply, resolved } = out);
      }
    }
    await sleep((opts.perRepoLatencyMs ?? 0) * resolved);
    entry.status = reply.status;
    reply.headers["x-github-request-id"] = id;
    send(res, reply, fault?.kind === "reset");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (closing.signal.aborted || res.headersSent) {
        res.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      send(res, { status: 500, headers: {}, body: `fake-github: ${message}` }, false);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    graphqlUrl: `${base}/graphql`,
    stats,
    repos,
    resetStats() {
      Object.assign(stats, { ...emptyStats(), log: stats.log });
      stats.log.length = 0;
      stats.maxConcurrency = inFlight;
    },
    resetRateLimits() {
      for (const b of [graphql, core, anonymous]) b.reset();
    },
    addFault: (f) => faults.add(f),
    clearFaults: () => {
      faults.clear();
      gates.clear();
    },
    nextRequest: (api) => new Promise((resolve) => waiting.push({ api, resolve })),
    close() {
      closing.abort();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

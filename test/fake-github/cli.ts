/**
 * `npm run fake-github [-- --port N] [--latency MS] [--strict-cost]`: the fake GitHub with the demo fixture,
 * so `cooltech refresh` can be tried locally without a real token. Runs until Ctrl-C.
 */
import { parseArgs } from "node:util";
import { DEMO_TOKEN, demoRepos } from "./demo.js";
import { startFakeGitHub } from "./server.js";

const DEFAULT_PORT = 3999;
const USAGE = `Usage: npm run fake-github [-- --port N] [--latency MS] [--strict-cost]

Starts a local fake of api.github.com (GraphQL + REST) serving the demo catalog's repositories.
  --port N       port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --latency MS   delay added to every request (default 0)
  --strict-cost  also charge GraphQL connections that ask only totalCount (GitHub's documented
                 cost formula is silent on them; by default they cost nothing)
`;

function integer(value: string | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a non-negative integer`);
  return n;
}

async function main(): Promise<number> {
  let port: number;
  let latencyMs: number;
  let strictCost: boolean;
  try {
    const { values } = parseArgs({
      options: {
        port: { type: "string" },
        latency: { type: "string" },
        "strict-cost": { type: "boolean" },
        help: { type: "boolean" },
      },
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    port = integer(values.port, DEFAULT_PORT, "--port");
    latencyMs = integer(values.latency, 0, "--latency");
    strictCost = values["strict-cost"] === true;
  } catch (error) {
    process.stderr.write(`fake-github: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const repos = demoRepos();
  const gh = await startFakeGitHub({ repos, token: DEMO_TOKEN, port, latencyMs, strictCost });
  process.stdout.write(`Fake GitHub listening on ${gh.url} (${repos.length} demo repositories).

Try cooltech against it from another shell in this repository:

  export GITHUB_API_URL=${gh.url}
  export GITHUB_GRAPHQL_URL=${gh.graphqlUrl}
  export GITHUB_TOKEN=${DEMO_TOKEN}
  cooltech refresh

Unset GITHUB_TOKEN to try the REST path (60 requests/hour, like unauthenticated GitHub).
Served as on GitHub: weaveworks/kured redirects (renamed) to kubereboot/kured; smi-spec is archived.
Press Ctrl-C to stop.
`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await gh.close();
  const s = gh.stats;
  process.stdout.write(
    `\nServed ${s.requests} requests (${s.graphqlRequests} GraphQL, ${s.restRequests} REST), ${s.pointsUsed} GraphQL points, ${s.restUsed} REST calls charged.\n`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `fake-github: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);

/**
 * check-links against hosts that would hold it forever: a tarpit (accepts,
 * never answers) and a host answering 429 with a Retry-After to every URL.
 * Through the real binary: the deadlines (per URL, per host, --max-time)
 * end the check, and what was not reached is reported `unchecked-link`
 * (never dead). Timings are not asserted (the machine may be loaded). Also:
 * an https -> http permanent redirect is never suggested.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { testCaPath } from "./helpers/links-server.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TLS = new URL("../../test/fixtures/links/tls/", import.meta.url);

interface Host {
  origin: string;
  hits: number;
  server: Server;
}

async function host(handler: (path: string, res: import("node:http").ServerResponse) => void) {
  const h = { hits: 0 } as Host;
  h.server = createServer(
    { key: readFileSync(new URL("key.pem", TLS)), cert: readFileSync(new URL("cert.pem", TLS)) },
    (req, res) => {
      h.hits++;
      handler(req.url ?? "/", res);
    },
  );
  await new Promise<void>((r) => h.server.listen(0, "127.0.0.1", r));
  h.origin = `https://127.0.0.1:${(h.server.address() as AddressInfo).port}`;
  return h;
}

let tarpit: Host;
let busy: Host;
let fine: Host;
let dir: string;

before(async () => {
  // Accepts the request, never answers (the socket stays open until the client gives up).
  tarpit = await host(() => {});
  busy = await host((_p, res) => {
    res.writeHead(429, { "retry-after": "5", "content-type": "text/plain" });
    res.end("slow down");
  });
  fine = await host((path, res) => {
    if (path === "/downgrade") {
      res.writeHead(301, { location: `http://${fine.origin.slice("https://".length)}/ok` });
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  });
  dir = await mkdtemp(join(tmpdir(), "cooltech-deadlines-"));
});
after(async () => {
  for (const h of [tarpit, busy, fine]) {
    h.server.closeAllConnections();
    h.server.close();
  }
  await rm(dir, { recursive: true, force: true });
});

function entries(urls: string[]): string {
  return urls
    .map((u, i) => `- name: P${String(i).padStart(3, "0")}\n  homepage: ${u}\n  category: tools\n`)
    .join("");
}

async function checkLinks(urls: string[], args: string[]) {
  const data = await mkdtemp(join(dir, "data-"));
  await writeFile(join(data, "projects.yaml"), entries(urls));
  const started = Date.now();
  const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, "bin/cooltech.js"), "check-links", "--data", data, "--format", "json", ...args],
      { env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", NODE_EXTRA_CA_CERTS: testCaPath() } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
  const ms = Date.now() - started;
  process.stderr.write(`# check-links ${args.join(" ")}: ${urls.length} URLs in ${ms} ms\n`);
  const report = JSON.parse(run.stdout || "{}") as {
    diagnostics?: Array<{ rule: string; message: string }>;
  };
  const rows = report.diagnostics ?? [];
  return { ...run, rows };
}

test("a tarpit: the per-URL deadline reports it unchecked, never dead", async () => {
  const tarpitUrl = `${tarpit.origin}/a`;
  const r = await checkLinks(
    [tarpitUrl, `${fine.origin}/ok`],
    ["--timeout", "600000", "--url-deadline", "1"],
  );
  assert.equal(r.code, 0, r.stderr);
  const row = r.rows.find((d) => d.message.includes(tarpitUrl));
  assert.equal(row?.rule, "unchecked-link", r.stdout);
  assert.match(
    row?.message ?? "",
    /was not checked: not finished within the per-URL deadline \(1 s\)/,
  );
  // The healthy host is checked (ok) unless the machine is too loaded to answer within 1 s.
  assert.ok(
    r.rows.every((d) => d.rule === "unchecked-link"),
    r.stdout,
  );
  assert.match(
    r.stderr,
    /2 links \(2 URLs\): 0 dead, 0 moved, 0 unverified, 0 skipped, [12] unchecked/,
  );
});

test("40 URLs on a host answering 429: the host budget ends them, the rest unchecked", async () => {
  const urls = Array.from({ length: 40 }, (_, i) => `${busy.origin}/p/${i}`);
  busy.hits = 0;
  const r = await checkLinks(urls, ["--host-budget", "2", "--per-host", "2"]);
  assert.equal(r.code, 0, r.stderr);
  const unchecked = r.rows.filter((d) => d.rule === "unchecked-link");
  assert.ok(unchecked.length > 0, r.stdout);
  assert.ok(
    unchecked.every((d) =>
      /not (reached within the budget of its host 127\.0\.0\.1:\d+ \(2 s\)|finished within the per-URL deadline)/.test(
        d.message,
      ),
    ),
    r.stdout,
  );
  assert.ok(r.rows.every((d) => d.rule !== "dead-link"));
  assert.ok(busy.hits < 40 * 3, `${busy.hits} requests: the budget stopped new ones`);
});

test("--max-time stops the whole check: every URL not finished is unchecked", async () => {
  const urls = [`${tarpit.origin}/x`, `${tarpit.origin}/y`, `${fine.origin}/ok`];
  const r = await checkLinks(urls, ["--timeout", "600000", "--max-time", "1"]);
  assert.equal(r.code, 0, r.stderr);
  const unchecked = r.rows.filter((d) => d.rule === "unchecked-link");
  assert.equal(unchecked.length, r.rows.length, r.stdout);
  for (const u of urls.slice(0, 2)) {
    const row = unchecked.find((d) => d.message.includes(u));
    assert.match(row?.message ?? "", /not reached within --max-time \(1 s\)/, u);
  }
  for (const d of unchecked) assert.match(d.message, /not reached within --max-time \(1 s\)/);
});

test("a permanent redirect from https to http is never suggested as the new URL", async () => {
  const r = await checkLinks([`${fine.origin}/downgrade`], []);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    r.rows.map((d) => d.rule),
    ["unverified-link"],
  );
  assert.match(r.rows[0]?.message ?? "", /redirects to a non-https URL http:/);
  assert.doesNotMatch(r.stdout, /moved-link|update it/);
});

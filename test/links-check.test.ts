import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Agent } from "undici";
import { type CheckOptions, checkLinks, type LinkResult } from "../src/links/index.js";
import { type LinkServer, startLinkServer, testCa } from "./helpers/links-server.js";

let server: LinkServer;
let agent: Agent;

before(async () => {
  server = await startLinkServer();
  agent = new Agent({ keepAliveTimeout: 1_000 });
});
after(async () => {
  await agent.close();
  await server.close();
});

// Generous for a loaded 2-core machine (only /slow is meant to time out, and it never answers);
// the /slow test shortens it.
const fast: CheckOptions = { allowHttp: true, timeoutMs: 5_000, retryDelayMs: 0 };

async function check(path: string, options: CheckOptions = {}): Promise<LinkResult> {
  const url = `${server.origin}${path}`;
  const results = await checkLinks([url], { ...fast, dispatcher: agent, ...options });
  const r = results.get(url);
  assert.ok(r, `no result for ${url}`);
  return r;
}

/** The parts of a result a test cares about, with the origin shortened to `~`. */
function brief(r: LinkResult) {
  const short = (s: string) => s.replaceAll(server.origin, "~");
  return {
    status: r.status,
    detail: short(r.detail),
    hops: r.hops.map((h) => `${h.status} ${short(h.url)}`),
    movedTo: r.movedTo === undefined ? undefined : short(r.movedTo),
    finalUrl: short(r.finalUrl),
  };
}

test("200 is ok, after a single HEAD", async () => {
  const before = server.count("/ok");
  assert.deepEqual(brief(await check("/ok")), {
    status: "ok",
    detail: "",
    hops: [],
    movedTo: undefined,
    finalUrl: "~/ok",
  });
  assert.equal(server.count("/ok") - before, 1);
});

test("404 and 410 are dead, confirmed by a GET", async () => {
  assert.deepEqual(
    [brief(await check("/dead")).detail, (await check("/dead")).status],
    ["404 Not Found", "dead"],
  );
  assert.deepEqual(brief(await check("/gone")), {
    status: "dead",
    detail: "410 Gone",
    hops: [],
    movedTo: undefined,
    finalUrl: "~/gone",
  });
  const seen = server.requests.filter((r) => r.path === "/gone").map((r) => r.method);
  assert.deepEqual(seen, ["HEAD", "GET"]);
});

test("301 and 308 are permanent moves: ok, with the new URL to write", async () => {
  assert.deepEqual(brief(await check("/moved")), {
    status: "ok",
    detail: "",
    hops: ["301 ~/moved"],
    movedTo: "~/ok",
    finalUrl: "~/ok",
  });
  assert.equal((await check("/moved-308")).movedTo, `${server.origin}/ok`);
});

test("302 is temporary: ok, no suggested update", async () => {
  assert.deepEqual(brief(await check("/temp")), {
    status: "ok",
    detail: "",
    hops: ["302 ~/temp"],
    movedTo: undefined,
    finalUrl: "~/ok",
  });
});

test("a permanent then temporary chain suggests the end of the permanent part", async () => {
  const r = brief(await check("/chain"));
  assert.deepEqual([r.status, r.movedTo, r.hops], ["ok", "~/temp", ["301 ~/chain", "302 ~/temp"]]);
});

test("a permanent redirect to a dead page is dead, and says where it led", async () => {
  assert.deepEqual(brief(await check("/moved-dead")), {
    status: "dead",
    detail: "it redirects to ~/dead, which answers: 404 Not Found",
    hops: ["301 ~/moved-dead"],
    movedTo: "~/dead",
    finalUrl: "~/dead",
  });
});

test("a redirect loop is unverified, not dead", async () => {
  const r = brief(await check("/loop"));
  assert.equal(r.status, "unverified");
  assert.equal(r.detail, "it redirects in a loop");
  assert.deepEqual(r.hops, ["301 ~/loop", "301 ~/loop2"]);
  assert.equal(r.movedTo, undefined, "a loop suggests no new URL");
});

test("too many redirects are unverified", async () => {
  const r = await check("/chain", { maxRedirects: 1 });
  assert.deepEqual(
    [r.status, r.detail, r.movedTo],
    ["unverified", "it redirects more than 1 times", undefined],
  );
});

test("HEAD refused with 405: GET with Range bytes=0-0, 206 is ok", async () => {
  assert.equal((await check("/no-head")).status, "ok");
  const seen = server.requests.filter((r) => r.path === "/no-head");
  assert.deepEqual(
    seen.map((r) => [r.method, r.range]),
    [
      ["HEAD", undefined],
      ["GET", "bytes=0-0"],
    ],
  );
});

test("403 to HEAD only is ok once GET answers", async () => {
  assert.equal((await check("/head-forbidden")).status, "ok");
});

test("403 to HEAD and GET: unverified and flagged as refusing bots", async () => {
  const r = await check("/forbidden");
  assert.deepEqual(
    [r.status, r.detail, r.refused],
    ["unverified", "403 Forbidden to both HEAD and GET", true],
  );
});

test("500 after a retry is unverified, never dead", async () => {
  const before = server.count("/error");
  const r = await check("/error");
  assert.deepEqual([r.status, r.detail], ["unverified", "500 Internal Server Error (tried twice)"]);
  assert.equal(server.count("/error") - before, 3, "HEAD, GET, GET again");
});

test("a slow site times out twice and is dead", async () => {
  const r = await check("/slow", { timeoutMs: 250 });
  assert.deepEqual(
    [r.status, r.detail, r.network],
    ["dead", "no answer within 250 ms (tried twice)", true],
  );
  assert.equal(server.count("/slow"), 2);
});

test("a connection reset is retried once, and the retry succeeds", async () => {
  const r = await check("/flaky");
  assert.deepEqual([r.status, r.detail], ["ok", ""]);
  assert.equal(server.count("/flaky"), 2);
});

test("connection refused is dead", async () => {
  const origin = "http://127.0.0.1:1"; // a privileged port nothing listens on
  const results = await checkLinks([`${origin}/ok`], { ...fast, dispatcher: agent });
  const r = results.get(`${origin}/ok`);
  assert.deepEqual(
    [r?.status, r?.detail],
    ["dead", "connection refused (ECONNREFUSED) (tried twice)"],
  );
});

test("http:// URLs are refused unless allowed (real data is https-only)", async () => {
  const r = await check("/ok", { allowHttp: false });
  assert.deepEqual([r.status, r.detail], ["unverified", "it is not an https URL"]);
  // An https page that redirects to http is not followed.
  const tls = await startLinkServer({ tls: true });
  const trusting = new Agent({ connect: { ca: testCa() } });
  try {
    const url = `${tls.origin}/away?to=http://127.0.0.1:1/x`;
    const results = await checkLinks([url], { ...fast, allowHttp: false, dispatcher: trusting });
    const down = results.get(url);
    assert.deepEqual(
      [down?.status, down?.detail],
      ["unverified", "it redirects to a non-https URL http://127.0.0.1:1/x"],
    );
  } finally {
    await trusting.close();
    await tls.close();
  }
});

test("a host listed in the config is skipped without a request, also after a redirect", async () => {
  const rule = { host: "127.0.0.1", reason: "test", file: "f", line: 1, column: 1 };
  const before = server.requests.length;
  const r = await check("/ok", { skip: [rule] });
  assert.deepEqual([r.status, r.detail, r.skip], ["skipped", "test", rule]);
  assert.equal(server.requests.length, before);
  // localhost is never contacted: the redirect to it is skipped by the rule.
  const local = { ...rule, host: "localhost" };
  const away = await check("/away?to=http://localhost:1/x", { skip: [local] });
  assert.deepEqual(
    [away.status, away.skip, away.finalUrl, away.hops.length],
    ["skipped", local, "http://localhost:1/x", 1],
  );
});

test("each distinct URL is checked once and progress is reported", async () => {
  const url = `${server.origin}/temp`;
  const before = server.count("/temp");
  const progress: string[] = [];
  const results = await checkLinks([url, url, `${server.origin}/ok`], {
    ...fast,
    dispatcher: agent,
    onProgress: (done, total) => progress.push(`${done}/${total}`),
  });
  assert.equal(results.size, 2);
  assert.equal(server.count("/temp") - before, 1);
  assert.deepEqual(progress, ["1/2", "2/2"]);
});

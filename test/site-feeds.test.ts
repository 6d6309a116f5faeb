/**
 * `cooltech site` publishes the change feeds: after a simulated day against
 * the fake GitHub (projects added, removed, archived, released, a milestone),
 * feed.xml (Atom) and feed.json (JSON Feed) parse with a real feed parser
 * (feedsmith) and list those changes, with stable ids, absolute links when
 * the site's url is known (DIR/cooltech.yaml, or --url), and hostile strings
 * kept as inert text.
 */
import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import type { ChangeEvent } from "../src/generate/changes.js";
import { demoRepos, type FakeGitHub, startFakeGitHub } from "./fake-github/index.js";
import { DAY1, DAY2, HOSTILE_NAME, HOSTILE_TAG, simulateDay } from "./helpers/changes-day.js";
import { fakeEnv, readJson, runCli, TOKEN, tempData } from "./helpers/refresh-cli.js";

let gh: FakeGitHub;
let tmp: Awaited<ReturnType<typeof tempData>>;
let events: ChangeEvent[];

before(async () => {
  gh = await startFakeGitHub({ repos: demoRepos(), token: TOKEN });
  tmp = await tempData();
  const refresh = (now: string) =>
    runCli(["refresh", "--data", "data"], fakeEnv(gh, { COOLTECH_NOW: now }), tmp.dir);
  assert.equal((await refresh(DAY1)).code, 0);
  await simulateDay(gh, tmp.data);
  assert.equal((await refresh(DAY2)).code, 0);
  events = (await readJson<{ events: ChangeEvent[] }>(join(tmp.data, "changes.json"))).events;
});
after(async () => {
  await gh.close();
  await tmp.cleanup();
});

const site = (out: string, args: string[] = [], env: Record<string, string> = {}) =>
  runCli(["site", "--data", "data", "--out", out, ...args], fakeEnv(gh, env), tmp.dir);
const read = (out: string, file: string) => readFile(join(tmp.dir, out, file), "utf8");

const EXPECTED = [
  `${HOSTILE_NAME} added`,
  "Longhorn removed",
  "Rook archived",
  `Falco released ${HOSTILE_TAG}`,
  "Container Runtime Interface passed 1,000 stars",
];

test("both feeds parse and list the day's changes, with absolute links under --url", async () => {
  const run = await site("a", ["--url", "https://example.org/cool"]);
  assert.equal(run.code, 0, run.stderr);
  const atom = parseAtomFeed(await read("a", "feed.xml"));
  assert.equal(atom.id, "https://example.org/cool/");
  assert.ok(
    atom.links?.some((l) => l.rel === "self" && l.href === "https://example.org/cool/feed.xml"),
  );
  assert.deepEqual(atom.entries?.map((e) => e.title?.value).sort(), [...EXPECTED].sort());
  assert.deepEqual(
    atom.entries?.map((e) => e.id),
    events.map((e) => `urn:cooltech:change:${e.id}`),
  );
  assert.ok(atom.entries?.every((e) => e.updated === DAY2));
  const rook = atom.entries?.find((e) => e.title?.value === "Rook archived");
  assert.equal(rook?.links?.[0]?.href, "https://github.com/rook/rook");
  const falco = atom.entries?.find((e) => e.title?.value?.startsWith("Falco"));
  assert.equal(
    falco?.links?.[0]?.href,
    "https://github.com/falcosecurity/falco/releases/tag/v2.0.0",
  );

  const json = parseJsonFeed(JSON.parse(await read("a", "feed.json")));
  assert.equal(json.feed_url, "https://example.org/cool/feed.json");
  assert.equal(json.home_page_url, "https://example.org/cool/");
  assert.deepEqual(json.items?.map((i) => i.title).sort(), [...EXPECTED].sort());
  assert.deepEqual(
    json.items?.map((i) => i.id),
    atom.entries?.map((e) => e.id),
    "the same stable ids in both feeds",
  );
  assert.ok(json.items?.every((i) => i.date_published === DAY2));

  const page = await read("a", "index.html");
  assert.match(page, /<link rel="alternate" type="application\/atom\+xml" href="feed\.xml"/);
  assert.match(page, /<link rel="alternate" type="application\/feed\+json" href="feed\.json"/);
});

test("hostile strings stay text: no markup in feed.xml, the parser reads them back verbatim", async () => {
  assert.equal((await site("h")).code, 0);
  const xml = await read("h", "feed.xml");
  assert.doesNotMatch(xml, /<img|<script|<b>|\]\]>/);
  const names = parseAtomFeed(xml).entries?.map((e) => e.title?.value);
  assert.ok(names?.includes(`${HOSTILE_NAME} added`));
  assert.ok(names?.includes(`Falco released ${HOSTILE_TAG}`));
});

test("without a URL the feeds have no links to the site; same input, same bytes; a bad URL is a usage error", async () => {
  assert.equal((await site("b")).code, 0);
  assert.equal((await site("c", [], { COOLTECH_SITE_URL: "" })).code, 0);
  const atom = parseAtomFeed(await read("b", "feed.xml"));
  assert.equal(atom.id, "urn:cooltech:changes");
  assert.equal(atom.links, undefined);
  const json = parseJsonFeed(JSON.parse(await read("b", "feed.json")));
  assert.equal(json.feed_url, undefined);
  for (const f of ["feed.xml", "feed.json"]) assert.equal(await read("b", f), await read("c", f));
  const env = await site("d", [], { COOLTECH_SITE_URL: "https://example.org/x/" });
  assert.equal(env.code, 0);
  assert.equal(
    parseJsonFeed(JSON.parse(await read("d", "feed.json"))).feed_url,
    "https://example.org/x/feed.json",
  );
  const bad = await site("e", ["--url", "javascript:alert(1)"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--url \(or COOLTECH_SITE_URL\) must be http\(s\)/);
});

test("the site's url and title come from DIR/cooltech.yaml; --url overrides the url", async () => {
  const config = join(tmp.data, "cooltech.yaml");
  await writeFile(config, "title: My <List>\nurl: https://me.example/list\n");
  try {
    assert.equal((await site("f")).code, 0);
    const json = parseJsonFeed(JSON.parse(await read("f", "feed.json")));
    assert.equal(json.title, "My <List>: changes");
    assert.equal(json.home_page_url, "https://me.example/list/");
    assert.equal(json.feed_url, "https://me.example/list/feed.json");
    const xml = await read("f", "feed.xml");
    assert.match(xml, /<title>My &#60;List&#62;: changes<\/title>/);
    assert.equal(parseAtomFeed(xml).id, "https://me.example/list/");
    assert.equal((await site("g", ["--url", "https://other.example/"])).code, 0);
    const other = parseJsonFeed(JSON.parse(await read("g", "feed.json")));
    assert.equal(other.feed_url, "https://other.example/feed.json");
  } finally {
    await rm(config);
  }
});

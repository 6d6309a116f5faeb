/** The transport under octokit: the answer it parsed once is what the GraphQL lookup reads. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createTransport, parsedJson } from "../src/github/transport.js";

function answering(body: string, contentType: string): typeof fetch {
  return (async () =>
    new Response(body, { status: 200, headers: { "content-type": contentType } })) as typeof fetch;
}

test("a JSON answer is parsed once; its value is found by the body the transport returned", async () => {
  const value = { data: { r0: { nameWithOwner: "a/b", stargazerCount: 5 } } };
  const transport = createTransport({
    timeoutMs: 5_000,
    connections: 1,
    fetch: answering(JSON.stringify(value), "application/json; charset=utf-8"),
  });
  const response = await transport.fetch("http://127.0.0.1/graphql");
  assert.deepEqual(parsedJson(response.body), value);
  // The body itself is still there for a caller that reads it (REST, errors).
  assert.deepEqual(await response.json(), value);
  await transport.close();
});

test("an answer that is not JSON has no parsed value", async () => {
  const transport = createTransport({
    timeoutMs: 5_000,
    connections: 1,
    fetch: answering("<html>", "text/html"),
  });
  const response = await transport.fetch("http://127.0.0.1/graphql");
  assert.equal(parsedJson(response.body), undefined);
  assert.equal(parsedJson(null), undefined);
  assert.equal(parsedJson({}), undefined);
  await transport.close();
});

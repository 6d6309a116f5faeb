/**
 * Reading a rendered index.html as the browser would (site.test.ts): its data
 * block unpacked as the page script does, and its size without the data.
 */
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import type { SiteData } from "../../src/site/client/data.js";
import { decodeSiteData } from "../../src/site/client/wire.js";

/** The text of the page's data block (base64 of gzipped JSON), as the browser would read it. */
export function embedded(html: string): string {
  const m = /<script type="application\/gzip" id="cooltech-data">(.*?)<\/script>/s.exec(html);
  assert.ok(m?.[1] !== undefined, "the page has a data block");
  return m[1];
}

/** The page's data, unpacked as the page script does. */
export function unpacked(html: string): SiteData {
  return decodeSiteData(
    JSON.parse(gunzipSync(Buffer.from(embedded(html), "base64")).toString("utf8")),
  );
}

/** index.html without the contents of its data blocks (the JSON preview, the gzipped data): the page, its script and styles. */
export function withoutData(html: string): number {
  return Buffer.byteLength(
    html.replace(
      /(<script type="application\/(?:json|gzip)" id="[^"]+">).*?(<\/script>)/gs,
      "$1$2",
    ),
  );
}

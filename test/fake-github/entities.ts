/** Facts derived from a FakeRepo that both APIs serve the same way. */
import type { FakeRepo } from "./types.js";

export const WEB = "https://github.com";

export interface LicenseFacts {
  key: string;
  name: string;
  spdxId: string;
  /** https://api.github.com/licenses/<key>, null for "other". */
  apiPath: string | null;
}

/** Names as GitHub's licence API lists them (GET /licenses). */
const LICENSE_NAMES: Record<string, string> = {
  "AGPL-3.0": "GNU Affero General Public License v3.0",
  "Apache-2.0": "Apache License 2.0",
  "BSD-2-Clause": 'BSD 2-Clause "Simplified" License',
  "BSD-3-Clause": 'BSD 3-Clause "New" or "Revised" License',
  "BSL-1.0": "Boost Software License 1.0",
  "CC0-1.0": "Creative Commons Zero v1.0 Universal",
  "EPL-2.0": "Eclipse Public License 2.0",
  "GPL-2.0": "GNU General Public License v2.0",
  "GPL-3.0": "GNU General Public License v3.0",
  "LGPL-2.1": "GNU Lesser General Public License v2.1",
  "LGPL-3.0": "GNU Lesser General Public License v3.0",
  ISC: "ISC License",
  MIT: "MIT License",
  "MPL-2.0": "Mozilla Public License 2.0",
  Unlicense: "The Unlicense",
};

/** GitHub reports an unidentified licence as key "other", spdx_id "NOASSERTION". */
export function licenseFacts(spdxId: string): LicenseFacts {
  if (spdxId === "NOASSERTION") return { key: "other", name: "Other", spdxId, apiPath: null };
  const key = spdxId.toLowerCase();
  return { key, name: LICENSE_NAMES[spdxId] ?? spdxId, spdxId, apiPath: `/licenses/${key}` };
}

/** A stable positive id for an owner login (FNV-1a), so owners keep their ids across runs. */
export function ownerId(login: string): number {
  let h = 0x811c9dc5;
  for (const c of login.toLowerCase()) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return (h >>> 0) % 100_000_000;
}

/** Release ids derive from the repo id and the tag, so a new tag means a new release id. */
export function releaseId(repo: FakeRepo): number {
  return repo.id * 1000 + (ownerId(repo.latestRelease?.tagName ?? "") % 1000);
}

export const watchers = (r: FakeRepo): number => Math.round(r.stars / 25);
export const diskUsageKb = (r: FakeRepo): number => 1000 + (r.id % 97) * 731;

/** `updated_at`: GitHub bumps it on any change; the latest of push and release here. */
export function updatedAt(r: FakeRepo): string {
  const release = r.latestRelease?.publishedAt;
  return release && release > r.pushedAt ? release : r.pushedAt;
}

/** Linguist colours of the common languages (`primaryLanguage { color }`). */
export const LANGUAGE_COLORS: Record<string, string> = {
  C: "#555555",
  "C++": "#f34b7d",
  Go: "#00ADD8",
  Java: "#b07219",
  JavaScript: "#f1e05a",
  Makefile: "#427819",
  Python: "#3572A5",
  Rust: "#dea584",
  Shell: "#89e051",
  TypeScript: "#3178c6",
};

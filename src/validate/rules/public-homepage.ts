import { code } from "../../core/diagnostic.js";
import { locate, type Rule, str } from "./rule.js";

/**
 * Why a homepage does not point at the public web, or null when it may. An
 * IP literal in any form the URL parser accepts (127.0.0.1, 2130706433,
 * 0x7f.1, [::1]: it normalises them all), `localhost` and `*.localhost`, and
 * the names reserved for private networks (`.local`, `.internal`, `.lan`,
 * `.home.arpa`) are refused: a public directory lists public sites, and its
 * link checker must not be sent into the network it runs in.
 */
export function privateHomepage(url: string): string | null {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    host = parsed.hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return null; // Not a URL: the schema says so.
  }
  if (host === "") return null;
  if (host.startsWith("[") || /^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    return "an IP address, not a domain name";
  }
  if (host === "localhost" || host.endsWith(".localhost")) return "this machine (localhost)";
  const reserved = [".local", ".internal", ".lan", ".home.arpa", ".intranet", ".corp"];
  const suffix = reserved.find((s) => host.endsWith(s) || host === s.slice(1));
  if (suffix !== undefined) return `a private network name (${suffix})`;
  if (!host.includes(".")) return "a name without a dot (a local host)";
  return null;
}

/** Every homepage is on the public web (no IP literal, localhost or private name). */
export const publicHomepage: Rule = {
  id: "public-homepage",
  check(ctx, report) {
    for (const item of ctx.projects) {
      const homepage = str(item, "homepage");
      if (homepage === undefined) continue;
      const why = privateHomepage(homepage);
      if (why === null) continue;
      report({
        ...locate(ctx.projectsSource, item, "homepage"),
        message: `homepage ${code(homepage)} points at ${why}; a directory of public projects links only public sites: use the project's public https:// address`,
      });
    }
  },
};

import { quote } from "../../core/diagnostic.js";
import { normalizeRepo } from "../../core/repo-url.js";
import type { YamlSource } from "../../load/yaml-source.js";
import { type Item, locate, type Reporter, type Rule, str } from "./rule.js";

/**
 * Reports every item whose `key` (normalised) repeats an earlier one,
 * pointing back at the first occurrence.
 */
function checkUnique(
  source: YamlSource,
  items: Item[],
  key: string,
  normalize: (v: string) => string,
  report: Reporter,
  what: string,
  severity: "error" | "warning" = "error",
): void {
  const first = new Map<string, Item>();
  for (const item of items) {
    const value = str(item, key);
    if (value === undefined) continue;
    const norm = normalize(value);
    const earlier = first.get(norm);
    if (earlier === undefined) {
      first.set(norm, item);
      continue;
    }
    const where = locate(source, earlier, key);
    const origin = `at line ${where.line} (${quote(str(earlier, "name") ?? str(earlier, "id") ?? "")})`;
    report({
      ...locate(source, item, key, severity),
      message:
        severity === "error"
          ? `${what} ${quote(value)} is already used ${origin}; remove this duplicate entry or merge the two`
          : `${what} ${quote(value)} is also used ${origin}; fine when one site covers several projects, otherwise give this entry its own ${what}`,
    });
  }
}

const lower = (v: string) => v.toLowerCase();

/** `https://github.com/Rook/rook` and `rook/rook` are the same repository. */
const repoKey = (v: string) => (normalizeRepo(v) ?? v).toLowerCase();

/** https://Falco.org/ and https://falco.org are the same homepage. */
export function normalizeHomepage(v: string): string {
  try {
    const u = new URL(v);
    return `${u.host}${u.pathname.replace(/\/+$/, "")}${u.search}`.toLowerCase();
  } catch {
    return v.toLowerCase();
  }
}

export const uniqueName: Rule = {
  id: "duplicate-name",
  check: (ctx, report) =>
    checkUnique(ctx.projectsSource, ctx.projects, "name", lower, report, "name"),
};

export const uniqueRepo: Rule = {
  id: "duplicate-repo",
  check: (ctx, report) =>
    checkUnique(ctx.projectsSource, ctx.projects, "repo", repoKey, report, "repo"),
};

/**
 * A warning, not an error: one company's site often covers several of its
 * products (the CNCF landscape has dozens of such homepages).
 */
export const uniqueHomepage: Rule = {
  id: "duplicate-homepage",
  check: (ctx, report) =>
    checkUnique(
      ctx.projectsSource,
      ctx.projects,
      "homepage",
      normalizeHomepage,
      report,
      "homepage",
      "warning",
    ),
};

export const uniqueCategoryId: Rule = {
  id: "duplicate-category",
  check: (ctx, report) =>
    checkUnique(ctx.categoriesSource, ctx.categories, "id", (v) => v, report, "category id"),
};

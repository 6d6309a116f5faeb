import { code, quote } from "../../core/diagnostic.js";
import { normalizeRepo, repoKey } from "../../core/repo-url.js";
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
  touched?: ReadonlySet<number>,
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
    // The repeat is the later entry, unless a pull request touched only the earlier one.
    const swap = touched?.has(earlier.index) === true && !touched.has(item.index);
    const [repeat, other] = swap ? [earlier, item] : [item, earlier];
    const shown = str(repeat, key) ?? value;
    const where = locate(source, other, key);
    const origin = `at line ${where.line} (${quote(str(other, "name") ?? str(other, "id") ?? "")})`;
    // `rook/rook.git` repeats `rook/rook`: say what it was read as.
    const canonical = key === "repo" ? normalizeRepo(shown) : undefined;
    const alias = canonical !== undefined && canonical !== shown ? ` (${code(canonical)})` : "";
    report({
      ...locate(source, repeat, key, severity),
      message:
        severity === "error"
          ? `${what} ${quote(shown)}${alias} is already used ${origin}; remove this duplicate entry or merge the two`
          : `${what} ${quote(shown)} is also used ${origin}; fine when one site covers several projects, otherwise give this entry its own ${what}`,
    });
  }
}

const lower = (v: string) => v.toLowerCase();

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
    checkUnique(
      ctx.projectsSource,
      ctx.projects,
      "name",
      lower,
      report,
      "name",
      "error",
      ctx.touched,
    ),
};

export const uniqueRepo: Rule = {
  id: "duplicate-repo",
  check: (ctx, report) =>
    checkUnique(
      ctx.projectsSource,
      ctx.projects,
      "repo",
      repoKey,
      report,
      "repo",
      "error",
      ctx.touched,
    ),
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
      ctx.touched,
    ),
};

export const uniqueCategoryId: Rule = {
  id: "duplicate-category",
  check: (ctx, report) =>
    checkUnique(ctx.categoriesSource, ctx.categories, "id", (v) => v, report, "category id"),
};

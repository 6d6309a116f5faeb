import { code } from "../../core/diagnostic.js";
import { didYouMean } from "../../core/suggest.js";
import { locate, locateElement, type Rule, str } from "./rule.js";

/**
 * Every id in a project's `category` (one id or a list) is an id from
 * categories.yaml; an unknown id in a list is reported at that list item.
 */
export const knownCategory: Rule = {
  id: "unknown-category",
  check(ctx, report) {
    const ids = ctx.categories.map((c) => str(c, "id")).filter((id) => id !== undefined);
    const known = new Set(ids);
    const hints = new Map<string, string>();
    const message = (category: string) => {
      const hint = hints.get(category) ?? didYouMean(category, ids);
      hints.set(category, hint);
      return `unknown category ${code(category)}${hint}; use an id from ${ctx.categoriesSource.file} or add the category there`;
    };
    for (const item of ctx.projects) {
      const value = item.value.category;
      if (typeof value === "string") {
        if (!known.has(value)) {
          report({ ...locate(ctx.projectsSource, item, "category"), message: message(value) });
        }
        continue;
      }
      if (!Array.isArray(value)) continue;
      value.forEach((category, i) => {
        if (typeof category !== "string" || known.has(category)) return;
        report({
          ...locateElement(ctx.projectsSource, item, "category", i),
          message: message(category),
        });
      });
    }
  },
};

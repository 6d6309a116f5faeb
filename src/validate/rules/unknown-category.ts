import { code } from "../../core/diagnostic.js";
import { didYouMean } from "../../core/suggest.js";
import { locate, type Rule, str } from "./rule.js";

/** Every project's `category` is an id from categories.yaml. */
export const knownCategory: Rule = {
  id: "unknown-category",
  check(ctx, report) {
    const ids = ctx.categories.map((c) => str(c, "id")).filter((id) => id !== undefined);
    const known = new Set(ids);
    const hints = new Map<string, string>();
    for (const item of ctx.projects) {
      const category = str(item, "category");
      if (category === undefined || known.has(category)) continue;
      const hint = hints.get(category) ?? didYouMean(category, ids);
      hints.set(category, hint);
      report({
        ...locate(ctx.projectsSource, item, "category"),
        message: `unknown category ${code(category)}${hint}; use an id from ${ctx.categoriesSource.file} or add the category there`,
      });
    }
  },
};

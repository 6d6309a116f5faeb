import { didYouMean } from "../suggest.js";
import { locate, type Rule, str } from "./rule.js";

/** Every project's `category` is an id from categories.yaml. */
export const knownCategory: Rule = {
  id: "unknown-category",
  check(ctx, report) {
    const ids = ctx.categories.map((c) => str(c, "id")).filter((id) => id !== undefined);
    const known = new Set(ids);
    for (const item of ctx.projects) {
      const category = str(item, "category");
      if (category === undefined || known.has(category)) continue;
      report({
        ...locate(ctx.projectsSource, item, "category"),
        message: `unknown category \`${category}\`${didYouMean(category, ids)}; use an id from ${ctx.categoriesSource.file} or add the category there`,
      });
    }
  },
};

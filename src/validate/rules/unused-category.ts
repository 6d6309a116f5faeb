import { code } from "../../core/diagnostic.js";
import { categoryIds } from "../../core/model.js";
import { locate, type Rule, str } from "./rule.js";

/** A category nobody uses is probably a leftover (a warning: it does not fail validation). */
export const usedCategories: Rule = {
  id: "unused-category",
  check(ctx, report) {
    // Without projects (an empty or broken file) every category would be "unused": say nothing.
    if (ctx.projects.length === 0) return;
    // A project in several categories uses each of them, not only its primary one.
    const used = new Set(ctx.projects.flatMap((p) => categoryIds(p.value.category)));
    for (const item of ctx.categories) {
      const id = str(item, "id");
      if (id === undefined || used.has(id)) continue;
      report({
        ...locate(ctx.categoriesSource, item, "id", "warning"),
        message: `category ${code(id)} has no projects; add one or remove the category`,
      });
    }
  },
};

import { publicHomepage } from "./public-homepage.js";
import type { Rule } from "./rule.js";
import { sortedProjects } from "./sort-order.js";
import { uniqueCategoryId, uniqueHomepage, uniqueName, uniqueRepo } from "./unique.js";
import { knownCategory } from "./unknown-category.js";
import { usedCategories } from "./unused-category.js";

/** Every semantic rule, run in this order after the schema check. */
export const rules: readonly Rule[] = [
  uniqueCategoryId,
  knownCategory,
  uniqueName,
  uniqueRepo,
  uniqueHomepage,
  publicHomepage,
  sortedProjects,
  usedCategories,
];

export type { Rule, RuleContext } from "./rule.js";

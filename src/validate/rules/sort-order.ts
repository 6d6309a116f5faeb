import { quote } from "../diagnostic.js";
import { compareProjects, misplaced } from "../order.js";
import { locate, type Rule, str } from "./rule.js";

/** Entries are sorted by category id, then by name, so concurrent PRs rarely touch the same lines. */
export const sortedProjects: Rule = {
  id: "sort-order",
  check(ctx, report) {
    const items = ctx.projects;
    const cmp = (a: (typeof items)[number], b: (typeof items)[number]) =>
      compareProjects(a.value, b.value);
    const sorted = [...items].sort(cmp);
    const rank = new Map(sorted.map((item, i) => [item, i]));
    for (const i of misplaced(items, cmp)) {
      const item = items[i];
      if (item === undefined) continue;
      const before = sorted[(rank.get(item) ?? 0) - 1];
      const where =
        before === undefined
          ? "it belongs first in the list"
          : `it belongs after ${quote(str(before, "name") ?? "")}`;
      report({
        ...locate(ctx.projectsSource, item),
        message: `${quote(str(item, "name") ?? "")} is out of order (entries are sorted by category, then name): ${where}; run \`cooltech fmt\` to sort the file`,
      });
    }
  },
};

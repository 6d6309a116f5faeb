import { quote } from "../../core/diagnostic.js";
import { compareKeys, misplaced, type SortKey, sortKey } from "../../core/order.js";
import { locate, type Rule, str } from "./rule.js";

/** Entries are sorted by category id, then by name, so concurrent PRs rarely touch the same lines. */
export const sortedProjects: Rule = {
  id: "sort-order",
  check(ctx, report) {
    const items = ctx.projects;
    // Keys computed once: this runs on every entry of every validation.
    const keys = items.map((item) => sortKey(item.value));
    const byKey = (a: number, b: number) => compareKeys(keys[a] as SortKey, keys[b] as SortKey);
    const order = items.map((_, i) => i);
    const wrong = misplaced(order, byKey);
    if (wrong.length === 0) return;
    const sorted = [...order].sort(byKey);
    const rank = new Array<number>(items.length);
    sorted.forEach((i, r) => {
      rank[i] = r;
    });
    for (const i of wrong) {
      const item = items[i];
      if (item === undefined) continue;
      const before = items[sorted[(rank[i] ?? 0) - 1] ?? -1];
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

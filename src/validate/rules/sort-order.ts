import { quote } from "../../core/diagnostic.js";
import { primaryCategory } from "../../core/model.js";
import { compareKeys, misplaced, type SortKey, sortKey } from "../../core/order.js";
import { type Item, locate, type Rule, str } from "./rule.js";

/**
 * Entries are sorted by category id, then by name, so concurrent PRs rarely touch the same lines.
 * An entry without a usable name or a known category is left out: its own
 * error (schema, unknown-category) is the one message it gets, and it does
 * not make its neighbours look misplaced.
 */
export const sortedProjects: Rule = {
  id: "sort-order",
  check(ctx, report) {
    const known = new Set(ctx.categories.map((c) => str(c, "id")));
    // Only the primary (first) category sets the place of an entry.
    const primary = (item: Item) => primaryCategory(item.value.category);
    const items = ctx.projects.filter(
      (item) =>
        str(item, "name") !== undefined &&
        primary(item) !== "" &&
        (ctx.categories.length === 0 || known.has(primary(item))),
    );
    // Keys computed once: this runs on every entry of every validation.
    const keys = items.map((item) => sortKey(item.value));
    const byKey = (a: number, b: number) => compareKeys(keys[a] as SortKey, keys[b] as SortKey);
    const order = items.map((_, i) => i);
    // Keeping an untouched entry in place outweighs keeping every touched one.
    const touched = ctx.touched;
    const weight =
      touched === undefined
        ? undefined
        : (i: number) => (touched.has((items[i] as Item).index) ? 1 : items.length + 1);
    const wrong = misplaced(order, byKey, weight);
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

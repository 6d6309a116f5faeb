/** Proposed catalog categories for a source's sections, with unique, valid ids. */
import { cutText, LIMITS, oneLine, slug } from "./fixes.js";
import type { SourceCategory } from "./types.js";

export class CategoryIds {
  readonly list: SourceCategory[] = [];
  private readonly byKey = new Map<string, SourceCategory>();
  private readonly used = new Set<string>();

  /**
   * The category for a source section `key` (created on first use): its id is
   * the slug of `idText` (a number appended when another section took it).
   */
  add(
    key: string,
    idText: string,
    name: string,
    description: string,
    line: number,
  ): SourceCategory {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const base = slug(idText) || "category";
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base.slice(0, LIMITS.categoryId - 4)}-${n}`;
    this.used.add(id);
    const category: SourceCategory = {
      id,
      name: cutText(oneLine(name) || id, LIMITS.categoryName),
      description: cutText(oneLine(description) || oneLine(name) || id, LIMITS.categoryDescription),
      line,
    };
    this.list.push(category);
    this.byKey.set(key, category);
    return category;
  }

  get(key: string): SourceCategory | undefined {
    return this.byKey.get(key);
  }
}

/**
 * landscape.yml (CNCF landscape and landscape2): `landscape:` → categories →
 * subcategories → items. Each subcategory becomes a catalog category named
 * after it (id: its slug; when two categories have a subcategory of the same
 * name, both become `<Category>: <Subcategory>`). An item's `repo_url` is the
 * repo, `homepage_url` the homepage, `description` carries over, and each
 * `second_path` ("Category / Subcategory") adds a further category.
 */
import { CategoryIds } from "./category-ids.js";
import { isPlainMap, maps, type PlainMap, readSourceYaml, strings, text } from "./source-yaml.js";
import type { Note, ParsedSource, SourceItem } from "./types.js";

const key = (category: string, sub: string) => `${category.trim()}\u0000${sub.trim()}`;

export function parseLandscape(source: string, file: string): ParsedSource {
  const { value, line } = readSourceYaml(source, file, ["landscape"]);
  const doc = isPlainMap(value) ? value : {};
  const categories = maps(doc.landscape);
  // Subcategory names used under more than one category are qualified by their category.
  const seen = new Map<string, Set<string>>();
  for (const c of categories) {
    for (const s of maps(c.subcategories)) {
      const name = text(s, "name") ?? "";
      seen.set(name, (seen.get(name) ?? new Set()).add(text(c, "name") ?? ""));
    }
  }
  const ids = new CategoryIds();
  const sections: Array<{ id: string; items: PlainMap[] }> = [];
  for (const c of categories) {
    const cName = text(c, "name") ?? "";
    for (const s of maps(c.subcategories)) {
      const sName = text(s, "name") ?? "";
      const shared = (seen.get(sName)?.size ?? 0) > 1;
      const title = shared ? `${cName}: ${sName}` : sName;
      const category = ids.add(
        key(cName, sName),
        title,
        title,
        `${cName} / ${sName}, from the landscape.`,
        line(s),
      );
      sections.push({ id: category.id, items: maps(s.items) });
    }
  }
  const items: SourceItem[] = [];
  const notes: Note[] = [];
  for (const { id, items: list } of sections) {
    for (const item of list) items.push(toItem(item, id, ids, line(item), notes));
  }
  return { format: "landscape", categories: ids.list, items, notes };
}

function toItem(
  item: PlainMap,
  primary: string,
  ids: CategoryIds,
  line: number,
  notes: Note[],
): SourceItem {
  const name = text(item, "name") ?? "";
  const categories = [primary];
  for (const path of strings(item.second_path)) {
    const at = path.includes(" / ") ? path.indexOf(" / ") : path.indexOf("/");
    const extra =
      at === -1
        ? undefined
        : ids.get(key(path.slice(0, at), path.slice(at + (path.includes(" / ") ? 3 : 1))));
    if (extra === undefined) {
      notes.push({
        line,
        name,
        kind: "fix",
        reason: "unknown-second-path",
        message: `second_path "${path}" names no subcategory of the file: left out`,
      });
    } else categories.push(extra.id);
  }
  const repo = text(item, "repo_url");
  const homepage = text(item, "homepage_url");
  const description = text(item, "description");
  return {
    line,
    name,
    categories,
    ...(repo !== undefined && { repo }),
    ...(homepage !== undefined && { homepage }),
    ...(description !== undefined && { description }),
  };
}

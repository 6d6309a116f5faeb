/**
 * best-of-generator's projects.yaml: `categories` (category, title,
 * subtitle) become catalog categories (id: the slug of `category`, name:
 * `title`, description: `subtitle`, else the title); `projects` carry `name`,
 * `github_id` (the repo), `category`, `labels` (tags), `homepage` and
 * `description`. A project whose category is not listed gets a category
 * named after its id.
 */
import { CategoryIds } from "./category-ids.js";
import { isPlainMap, maps, readSourceYaml, strings, text } from "./source-yaml.js";
import type { Note, ParsedSource, SourceItem } from "./types.js";

export function parseBestOf(source: string, file: string): ParsedSource {
  const { value, line } = readSourceYaml(source, file, ["categories", "projects"]);
  const doc = isPlainMap(value) ? value : {};
  const ids = new CategoryIds();
  const notes: Note[] = [];
  for (const c of maps(doc.categories)) {
    const id = text(c, "category") ?? "";
    const title = text(c, "title") ?? id;
    ids.add(id, id || title, title, text(c, "subtitle") ?? title, line(c));
  }
  const items: SourceItem[] = [];
  for (const p of maps(doc.projects)) {
    const name = text(p, "name") ?? "";
    const at = line(p);
    const cat = text(p, "category") ?? "others";
    let category = ids.get(cat);
    if (category === undefined) {
      category = ids.add(cat, cat, cat, `Projects in the category ${cat}.`, at);
      notes.push({
        line: at,
        name,
        kind: "fix",
        reason: "unlisted-category",
        message: `category "${cat}" is not under \`categories\`: added as "${category.id}"`,
      });
    }
    const repo = text(p, "github_id");
    const homepage = text(p, "homepage");
    const description = text(p, "description");
    const tags = strings(p.labels);
    items.push({
      line: at,
      name,
      categories: [category.id],
      ...(repo !== undefined && { repo }),
      ...(homepage !== undefined && { homepage }),
      ...(description !== undefined && { description }),
      ...(tags.length > 0 && { tags }),
    });
  }
  return { format: "best-of", categories: ids.list, items, notes };
}

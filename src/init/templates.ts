/**
 * The files `cooltech init` writes, from the templates/ folder shipped with
 * the package (dist/src/init/ → ../../../templates/). Placeholders are
 * `%%NAME%%` and whole lines `# <<NAME>>`; GitHub's `${{ }}` expressions in
 * the workflows are left alone.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const templatesDir = fileURLToPath(new URL("../../../templates/", import.meta.url));

/** Template path → path in the new directory (npm never packs a `.gitignore`, and dot-folders are easy to lose). */
export function targetPath(template: string): string {
  if (template === "gitignore") return ".gitignore";
  return template.replace(/^github\//, ".github/");
}

/** Every template file, relative to templates/, with `/` separators, sorted. */
export function templateFiles(): string[] {
  return (
    readdirSync(templatesDir, {
      recursive: true,
      withFileTypes: true,
    }) as import("node:fs").Dirent[]
  )
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(templatesDir.length).split("\\").join("/"))
    .sort();
}

/**
 * A template with its placeholders filled: a line `# <<NAME>>` (a comment, so
 * the template stays valid YAML) becomes the value's lines; `%%NAME%%` inside
 * a line, the value. An unknown placeholder is a bug, so it throws.
 */
export function fill(template: string, values: Record<string, string>): string {
  const text = readFileSync(join(templatesDir, template), "utf8");
  const value = (name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`template ${template}: no value for %%${name}%%`);
    return v;
  };
  return text
    .replace(/^[ \t]*# <<([A-Z_]+)>>$/gm, (_, name: string) => value(name))
    .replace(/%%([A-Z_]+)%%/g, (_, name: string) => value(name));
}

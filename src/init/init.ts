/**
 * `cooltech init`: a new directory that works at once: data/ (the config,
 * sample categories and entries, or a list imported with `--from`), the
 * GitHub workflows and the issue form, a README stub, a package.json that
 * depends on cooltech and a .gitignore. It never overwrites a file: when any
 * of them exists, it writes nothing and says which.
 */
import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { stringify } from "yaml";
import { type Branding, DEFAULT_BRANDING } from "../core/branding.js";
import { UserError } from "../core/errors.js";
import { writeFileAtomic } from "../core/write.js";
import { type ImportResult, importList } from "../import/run.js";
import type { SourceFormat } from "../import/types.js";
import { CATEGORIES_FILE, PROJECTS_FILE } from "../load/catalog.js";
import { CONFIG_FILE, configFrom } from "../load/config.js";
import { displayPath, parseYaml } from "../load/yaml-source.js";
import { fill, targetPath, templateFiles } from "./templates.js";

export interface InitOptions {
  /** The folder to create (or fill, when it exists without any of the files). */
  dir: string;
  /** A list to import instead of the samples. */
  from?: string;
  format?: SourceFormat;
  title?: string;
  tagline?: string;
  url?: string;
  /** The cooltech version the new package.json depends on (`^VERSION`). */
  version: string;
  cwd?: string;
}

export interface InitResult {
  dir: string;
  /** Files written, as shown in messages, in writing order. */
  written: string[];
  imported: ImportResult | null;
}

const DEFAULT_TAGLINE = "A curated directory of open-source projects.";
const SAMPLES = new Set([`data/${PROJECTS_FILE}`, `data/${CATEGORIES_FILE}`]);

/** A file is in the way: nothing was written. */
export class InitConflict extends UserError {
  override name = "InitConflict";
}

export async function initDirectory(options: InitOptions): Promise<InitResult> {
  const dir = resolve(options.cwd ?? ".", options.dir);
  const shown = (path: string) => displayPath(join(dir, path), options.cwd);
  const branding = brandingOf(options, dir);
  const templates = templateFiles();
  const targets = [...templates.map(targetPath), "package.json"];
  const taken: string[] = [];
  for (const t of targets) if (await exists(join(dir, t))) taken.push(shown(t));
  if (taken.length > 0) {
    const list =
      taken.length > 4
        ? `${taken.slice(0, 3).join(", ")} and ${taken.length - 3} more files`
        : taken.join(", ");
    throw new InitConflict(
      `${list} already exist${taken.length === 1 ? "s" : ""}; cooltech init never overwrites a file: choose a new folder, or move ${taken.length === 1 ? "it" : "them"} away`,
    );
  }
  const written: string[] = [];
  let imported: ImportResult | null = null;
  if (options.from !== undefined) {
    // First, so that an unreadable list leaves nothing behind.
    imported = await importList({
      file: resolve(options.cwd ?? ".", options.from),
      dataDir: join(dir, "data"),
      ...(options.cwd !== undefined && { cwd: options.cwd }),
      ...(options.format !== undefined && { from: options.format }),
    });
    for (const sample of SAMPLES) {
      const path = join(dir, sample);
      const text = await readFile(path, "utf8").catch(() => null);
      if (text === null) continue;
      // The samples' header comments (schema for editors, what the file is) go on top.
      const header = fill(sample, {})
        .split("\n")
        .filter((l) => l.startsWith("#"));
      await writeFileAtomic(path, `${header.join("\n")}\n${text}`);
      written.push(shown(sample));
    }
  }
  const values = {
    TITLE: branding.title,
    TAGLINE: branding.tagline,
    CONFIG: configYaml(branding),
    CATEGORY_OPTIONS: categoryOptions(
      imported === null
        ? fill(`data/${CATEGORIES_FILE}`, {})
        : await readFile(join(dir, "data", CATEGORIES_FILE), "utf8").catch(() => "[]"),
    ),
  };
  for (const template of templates) {
    if (imported !== null && SAMPLES.has(template)) continue;
    await put(join(dir, targetPath(template)), fill(template, values));
    written.push(shown(targetPath(template)));
  }
  await put(join(dir, "package.json"), packageJson(dir, branding, options.version));
  written.push(shown("package.json"));
  return { dir, written, imported };
}

/** The title (default: the folder's name), tagline and URL, checked by the config schema. */
function brandingOf(options: InitOptions, dir: string): Branding {
  const given = {
    title: options.title ?? basename(dir),
    tagline: options.tagline ?? DEFAULT_TAGLINE,
    ...(options.url !== undefined && { url: options.url }),
  };
  const { branding, diagnostics } = configFrom(parseYaml(stringify(given), CONFIG_FILE));
  const problem = diagnostics.find((d) => d.severity === "error");
  if (problem !== undefined) {
    const option = ["--title", "--tagline", "--url"].find((o) =>
      problem.message.includes(`\`${o.slice(2)}\``),
    );
    throw new UserError(
      `${option ?? "the options"}: ${problem.message.replace(/; (the default is|none is) used$/, "")}`,
    );
  }
  return { ...DEFAULT_BRANDING, ...branding };
}

function configYaml(branding: Branding): string {
  const keys = { title: branding.title, tagline: branding.tagline };
  const url =
    branding.url === null
      ? "# url: https://OWNER.github.io/REPO/"
      : stringify({ url: `${branding.url}/` }).trimEnd();
  return `${stringify(keys, { lineWidth: 0 }).trimEnd()}\n${url}`;
}

/** The issue form's category dropdown: the ids of data/categories.yaml. */
function categoryOptions(categoriesYaml: string): string {
  const value = parseYaml(categoriesYaml, CATEGORIES_FILE).value;
  const ids = Array.isArray(value)
    ? value.map((c) => (c as { id?: unknown })?.id).filter((id) => typeof id === "string")
    : [];
  return ids.map((id) => `        - ${JSON.stringify(id)}`).join("\n");
}

function packageJson(dir: string, branding: Branding, version: string): string {
  const name =
    basename(dir)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[._-]+|-+$/g, "") || "directory";
  const pkg = {
    name,
    private: true,
    description: branding.tagline,
    scripts: {
      validate: "cooltech validate",
      build: "cooltech build",
      site: "cooltech site",
    },
    devDependencies: { cooltech: `^${version}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

async function put(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // "wx": a file that appeared since the check is still never overwritten.
  await writeFile(path, content, { flag: "wx" });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

import type { Command } from "../command.js";

/**
 * The command registry. Modules are imported lazily so `cooltech validate`
 * never pays for loading the GitHub client or the site generator.
 */
export const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  init: {
    summary: "Create a new directory: data/ with samples or an imported list, workflows, README",
    load: async () => (await import("./init.js")).initCommand,
  },
  validate: {
    summary: "Check the curated YAML and report every problem at file:line:col",
    load: async () => (await import("./validate.js")).validateCommand,
  },
  fmt: {
    summary: "Rewrite the curated YAML in canonical form (--check to only report)",
    load: async () => (await import("./fmt.js")).fmtCommand,
  },
  add: {
    summary: "Add a project at its sorted place",
    load: async () => (await import("./add.js")).addCommand,
  },
  import: {
    summary: "Import a landscape.yml, an awesome list or a best-of projects.yaml into the catalog",
    load: async () => (await import("./import.js")).importCommand,
  },
  build: {
    summary: "Write data/directory.json from the YAML and the last-known GitHub data (offline)",
    load: async () => (await import("./build.js")).buildCommand,
  },
  refresh: {
    summary: "Fetch live GitHub metadata into data/directory.json (stars, releases, moves, trends)",
    load: async () => (await import("./refresh.js")).refreshCommand,
  },
  "check-links": {
    summary: "Check every homepage and repository URL; report dead links and permanent redirects",
    load: async () => (await import("./check-links.js")).checkLinksCommand,
  },
  site: {
    summary: "Generate the static site (search, filters, details, stats) from directory.json",
    load: async () => (await import("./site.js")).siteCommand,
  },
  "issue-form": {
    summary: "Write the category list of the 'Suggest a project' issue form from categories.yaml",
    load: async () => (await import("./issue-form.js")).issueFormCommand,
  },
  markdown: {
    summary: "Write DIRECTORY.md, the directory as an awesome-list style Markdown list",
    load: async () => (await import("./markdown.js")).markdownCommand,
  },
};

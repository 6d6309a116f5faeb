/**
 * The directory's identity, shown by the site and DIRECTORY.md: set in
 * data/cooltech.yaml (see load/config.ts); these defaults apply to any key
 * the file does not set, or when there is no file.
 */
export interface Branding {
  title: string;
  tagline: string;
  /** Where the site is published (https, no trailing slash), or null. */
  url: string | null;
}

export const DEFAULT_BRANDING: Readonly<Branding> = {
  title: "Cool Tech",
  tagline:
    "A curated directory of cool open-source tech, enriched nightly with live GitHub metadata.",
  url: null,
};

/** directory.json's `$schema` when no public URL is configured: the schema in the repository. */
export const DIRECTORY_SCHEMA_REF = "../schemas/directory.schema.json";

/** Where the site publishes the schemas, relative to its root (next to directory.json). */
export const SITE_SCHEMAS_DIR = "schemas";

/**
 * directory.json's `$schema`: the absolute URL of the schema as the site
 * publishes it when the public URL is known, else the repository path.
 */
export function directorySchemaRef(branding: Pick<Branding, "url">): string {
  if (branding.url === null) return DIRECTORY_SCHEMA_REF;
  return `${branding.url.replace(/\/+$/, "")}/${SITE_SCHEMAS_DIR}/directory.schema.json`;
}

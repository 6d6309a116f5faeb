/** The directory's title and tagline, shown by the site and DIRECTORY.md. */
export const TITLE = "Cool Tech";
export const INTRO =
  "A curated directory of cool open-source tech, enriched nightly with live GitHub metadata.";

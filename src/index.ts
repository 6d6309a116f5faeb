/**
 * cooltech as a library: the typed functions behind `validate`, `fmt`, `add`
 * and `build`, so other tools can use them without the CLI. Only re-exports.
 *
 *   import { loadCatalog, validateCatalog, formatText } from "cooltech";
 *   const { diagnostics } = validateCatalog(await loadCatalog("data"));
 *   process.stdout.write(formatText(diagnostics));
 */

// Editing the curated YAML (comments kept).
export { type AddInput, type AddOutcome, addProject } from "./edit/add.js";
export { canonicalize, type FormatChange, type FormatResult } from "./edit/canonical.js";
export { type FileFormat, type FormatOutcome, formatCatalog } from "./edit/format-files.js";
// Generating data/directory.json.
export { type BuildResult, buildDirectory } from "./generate/build.js";
export {
  DIRECTORY_SCHEMA_REF,
  generateDirectory,
  indexKnown,
  type Known,
  serializeDirectory,
} from "./generate/directory.js";
export { type Written, writeDirectory } from "./generate/output.js";
export { writeFileAtomic } from "./generate/write.js";
// Loading.
export {
  CATEGORIES_FILE,
  DIRECTORY_FILE,
  type LoadedCatalog,
  loadCatalog,
  PROJECTS_FILE,
} from "./load/catalog.js";
export { DirectoryError, readDirectory } from "./load/directory.js";
export { type ParsedYaml, parseYaml, readYaml, type YamlSource } from "./load/source.js";
// The data model.
export type {
  Category,
  Directory,
  DirectoryProject,
  GithubInfo,
  GithubStatus,
  LatestRelease,
  Project,
  Trend,
} from "./model.js";
// Validation and its diagnostics.
export { type Diagnostic, hasErrors, sortDiagnostics } from "./validate/diagnostic.js";
export {
  type DiagnosticFormat,
  formatGithub,
  formatJson,
  formatText,
  summaryLine,
} from "./validate/format/index.js";
export { type Catalog, type ValidationResult, validateCatalog } from "./validate/index.js";
export { compareProjects } from "./validate/order.js";
export { normalizeRepo } from "./validate/repo-url.js";
export { type SchemaName, validateAgainst } from "./validate/schema.js";

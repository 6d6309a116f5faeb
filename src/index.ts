/**
 * cooltech as a library: the typed functions behind `validate`, `fmt`, `add`
 * and `build`, so other tools can use them without the CLI. Only re-exports.
 *
 *   import { loadCatalog, validateCatalog, formatText } from "cooltech";
 *   const { diagnostics } = validateCatalog(await loadCatalog("data"));
 *   process.stdout.write(formatText(diagnostics));
 */

// Validation and its diagnostics.
export { type Diagnostic, hasErrors, sortDiagnostics } from "./core/diagnostic.js";
// The data model.
export type {
  Category,
  Directory,
  DirectoryProject,
  GithubBlock,
  GithubInfo,
  GithubMissing,
  GithubStatus,
  LatestRelease,
  Project,
  Trend,
} from "./core/model.js";
export { isFetched, missingBlock } from "./core/model.js";
export { compareProjects } from "./core/order.js";
export { normalizeRepo } from "./core/repo-url.js";
export { type SchemaName, validateAgainst } from "./core/schema.js";
export { writeFileAtomic } from "./core/write.js";
// Editing the curated YAML (comments kept).
export { type AddInput, type AddOutcome, addProject } from "./edit/add.js";
export { canonicalize, type FormatChange, type FormatResult } from "./edit/canonical.js";
export { type FileFormat, type FormatOutcome, formatCatalog } from "./edit/format-files.js";
// Generating data/directory.json.
export { type BuildResult, buildDirectory } from "./generate/build.js";
export { type Degraded, degrade, type SetAside, usableOrNull } from "./generate/degrade.js";
export {
  DIRECTORY_SCHEMA_REF,
  generateDirectory,
  indexKnown,
  type Known,
  serializeDirectory,
} from "./generate/directory.js";
export { type Written, writeDirectory } from "./generate/output.js";
// Loading.
export {
  CATEGORIES_FILE,
  DIRECTORY_FILE,
  type LoadedCatalog,
  loadCatalog,
  PROJECTS_FILE,
} from "./load/catalog.js";
export { DirectoryError, readDirectory } from "./load/directory.js";
export { type ParsedYaml, parseYaml, readYaml, type YamlSource } from "./load/yaml-source.js";
export {
  type DiagnosticFormat,
  formatGithub,
  formatJson,
  formatText,
  summaryLine,
} from "./validate/format/index.js";
export { type Catalog, type ValidationResult, validateCatalog } from "./validate/index.js";
export { type InvalidItem, type UsableCatalog, usableCatalog } from "./validate/usable.js";

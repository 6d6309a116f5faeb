/** What each source format reads from a list, before it is mapped onto the catalog. */

export type SourceFormat = "landscape" | "awesome" | "best-of";

export const FORMATS: readonly SourceFormat[] = ["landscape", "awesome", "best-of"];

/** A category of the source list, with the id the importer proposes for it. */
export interface SourceCategory {
  /** Proposed catalog id (lowercase kebab-case). */
  id: string;
  name: string;
  description: string;
  /** 1-based line in the source file. */
  line: number;
}

/** One entry of the source list, as written there (not yet fixed or checked). */
export interface SourceItem {
  line: number;
  name: string;
  /** A GitHub URL or `owner/name` (anything else is not a GitHub repository). */
  repo?: string;
  homepage?: string;
  description?: string;
  /** Proposed category ids (SourceCategory.id), primary first. */
  categories: string[];
  tags?: string[];
}

/** Why an item was skipped, or what was fixed: one note per occurrence, at a source line. */
export interface Note {
  line: number;
  /** The entry's name when known. */
  name?: string;
  kind: "fix" | "skip" | "merge";
  /** A short stable code, e.g. `no-link`, `description-cut` (counted in the summary). */
  reason: string;
  message: string;
}

/** A source file read by a format's parser. */
export interface ParsedSource {
  format: SourceFormat;
  categories: SourceCategory[];
  items: SourceItem[];
  /** Items or sections the parser itself skipped. */
  notes: Note[];
}

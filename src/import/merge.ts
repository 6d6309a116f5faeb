/**
 * Merges candidates into the existing catalog, as plain data: an entry that
 * is already there (same normalised repo, else same name ignoring case) gets
 * only what it lacks (further categories, homepage, tags, description, repo);
 * everything else is a new entry. Nothing is overwritten, nothing duplicated.
 */
import { type Category, categoryIds } from "../core/model.js";
import { normalizeRepo } from "../core/repo-url.js";
import { PROJECT_KEYS } from "../edit/canonical.js";
import { normalizeHomepage } from "../validate/rules/unique.js";
import { type Candidate, LIMITS } from "./fixes.js";
import type { Note, SourceCategory } from "./types.js";

export type Fields = Record<string, unknown>;

/** One entry of the merged catalog. */
export interface Entry {
  value: Fields;
  /** Index in the existing projects.yaml, or undefined for a new entry. */
  existing?: number;
  /** For an existing entry: its value before the import. */
  original?: Fields;
  /** Source line of the item that created it (new entries) or last changed it. */
  line: number;
}

export interface MergeState {
  entries: Entry[];
  categories: Category[];
  /** How many existing categories there were (new ones follow). */
  existingCategories: number;
  byRepo: Map<string, Entry>;
  byName: Map<string, Entry>;
  notes: Note[];
  /** Each merge note with the entry it changed (undone merges are dropped at the end). */
  merges: Array<{ note: Note; entry: Entry }>;
  unchanged: number;
  /** When `validate` rejects a homepage used twice, a later entry's copy is left out. */
  dropSharedHomepages: boolean;
  homepages: Set<string>;
}

export const repoKey = (repo: string) => (normalizeRepo(repo) ?? repo).toLowerCase();

export function startMerge(
  projects: Fields[],
  categories: Category[],
  dropSharedHomepages: boolean,
): MergeState {
  const state: MergeState = {
    entries: [],
    categories: [...categories],
    existingCategories: categories.length,
    byRepo: new Map(),
    byName: new Map(),
    notes: [],
    merges: [],
    unchanged: 0,
    dropSharedHomepages,
    homepages: new Set(),
  };
  projects.forEach((value, i) => {
    const entry = { value: { ...value }, existing: i, original: value, line: 0 };
    state.entries.push(entry);
    index(state, entry);
  });
  return state;
}

function index(state: MergeState, entry: Entry): void {
  if (typeof entry.value.homepage === "string")
    state.homepages.add(normalizeHomepage(entry.value.homepage));
  if (typeof entry.value.repo === "string") state.byRepo.set(repoKey(entry.value.repo), entry);
  if (typeof entry.value.name === "string") state.byName.set(entry.value.name.toLowerCase(), entry);
}

/** The catalog id for a source category: an existing one with that id or name, else a new one. */
export function resolveCategory(state: MergeState, c: SourceCategory): string {
  const name = c.name.toLowerCase();
  const known = state.categories.find((k) => k.id === c.id || k.name.toLowerCase() === name);
  if (known !== undefined) return known.id;
  state.categories.push({ id: c.id, name: c.name, description: c.description });
  return c.id;
}

const label = (e: Entry) => (e.existing === undefined ? `line ${e.line}` : "the catalog");

export function mergeCandidate(state: MergeState, c: Candidate): void {
  const byRepo = c.repo === undefined ? undefined : state.byRepo.get(repoKey(c.repo));
  let match = byRepo ?? state.byName.get(c.name.toLowerCase());
  if (
    byRepo === undefined &&
    match !== undefined &&
    c.repo !== undefined &&
    typeof match.value.repo === "string"
  ) {
    // Same name, another repository: a different project (`config` by two authors).
    if (!qualifyName(state, c, match)) return;
    match = undefined;
  }
  if (
    c.homepage !== undefined &&
    state.dropSharedHomepages &&
    match?.value.homepage === undefined
  ) {
    if (state.homepages.has(normalizeHomepage(c.homepage))) {
      state.notes.push({
        line: c.line,
        name: c.name,
        kind: "fix",
        reason: "homepage-shared",
        message: `homepage ${c.homepage} is already another entry's: left out`,
      });
      delete c.homepage;
    }
  }
  if (match === undefined) {
    const entry = { value: toFields(c), line: c.line };
    state.entries.push(entry);
    index(state, entry);
    return;
  }
  const added = addMissing(match.value, c);
  if (added.length === 0) {
    state.unchanged++;
    return;
  }
  const what = `${byRepo ? "same repository as" : "same name as"} "${String(match.value.name)}" (${label(match)})`;
  match.line = c.line;
  index(state, match);
  const note: Note = {
    line: c.line,
    name: c.name,
    kind: "merge",
    reason: "merged",
    message: `${what}: added ${added.join(", ")}`,
  };
  state.notes.push(note);
  state.merges.push({ note, entry: match });
}

function addMissing(value: Fields, c: Candidate): string[] {
  const added: string[] = [];
  const ids = categoryIds(value.category);
  const more = c.categories
    .filter((id) => !ids.includes(id))
    .slice(0, LIMITS.categories - ids.length);
  if (more.length > 0) {
    value.category = [...ids, ...more];
    added.push(`categories ${more.join(", ")}`);
  }
  for (const key of ["repo", "homepage", "tags", "description"] as const) {
    if (value[key] === undefined && c[key] !== undefined) {
      value[key] = c[key];
      added.push(key);
    }
  }
  // Back in canonical key order (other keys, never written by a valid catalog, last).
  const ordered = Object.entries(value).sort(([a], [b]) => rank(a) - rank(b));
  for (const [k] of ordered) delete value[k];
  for (const [k, v] of ordered) value[k] = v;
  return added;
}

const rank = (key: string) => {
  const i = PROJECT_KEYS.indexOf(key);
  return i === -1 ? PROJECT_KEYS.length : i;
};

/**
 * Gives a candidate whose name another repository already uses the name
 * `name (owner)`, else `name (owner/repo)`; false (and a skip) when both are taken too.
 */
function qualifyName(state: MergeState, c: Candidate, other: Entry): boolean {
  const repo = c.repo as string;
  const owner = repo.split("/")[0] as string;
  const name = [`${c.name} (${owner})`, `${c.name} (${repo})`].find(
    (n) => [...n].length <= LIMITS.name && !state.byName.has(n.toLowerCase()),
  );
  if (name === undefined) {
    state.notes.push({
      line: c.line,
      name: c.name,
      kind: "skip",
      reason: "name-taken",
      message: `the name is already used by ${String(other.value.repo)} (${label(other)}), a different repository, and so are "${c.name} (${owner})" and "${c.name} (${repo})": rename one of them`,
    });
    return false;
  }
  state.notes.push({
    line: c.line,
    name: c.name,
    kind: "fix",
    reason: "name-qualified",
    message: `the name is already used by ${String(other.value.repo)} (${label(other)}): imported as "${name}"`,
  });
  c.name = name;
  return true;
}

/** Canonical key order; one category as a string, several as a list. */
export function toFields(c: Candidate): Fields {
  return {
    name: c.name,
    ...(c.repo !== undefined && { repo: c.repo }),
    ...(c.homepage !== undefined && { homepage: c.homepage }),
    category: c.categories.length === 1 ? c.categories[0] : c.categories,
    ...(c.tags !== undefined && { tags: c.tags }),
    ...(c.description !== undefined && { description: c.description }),
  };
}

/** Entries that differ from what the catalog had: new ones and changed existing ones. */
export function changedEntries(state: MergeState): { added: Entry[]; merged: Entry[] } {
  const added = state.entries.filter((e) => e.existing === undefined);
  const merged = state.entries.filter(
    (e) => e.existing !== undefined && JSON.stringify(e.value) !== JSON.stringify(e.original),
  );
  return { added, merged };
}

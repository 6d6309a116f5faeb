/**
 * One way to read a repository everywhere (validate, fmt, add, the duplicate
 * rule, the pull-request check): `owner/name`. These all mean `o/n`:
 *
 *   o/n   o/n.git   o/n/   github.com/o/n   http(s)://(www.)github.com/o/n
 *   https://github.com/o/n.git   https://github.com/o/n/tree/main/x   …/o/n?tab=x   …/o/n#readme
 *   git@github.com:o/n.git   ssh://git@github.com/o/n.git   git://github.com/o/n.git
 *
 * Case is kept as written (GitHub ignores it; the duplicate rule folds it).
 */

/** A GitHub owner (user or organisation): letters, digits and single inner hyphens, at most 39. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;
/** A repository name: letters, digits, `.`, `_`, `-`; not `.` or `..`, and never ending in `.git`. */
const NAME = /^(?!\.\.?$)(?!.*\.git$)[A-Za-z0-9._-]{1,100}$/i;

/** The forms above, each capturing owner and name (the name possibly with `.git`). */
const FORMS: readonly RegExp[] = [
  // Web URLs, with or without scheme and www; anything after the name (a path, query, fragment) is dropped.
  /^(?:https?:\/\/)?(?:www\.)?github\.com\/([^/\s?#]+)\/([^/\s?#]+)(?:[/?#].*)?$/i,
  // SSH and git protocol clone URLs.
  /^(?:ssh:\/\/)?git@github\.com[:/]([^/\s]+)\/([^/\s]+?)\/?$/i,
  /^git:\/\/github\.com\/([^/\s]+)\/([^/\s]+?)\/?$/i,
  // owner/name, optionally with `.git` or a trailing slash.
  /^([^/\s:]+)\/([^/\s]+?)\/?$/,
];

/**
 * `owner/name` for any of the forms above, or undefined when the input is not
 * a GitHub repository (e.g. `a/b/c`, a GitLab URL, an owner with `_`).
 */
export function normalizeRepo(input: string): string | undefined {
  const text = input.trim();
  for (const re of FORMS) {
    const m = re.exec(text);
    if (!m?.[1] || !m[2]) continue;
    const name = m[2].replace(/\.git$/i, "");
    return OWNER.test(m[1]) && NAME.test(name) ? `${m[1]}/${name}` : undefined;
  }
  return undefined;
}

/** True when `repo` is written in another form than `owner/name` but means one. */
export function isRepoUrl(repo: string): boolean {
  const n = normalizeRepo(repo);
  return n !== undefined && n !== repo;
}

/** The key duplicates are compared by: the normalised repo, case folded (the text itself when not a repo). */
export function repoKey(repo: string): string {
  return (normalizeRepo(repo) ?? repo.trim()).toLowerCase();
}

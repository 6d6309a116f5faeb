/**
 * Accepts a repository written as `owner/name` or as a GitHub URL
 * (https://github.com/owner/name, .git, trailing slash, git@github.com:owner/name)
 * and returns `owner/name`, or undefined when it is neither.
 */
export function normalizeRepo(input: string): string | undefined {
  const text = input.trim();
  const patterns = [
    /^(?:https?:\/\/)?(?:www\.)?github\.com\/([^/\s]+)\/([^/\s#?]+?)(?:\.git)?\/?(?:[#?].*)?$/i,
    /^git@github\.com:([^/\s]+)\/([^/\s]+?)(?:\.git)?$/i,
    /^([^/\s:]+)\/([^/\s]+)$/,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m?.[1] && m[2]) return `${m[1]}/${m[2]}`;
  }
  return undefined;
}

/** True when `repo` is not in canonical form but normalizeRepo can fix it. */
export function isRepoUrl(repo: string): boolean {
  const n = normalizeRepo(repo);
  return n !== undefined && n !== repo;
}

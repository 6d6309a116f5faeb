import { type Directory, type GithubBlock, isFetched } from "../core/model.js";
import { validateAgainst } from "../core/schema.js";
import { sanitizeRepoInfo } from "../github/repo-info.js";
import { githubInfo } from "./merge.js";

/** A project whose `github` block had to be fixed on the way out. */
export interface ContractFix {
  name: string;
  repo: string | null;
  changes: string[];
}

const GITHUB_PATH = /^\/projects\/(\d+)\/github(?:\/|$)/;

/**
 * The last line of defence before the write: a `github` block that still
 * breaks schemas/directory.schema.json (sanitizeRepoInfo should have caught
 * it when GitHub answered) is made to fit field by field, or dropped to null
 * when it cannot be; each fix is reported with the project's name. Other
 * errors are left for writeDirectory to refuse (they would be a bug).
 */
export function conformDirectory(directory: Directory): {
  directory: Directory;
  fixes: ContractFix[];
  /** The directory returned was found valid as it is (no need to check it again before the write). */
  valid: boolean;
} {
  const bad = new Set<number>();
  const errors = validateAgainst("directory", directory);
  for (const e of errors) {
    const m = GITHUB_PATH.exec(e.instancePath);
    if (m) bad.add(Number(m[1]));
  }
  if (bad.size === 0) return { directory, fixes: [], valid: errors.length === 0 };
  const fixes: ContractFix[] = [];
  const projects = directory.projects.map((p, i) => {
    if (!bad.has(i)) return p;
    const { github, changes } = conformBlock(p.github);
    fixes.push({ name: p.name, repo: p.repo, changes });
    return { ...p, github };
  });
  return { directory: { ...directory, projects }, fixes, valid: false };
}

function conformBlock(block: GithubBlock | null): {
  github: GithubBlock | null;
  changes: string[];
} {
  if (isFetched(block)) {
    const s = sanitizeRepoInfo(block);
    if (s.info !== null) {
      const { fetchedAt, checkedAt, status, confirmedAt } = block;
      const github = githubInfo(s.info, fetchedAt, checkedAt, status, confirmedAt);
      const ok = validateAgainst("directory", { ...EMPTY, projects: [{ ...PROJECT, github }] });
      if (ok.length === 0) return { github, changes: s.changes };
    }
  }
  return { github: null, changes: ["github data dropped (it does not fit the schema)"] };
}

const EMPTY = { $schema: "", refreshedAt: null, categories: [] };
const PROJECT = {
  name: "x",
  repo: "x/x",
  homepage: null,
  category: "x",
  tags: [],
  description: null,
  trend: null,
};

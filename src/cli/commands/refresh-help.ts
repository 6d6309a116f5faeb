export const REFRESH_HELP = `Usage: cooltech refresh [--data DIR] [--only NAME ...] [--batch-size N]
                        [--concurrency N] [--dry-run] [--fix-moved] [--json]
                        [--max-time SECONDS] [--wait SECONDS]

Validates the curated YAML, looks up every entry's repository on GitHub, and
writes DIR/directory.json the way \`build\` does (schema check, deterministic,
atomic), with refreshedAt set. Nothing is ever dropped: an entry whose lookup
fails keeps its last-known data. What changed (added, removed, moved,
archived, released, star milestones) is appended to DIR/changes.json and
listed in the summary; a run that changed nothing writes nothing there.

One invalid entry does not stop the run: every valid entry is refreshed; an
invalid one keeps its last-known record from DIR/directory.json, or is left
out (and listed) when it has none. Of two entries with the same name or repo,
the earlier one is kept. Problems are printed on stderr as file:line:col
(annotations under GitHub Actions). Only a file that cannot be used at all
(missing, a YAML syntax error, not a list) stops the run.
A value from GitHub that breaks schemas/directory.schema.json (too long, wrong
type) is dropped or shortened for that field, and reported with the repository.

Each entry's github.status:
  ok       found as it is at refreshedAt
  moved    GitHub answered under another owner/name (renamed or transferred)
  missing  GitHub says the repository does not exist; last-known data kept
           (never fetched: a block with status, checkedAt, the rest null)
  stale    this run failed for it (timeout, reset, 5xx, rate limit after
           retries, --max-time); last-known data and its fetchedAt kept
fetchedAt is when the data last changed; checkedAt when the entry last changed
(data or status), or the failed attempt of a stale one. A run in which nothing
changed on GitHub leaves every entry, DIRECTORY.md and history.json
byte-identical: only directory.json's refreshedAt moves.

With a token: batched GraphQL in two passes. Pass 1 asks every known
repository's fields that are not connections (no connection: 1 point per
query), 500 per query (up to 1,000 while answers are fast; smaller only after
a failed query or one slower than 5 s, half of GitHub's 10 s limit). Pass 2 asks
open issues and topics only where pass 1 saw a change, or on the entry's
weekly re-check day (so they are at most 7 days old with nightly runs).
Entries with no data yet get one full query (100 per query; if the first one
cost more than 1 point, the largest batch that costs 1, e.g. 74). Up to 8
queries in flight; a secondary rate limit halves that, and it grows back one
step per round of successes.
Without one: REST GET /repos/{owner}/{repo}, 60 requests an hour, conditional
on the ETags kept in DIR/.etags.json (a 304 is free).
Star counts go to DIR/history.json (a point when the count changes, 90 days)
and give trend.stars7d / stars30d.

One run at a time per data folder: a run holds DIR/.cooltech.lock (pid, host,
start time); another one waits --wait seconds, then exits 6. A lock left by a
dead process is taken over. directory.json, DIRECTORY.md, history.json (and
.etags.json, projects.yaml) are written as one generation: all new or all old,
even after a kill; the next run finishes or discards what a killed run left.
SIGTERM or SIGINT (Ctrl-C), or --max-time, stops the lookups: what was
fetched is written, the rest is kept as stale, exit 3. A second signal exits
at once.

Options:
  --data DIR         folder with the curated YAML and the directory (default: data)
  --only NAME ...    refresh only these entries (project name or owner/name);
                     the others are left exactly as they are
  --batch-size N     repositories per GraphQL query at the start, 1-100
                     (default 100; pass 1 starts at 500 unless this is given);
                     as above
  --concurrency N    requests in flight, 1-20 (default 8; halved on a
                     secondary rate limit, then grown back)
  --dry-run          look up and report, write nothing
  --fix-moved        rewrite \`repo\` of moved entries in DIR/projects.yaml
                     (only that value changes; comments and layout are kept)
  --json             print the summary as JSON on stdout
  --max-time SECONDS stop looking up after this long (no limit by default;
                     the nightly workflow sets one), then as on SIGTERM: what
                     was not reached stays stale with its last-known data,
                     and comes first next run
  --wait SECONDS     wait this long for another run's lock (default 0)
  -h, --help         show this help

Environment:
  GITHUB_TOKEN, GH_TOKEN  token (never printed); without one, the REST API
  GITHUB_API_URL          REST base (default https://api.github.com;
                          GitHub Enterprise Server: https://HOST/api/v3)
  GITHUB_GRAPHQL_URL      GraphQL endpoint (default: derived from
                          GITHUB_API_URL, /api/v3 -> /api/graphql, else /graphql)
  GITHUB_STEP_SUMMARY     when set, the summary is appended there as Markdown
  COOLTECH_RETRY_BASE_MS, COOLTECH_TIMEOUT_MS, COOLTECH_NOW
                          for tests: ms per second of retry wait, request
                          deadline in ms, a fixed clock (ISO time)
  COOLTECH_ONE_PASS=1     for benchmarks: ask every field of every repository
                          in one pass (the approach before the two passes)

Exit codes: 0 every entry ok or moved; 3 some entries stale or missing, or
the run was stopped early (the directory is still written); 5 written, but
some curated entries are invalid (set aside as above; 5 wins over 3); 1 a
curated file cannot be used (nothing fetched) or the token was rejected;
2 usage error or a GitHub endpoint that answers 404 (wrong GITHUB_API_URL /
GITHUB_GRAPHQL_URL; nothing written); 4 a file could not be written; 6
another run holds the data folder's lock (nothing done).

Examples:
  GITHUB_TOKEN=$(gh auth token) cooltech refresh
  cooltech refresh --only kured --only Falco --dry-run
  cooltech refresh --fix-moved && git diff data/projects.yaml
  cooltech refresh --max-time 900 --wait 60
`;

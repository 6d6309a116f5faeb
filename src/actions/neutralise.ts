/**
 * Keeps untrusted text from acting as a GitHub Actions workflow command.
 *
 * The runner reads every line a step prints (stdout and stderr; a line ends at
 * CR, LF or CRLF) and runs it as a command when, once leading whitespace is
 * trimmed, it starts with `::` (`::add-mask::x`, `::error title=T::x`,
 * `::stop-commands::t`), or when it holds the legacy `##[name]` form anywhere.
 * Names, descriptions and error messages come from contributors and from
 * GitHub: whatever they say, no line we print may be read that way.
 *
 * The guard is a small state machine over the characters written, so a line
 * split across several writes is judged as one line. It breaks a command
 * visibly and minimally: a line's leading `::` becomes `: :`, and `##[`
 * becomes `## [`. Annotations made by `annotation()` (commands.ts) are the
 * only workflow commands cooltech prints on purpose; they go through a guard
 * made with `allowCommands`, which still breaks `##[` inside them.
 */

/**
 * Characters the runner may skip before `::` (.NET's String.Trim removes
 * Unicode white space), plus controls and invisible format characters, so
 * that anything ahead of `::` that a reader cannot see counts as nothing.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: skipping them is the point
const SKIPPABLE = /[\s\u0000-\u001f\u007f-\u009f\u180e\u200b-\u200f\u2060-\u2064\ufeff]/;

export class CommandGuard {
  /** Only skippable characters so far on this line. */
  private head = true;
  /** The line so far is skippable characters and one `:`. */
  private colon = false;
  /** `#` characters just written on this line. */
  private hashes = 0;

  /** @param allowCommands lets a line start with `::` (for annotation() output only). */
  constructor(private readonly allowCommands = false) {}

  /** The chunk, with every would-be workflow command broken. */
  filter(chunk: string): string {
    if (!/[:#\r\n]/.test(chunk) && !this.head && !this.colon && this.hashes === 0) return chunk;
    let out = "";
    for (const ch of chunk) {
      if (ch === "\n" || ch === "\r") {
        this.head = true;
        this.colon = false;
        this.hashes = 0;
        out += ch;
        continue;
      }
      if (ch === "[" && this.hashes >= 2) out += " ";
      this.hashes = ch === "#" ? this.hashes + 1 : 0;
      if (this.colon) {
        this.colon = false;
        if (ch === ":" && !this.allowCommands) out += " ";
      } else if (this.head && ch === ":") {
        this.colon = true;
      }
      if (this.head && !SKIPPABLE.test(ch)) this.head = false;
      out += ch;
    }
    return out;
  }
}

/** `text` made inert as a whole (a fresh guard: `text` starts a line). */
export function neutralise(text: string): string {
  return new CommandGuard().filter(text);
}

/**
 * Whether a line would be read by the runner as a workflow command (the
 * check the tests run over every line cooltech prints).
 */
export function isWorkflowCommand(line: string): boolean {
  let i = 0;
  while (i < line.length && SKIPPABLE.test(line[i] as string)) i++;
  return line.startsWith("::", i) || line.includes("##[");
}

/** Which format a source list is in, from `--from` or from its name and content. */
import { extname } from "node:path";
import { UserError } from "../core/errors.js";
import { FORMATS, type SourceFormat } from "./types.js";

export function detectFormat(file: string, text: string): SourceFormat {
  if (/^\.(md|markdown)$/i.test(extname(file))) return "awesome";
  if (/^landscape:/m.test(text)) return "landscape";
  if (/^projects:/m.test(text) && /^(categories|configuration):/m.test(text)) return "best-of";
  if (/^#{1,3} /m.test(text) && /^\s*[-*+] \[[^\]]+\]\(/m.test(text)) return "awesome";
  throw new UserError(
    `cannot tell the format of ${file}: it is not a landscape.yml (\`landscape:\`), a best-of projects.yaml (\`categories:\` and \`projects:\`) or a Markdown awesome list; pass --from ${FORMATS.join("|")}`,
  );
}

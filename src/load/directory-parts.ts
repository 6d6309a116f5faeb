/**
 * Reads directory.json project by project while streaming the file, when it
 * is in the layout cooltech writes (two-space JSON, serializeDirectory): the
 * text of a directory of 100,000 projects (~140 MB, held twice while read:
 * as bytes and as a string) is then never in memory whole, only the parsed
 * values. Returns undefined for any other layout, or a project that does not
 * parse: the caller then reads the whole file (and locates the error).
 */
import { createReadStream } from "node:fs";

/** The projects list opens on a line of its own; each project starts and ends at four spaces. */
const OPEN = '\n  "projects": [\n';
const START = "    {";
const END = "\n    }";
const CLOSE = "  ]";
/** The text before the projects list is small (the categories): past this, another layout. */
const MAX_HEAD = 1 << 24;

export async function readDirectoryParts(
  path: string,
): Promise<Record<string, unknown> | undefined> {
  let head: string | undefined;
  let buffer = "";
  let tail: string | undefined;
  const projects: unknown[] = [];
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      if (tail !== undefined) {
        tail += chunk;
        continue;
      }
      buffer += chunk;
      if (head === undefined) {
        const open = buffer.indexOf(OPEN);
        if (open === -1) {
          if (buffer.length > MAX_HEAD) return undefined;
          continue;
        }
        head = buffer.slice(0, open);
        buffer = buffer.slice(open + OPEN.length);
      }
      const read = takeProjects(buffer, projects);
      if (read === undefined) return undefined;
      buffer = read.rest;
      tail = read.tail;
    }
  } finally {
    stream.destroy();
  }
  if (head === undefined || tail === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(`${head}\n  "projects": []${tail}`);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (!Array.isArray(record.projects) || record.projects.length > 0) return undefined;
  record.projects = projects;
  return record;
}

/**
 * Parses the whole projects at the start of `text` (the inside of the list,
 * from its start or from just after a project) into `out`: `rest` is what
 * waits for the next chunk; `tail`, once the list closes, the text after it.
 * Undefined when the text is not in the layout (or not JSON).
 */
function takeProjects(
  text: string,
  out: unknown[],
): { rest: string; tail?: string | undefined } | undefined {
  let at = 0;
  for (;;) {
    // Between projects: ",\n" then the next one, or "\n  ]"; at the list's start, either.
    const first = out.length === 0;
    const close = first ? CLOSE : `\n${CLOSE}`;
    if (text.startsWith(close, at)) return { rest: "", tail: text.slice(at + close.length) };
    const open = first ? START : `,\n${START}`;
    if (text.length - at < Math.max(open.length, close.length)) return { rest: text.slice(at) };
    if (!text.startsWith(open, at)) return undefined;
    const from = at + open.length - START.length;
    const end = text.indexOf(END, from);
    if (end === -1) return { rest: text.slice(at) };
    try {
      out.push(JSON.parse(text.slice(from, end + END.length)));
    } catch {
      return undefined;
    }
    at = end + END.length;
  }
}

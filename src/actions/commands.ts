/**
 * GitHub Actions workflow commands.
 * Escaping per the runner's rules: in the message `%`, CR and LF; in property
 * values also `:` and `,` (docs: "Workflow commands for GitHub Actions").
 */
export function escapeData(s: string): string {
  return s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

export function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

export type AnnotationLevel = "error" | "warning" | "notice";

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  file?: string;
  line?: number;
  col?: number;
  title?: string;
}

/** `::error file=F,line=L,col=C,title=T::message` */
export function annotation(a: Annotation): string {
  const props: string[] = [];
  if (a.file !== undefined) props.push(`file=${escapeProperty(a.file)}`);
  if (a.line !== undefined) props.push(`line=${a.line}`);
  if (a.col !== undefined) props.push(`col=${a.col}`);
  if (a.title !== undefined) props.push(`title=${escapeProperty(a.title)}`);
  const head = props.length > 0 ? `${a.level} ${props.join(",")}` : a.level;
  return `::${head}::${escapeData(a.message)}`;
}

/**
 * GitHub shows at most 10 annotations per severity per step (50 per job); the
 * rest are dropped silently. Annotate the first ones, list the others in plain
 * text, and say so.
 */
export const ANNOTATIONS_PER_LEVEL = 10;

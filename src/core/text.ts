/**
 * Characters no generated file should carry: C0 controls other than tab, LF
 * and CR (NUL and ESC make `git diff` treat a file as binary, ESC can drive
 * a terminal), DEL and C1 controls, and the bidirectional embeddings,
 * overrides and isolates (U+202A-U+202E, U+2066-U+2069) that make text read
 * differently from what it is ("Trojan Source").
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without the characters above. */
export function stripControls(text: string): string {
  return text.replace(UNSAFE, "");
}

/** Whether `text` holds any of them. */
export function hasControls(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/** Splits a workflow `run:` script into simple commands and words, the way bash would (enough for ours). */

/** One command line of a `run:` script, split into words the way bash would (enough for ours). */
export interface ShellCommand {
  words: string[];
  /** The script line it came from, for messages. */
  line: string;
}

/**
 * The simple commands of a script, split the way bash does for what our
 * scripts use: quotes, backslash-newline, comments, `;` `&&` `||` `|`,
 * unquoted `$(…)`, `(…)` and `<(…)` (their contents are commands too),
 * redirections (the target is dropped). A word holding a variable or a
 * quoted substitution becomes "X"; an array expansion ("${a[@]}") is
 * dropped, since it may expand to nothing.
 */
export function commandsOf(script: string): ShellCommand[] {
  const out: ShellCommand[] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  let dynamic = false;
  let skipNext = false;
  let lineStart = 0;
  const endWord = () => {
    if (!inWord) return;
    if (skipNext) skipNext = false;
    else if (!/\$\{\w+\[@\]\}/.test(word)) words.push(dynamic ? "X" : word);
    word = "";
    inWord = false;
    dynamic = false;
  };
  const endCommand = (at: number) => {
    endWord();
    if (words.length > 0) {
      const line = script.slice(
        lineStart,
        script.indexOf("\n", at) === -1 ? undefined : script.indexOf("\n", at),
      );
      out.push({ words, line: line.trim() });
    }
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i] as string;
    const next = script[i + 1];
    if (c === "\\" && next === "\n") {
      i++;
      continue;
    }
    if (c === "\\") {
      word += next ?? "";
      inWord = true;
      i++;
      continue;
    }
    if (c === "'") {
      const close = script.indexOf("'", i + 1);
      word += script.slice(i + 1, close);
      inWord = true;
      i = close;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let text = "";
      while (j < script.length && script[j] !== '"') {
        if (script[j] === "\\") j++;
        else if (script[j] === "$" && script[j + 1] === "(") {
          // A command substitution inside quotes: its commands count too.
          const end = closingParen(script, j + 2);
          out.push(...commandsOf(script.slice(j + 2, end)));
          text += "$()";
          j = end + 1;
          continue;
        }
        text += script[j];
        j++;
      }
      if (text.includes("$")) dynamic = true;
      word += text;
      inWord = true;
      i = j;
      continue;
    }
    if (c === "#" && !inWord) {
      const eol = script.indexOf("\n", i);
      i = eol === -1 ? script.length : eol - 1;
      continue;
    }
    if (c === "\n") {
      endCommand(i);
      lineStart = i + 1;
      continue;
    }
    if (c === " " || c === "\t") {
      endWord();
      continue;
    }
    if (c === "$" && next === "(") {
      endCommand(i);
      i++;
      continue;
    }
    if (c === ";" || c === "|" || c === "&" || c === "(" || c === ")") {
      endCommand(i);
      if ((c === "|" || c === "&") && next === c) i++;
      continue;
    }
    if (c === "<" && next === "(") {
      endCommand(i);
      i++;
      continue;
    }
    if (c === ">" || c === "<") {
      endWord();
      if (next === ">") i++;
      skipNext = true;
      continue;
    }
    if (c === "$") dynamic = true;
    word += c;
    inWord = true;
  }
  endCommand(script.length);
  return out;
}

/** Index of the `)` closing a `$(` whose contents start at `from` (quotes and nesting respected). */
function closingParen(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "'") i = text.indexOf("'", i + 1);
    else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === "\\") i++;
        else if (text[i] === "$" && text[i + 1] === "(") i = closingParen(text, i + 2);
      }
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return text.length;
}

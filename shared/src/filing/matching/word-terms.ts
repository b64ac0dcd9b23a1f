/**
 * Words and phrases as `any`, `all` and `exact` rules read them. A word matches only as a whole
 * word ("lab" not inside "label"), with letters of every script counted as letters — the
 * built-in `\b` knows only ASCII, and would find "Núñez" inside "Núñezes". The edges are
 * checked after each match rather than written into the expression as `\p{L}` look-arounds:
 * with the `i` flag V8 takes over a millisecond to compile each such expression, and a
 * suggestion runs one per word of every candidate's rule.
 */

const SYNTAX = /[\^$\\.*+?()[\]{}|/]/g;
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}_]/u;

/**
 * The words of an `any` or `all` pattern: split at spaces, a "quoted phrase" kept as one
 * word, empty quotes dropped. `  lab "Quest  Diagnostics" ` → `lab`, `Quest Diagnostics`.
 */
export function patternWords(pattern: string): string[] {
  const words: string[] = [];
  for (const [, quoted, bare] of pattern.matchAll(/"([^"]*)"|(\S+)/g)) {
    const word = (quoted ?? bare ?? '').trim().replace(/\s+/g, ' ');
    if (word) words.push(word);
  }
  return words;
}

/** A word or phrase as a regular expression: its characters literally, `\s+` for each space. */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((part) => part.replace(SYNTAX, '\\$&'))
    .join('\\s+');
}

/** Whether text[start, end) stands as whole words: no letter or digit runs on at either edge. */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = [...text.slice(Math.max(0, start - 2), start)].pop() ?? '';
  const after = String.fromCodePoint(text.codePointAt(end) ?? 32);
  return !WORD_CHARACTER.test(before) && !WORD_CHARACTER.test(after);
}

/**
 * Where a phrase occurs as whole words, at most `limit` places. After a match that runs on
 * into a longer word the search goes on from the next character, not past the match, so
 * "ab ab" is still found in "xab ab ab".
 */
export function findWholeWords(
  phrase: string,
  flags: string,
  text: string,
  limit: number,
): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const search = new RegExp(phraseSource(phrase), flags);
  for (let match = search.exec(text); match && found.length < limit; match = search.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end > start && standsAlone(text, start, end)) {
      found.push({ start, end });
      search.lastIndex = end;
    } else search.lastIndex = start + 1;
  }
  return found;
}

import { regexFlags, validateMatchingRule, type MatchingRule } from './matching-rule.ts';

/**
 * A regular expression is matched within each line, in pieces of at most this many
 * characters, each with its runs of spaces and tabs made one space: this bounds the work a
 * backtracking expression can do (see `regexRisk`). Filing rules match a letterhead, a
 * "Member ID: …" or a claim number, all inside a line. (In a line longer than this, `^` and
 * `$` also match at the edges of its pieces.)
 */
export const REGEX_PIECE_LENGTH = 160;
/**
 * And only over a document's opening: what two open-ended repeats of overlapping characters
 * (`.*.*=`) cost on 160 characters, times the pieces of 12,000 characters (about four pages),
 * is about half a second on a 2-core machine for text made to be the worst; ordinary text takes
 * milliseconds.
 */
export const MAX_REGEX_TEXT = 12_000;

/** One piece of a line as the expression sees it, and where each of its characters came from. */
function piecesOf(text: string): { text: string; from: number[] }[] {
  const pieces: { text: string; from: number[] }[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let piece = '';
    let from: number[] = [];
    for (let i = 0; i < line.length; i++) {
      const char = line[i]!;
      const space = char === ' ' || char === '\t' || char === '\r';
      if (space && piece.endsWith(' ')) continue;
      if (piece.length >= REGEX_PIECE_LENGTH) {
        pieces.push({ text: piece, from });
        [piece, from] = ['', []];
      }
      piece += space ? ' ' : char;
      from.push(lineStart + i);
    }
    if (piece) pieces.push({ text: piece, from });
    lineStart += line.length + 1;
  }
  return pieces;
}

/**
 * Where a rule's regular expression matches (non-empty matches only, at most `limit`), as
 * ranges of the original text. A stored rule is checked again first — one written by an older
 * version, or edited on another device, must not run unchecked here — and matches nothing if
 * it fails.
 */
export function regexRanges(
  rule: MatchingRule,
  text: string,
  limit: number,
): { start: number; end: number }[] {
  if (!validateMatchingRule(rule).ok) return [];
  const ranges: { start: number; end: number }[] = [];
  const flags = regexFlags(rule.caseSensitive);
  for (const piece of piecesOf(text.slice(0, MAX_REGEX_TEXT))) {
    for (const match of piece.text.matchAll(new RegExp(rule.pattern, flags))) {
      // An empty match says nothing of where a rule matched.
      if (match[0].length === 0) continue;
      const last = match.index + match[0].length - 1;
      // A match ending in a run of spaces ends after its first space in the original.
      ranges.push({ start: piece.from[match.index]!, end: piece.from[last]! + 1 });
      if (ranges.length >= limit) return ranges;
    }
  }
  return ranges;
}

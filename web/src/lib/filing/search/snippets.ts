import type { Snippet } from './search-query.ts';
import { eachWord } from './search-words.ts';

/** Characters of context around the first word found, and the most a snippet shows. */
const BEFORE = 50;
const LONGEST = 180;
const WHITE_SPACE = /\s/;

/**
 * Where words of `terms` (folded) stand in the text: [start, end) ranges, in order — only as far
 * as a snippet around the first of them reaches (a page is read no further).
 */
export function marksIn(text: string, terms: ReadonlySet<string>): [number, number][] {
  const marks: [number, number][] = [];
  let until = Infinity;
  eachWord(text, (word, start, end) => {
    if (start > until) return false;
    if (!terms.has(word)) return;
    if (marks.length === 0) until = start + LONGEST;
    marks.push([start, end]);
  });
  return marks;
}

/**
 * A piece of the text around its first mark, cut at spaces, with the marks it holds shifted
 * into it. Line breaks read as spaces, one for one, so the ranges still hold.
 */
export function snippetOf(text: string, marks: readonly (readonly [number, number])[]): Snippet {
  const first = marks[0];
  let start = 0;
  let end = text.length;
  if (text.length > LONGEST && first) {
    start = Math.max(0, first[0] - BEFORE);
    // From the next word, unless that would start after the mark.
    if (start > 0) {
      const space = text.slice(start, first[0]).search(WHITE_SPACE);
      start = space >= 0 ? start + space + 1 : first[0];
    }
    end = Math.min(text.length, Math.max(start + LONGEST, first[1]));
    if (end < text.length) {
      const lastSpace = text.slice(first[1], end).search(/\s\S*$/);
      if (lastSpace >= 0) end = first[1] + lastSpace;
    }
  } else if (text.length > LONGEST) end = LONGEST;
  const shown = marks
    .filter(([from, to]) => from >= start && to <= end)
    .map(([from, to]) => [from - start, to - start] as const);
  return {
    text: text.slice(start, end).replace(/\s/g, ' '),
    marks: shown,
    cutBefore: start > 0,
    cutAfter: end < text.length,
  };
}

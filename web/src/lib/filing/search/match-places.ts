import type { MatchPlace, SearchHit, Snippet } from './search-query.ts';

/** Where the words were found, in the office's words ("Notes", "From or to", "Page 2"). */
export function placeLabel(place: MatchPlace): string {
  switch (place.field) {
    case 'title':
      return 'Title';
    case 'notes':
      return 'Notes';
    case 'tag':
      return 'Tag';
    case 'correspondent':
      return 'From or to';
    case 'category':
      return 'Category';
    case 'documentType':
      return 'Type';
    case 'customField':
      return 'Field';
    case 'page':
      return `Page ${place.page}`;
  }
}

/** A snippet as runs of plain and marked text, with "…" where it is cut. */
export function snippetParts(snippet: Snippet): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    if (start < at) continue;
    if (start > at) parts.push({ text: snippet.text.slice(at, start), marked: false });
    parts.push({ text: snippet.text.slice(start, end), marked: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), marked: false });
  if (snippet.cutBefore) parts.unshift({ text: '…', marked: false });
  if (snippet.cutAfter) parts.push({ text: '…', marked: false });
  return parts;
}

/** "5", "3 and 5", "3, 5 and 7". */
function inWords(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/**
 * The pages the words are on beyond those shown with a snippet ("Also on pages 4 and 6"), or
 * null when every one is shown.
 */
export function otherPages(hit: Pick<SearchHit, 'matches' | 'pages'>): string | null {
  const shown = new Set(
    hit.matches.flatMap(({ place }) => (place.field === 'page' ? [place.page] : [])),
  );
  const others = hit.pages.filter((page) => !shown.has(page));
  if (others.length === 0) return null;
  const also = shown.size > 0 ? 'Also on' : 'On';
  return others.length === 1
    ? `${also} page ${others[0]}`
    : others.length > 8
      ? `${also} pages ${others.slice(0, 8).join(', ')} and ${others.length - 8} more`
      : `${also} pages ${inWords(others)}`;
}

import { describe, expect, it } from 'vitest';
import { otherPages, placeLabel, snippetParts } from './match-places.ts';
import type { SearchMatch } from './search-query.ts';

const onPage = (page: number): SearchMatch => ({
  place: { field: 'page', page },
  snippet: { text: 'x', marks: [], cutBefore: false, cutAfter: false },
});

describe('where a search matched, in words', () => {
  it('names places as the filing screens do', () => {
    expect(placeLabel({ field: 'page', page: 2 })).toBe('Page 2');
    expect(placeLabel({ field: 'correspondent' })).toBe('From or to');
    expect(placeLabel({ field: 'tag', tagId: 't' })).toBe('Tag');
  });

  it('cuts a snippet into plain and marked runs, with … where the text goes on', () => {
    const parts = snippetParts({
      text: 'total cholesterol 182 and cholesterol',
      marks: [
        [6, 17],
        [26, 37],
      ],
      cutBefore: true,
      cutAfter: true,
    });
    expect(parts).toEqual([
      { text: '…', marked: false },
      { text: 'total ', marked: false },
      { text: 'cholesterol', marked: true },
      { text: ' 182 and ', marked: false },
      { text: 'cholesterol', marked: true },
      { text: '…', marked: false },
    ]);
  });

  it('says which other pages the words are on', () => {
    expect(otherPages({ matches: [onPage(2)], pages: [2] })).toBeNull();
    expect(otherPages({ matches: [onPage(2)], pages: [2, 5] })).toBe('Also on page 5');
    expect(otherPages({ matches: [], pages: [3, 4, 6] })).toBe('On pages 3, 4 and 6');
    const many = Array.from({ length: 11 }, (_, i) => i + 2);
    expect(otherPages({ matches: [onPage(1)], pages: [1, ...many] })).toBe(
      'Also on pages 2, 3, 4, 5, 6, 7, 8, 9 and 3 more',
    );
  });
});

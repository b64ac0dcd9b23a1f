import { describe, expect, it } from 'vitest';
import { fuzzyFind } from './fuzzy-find.ts';

describe('fuzzyFind', () => {
  it('finds each occurrence within the typos allowed, in text order, apart', () => {
    const text = 'labcorp report; lab corp copy; labkorp invoice';
    expect(fuzzyFind('labcorp', text, 1).map(({ start, end }) => text.slice(start, end))).toEqual([
      'labcorp',
      'lab corp',
      'labkorp',
    ]);
  });

  it('reports how many typos each occurrence has', () => {
    expect(fuzzyFind('diagnostics', 'diaqnostlcs', 2)).toEqual([{ start: 0, end: 11, edits: 2 }]);
    expect(fuzzyFind('diagnostics', 'diaqnostlcz', 2)).toEqual([]);
  });

  it('never lets every letter be a typo', () => {
    expect(fuzzyFind('ab', 'xy', 5)).toEqual([]);
    expect(fuzzyFind('', 'anything', 1)).toEqual([]);
  });
});

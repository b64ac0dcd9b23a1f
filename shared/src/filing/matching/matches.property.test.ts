import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MATCHING_ALGORITHMS } from './matching-rule.ts';
import { matches } from './matches.ts';

const wordArb = fc
  .array(fc.constantFrom(...'abcdeLMNOPé'), { minLength: 1, maxLength: 6 })
  .map((letters) => letters.join(''));
const phraseArb = fc.array(wordArb, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const fillerArb = fc.array(fc.oneof(wordArb, fc.constantFrom(' ', '\n', ', ', '.', '  ')), {
  maxLength: 12,
});
/** Text that may hold the phrase, its words apart, or neither. */
const textArb = fc
  .tuple(fillerArb, phraseArb, fillerArb, fc.constantFrom('phrase', 'words', 'none'))
  .chain(([before, phrase, after, how]) =>
    fc.constant({
      phrase,
      text: [
        ...before,
        ' ',
        how === 'phrase' ? phrase : how === 'words' ? phrase.split(' ').reverse().join(' , ') : '',
        ' ',
        ...after,
      ].join(''),
    }),
  );

describe('matches, for any text', () => {
  it('exact implies all, and all implies any, for the same words', () => {
    fc.assert(
      fc.property(textArb, fc.boolean(), ({ phrase, text }, caseSensitive) => {
        const exact = matches({ algorithm: 'exact', pattern: phrase, caseSensitive }, text).matched;
        const all = matches({ algorithm: 'all', pattern: phrase, caseSensitive }, text).matched;
        const any = matches({ algorithm: 'any', pattern: phrase, caseSensitive }, text).matched;
        if (exact) expect(all).toBe(true);
        if (all) expect(any).toBe(true);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('a fuzzy rule finds what an exact rule finds', () => {
    fc.assert(
      fc.property(textArb, ({ phrase, text }) => {
        if (matches({ algorithm: 'exact', pattern: phrase, caseSensitive: false }, text).matched)
          expect(
            matches({ algorithm: 'fuzzy', pattern: phrase, caseSensitive: false }, text).matched,
          ).toBe(true);
      }),
      { seed: 43, numRuns: 1000 },
    );
  });

  it('never throws, and shows only sorted, separate ranges inside the text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MATCHING_ALGORITHMS),
        fc.string({ maxLength: 30 }),
        fc.boolean(),
        fc.string({ maxLength: 300, unit: 'binary' }),
        (algorithm, pattern, caseSensitive, text) => {
          const outcome = matches({ algorithm, pattern, caseSensitive }, text);
          expect(outcome.matched).toBe(outcome.ranges.length > 0);
          let previousEnd = -1;
          for (const { start, end } of outcome.ranges) {
            expect(start).toBeGreaterThan(previousEnd);
            expect(end).toBeGreaterThan(start);
            expect(end).toBeLessThanOrEqual(text.length);
            previousEnd = end;
          }
        },
      ),
      { seed: 44, numRuns: 1500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MATCHING_ALGORITHMS } from './matching-rule.ts';
import { suggestFiling, type MatchCandidate } from './suggest-filing.ts';

const WORDS = ['lab', 'quest', 'result', 'benefits', 'ldl', 'referral', 'ana', 'rivera'];
const wordsArb = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
  .map((w) => w.join(' '));
const candidatesArb = fc
  .uniqueArray(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      name: fc.constantFrom('One', 'Two', 'Same'),
      algorithm: fc.constantFrom(...MATCHING_ALGORITHMS),
      pattern: wordsArb,
    }),
    { selector: (candidate) => candidate.id, maxLength: 6 },
  )
  .map((rows) =>
    rows.map(({ id, name, algorithm, pattern }): MatchCandidate => ({
      id,
      name,
      matching: { algorithm, pattern, caseSensitive: false },
    })),
  );
const textArb = fc
  .array(fc.constantFrom(...WORDS, '03/14/1982', '100042-6', ',', '\n'), { maxLength: 30 })
  .map((w) => w.join(' '));
const patients = [
  {
    id: 'p-1',
    chartNumber: '100042-6',
    givenName: 'Ana',
    familyName: 'Rivera',
    dateOfBirth: '1982-03-14',
  },
  { id: 'p-2', givenName: 'Ana', familyName: 'Rivera', dateOfBirth: '1982-03-14' },
];

const ids = (suggestion: ReturnType<typeof suggestFiling>) => ({
  patient: suggestion.patient?.patient.id,
  category: suggestion.category?.candidate.id,
  documentType: suggestion.documentType?.candidate.id,
  tags: suggestion.tags.map((tag) => tag.candidate.id),
  correspondent: suggestion.correspondent?.candidate.id,
});

describe('suggestFiling, for any candidates', () => {
  it('suggests the same whatever order the candidates come in', () => {
    fc.assert(
      fc.property(textArb, candidatesArb, fc.nat(), (text, list, seed) => {
        const shuffled = [...list].sort(
          (a, b) =>
            ((a.id.charCodeAt(0) * (seed + 7)) % 11) - ((b.id.charCodeAt(0) * (seed + 7)) % 11),
        );
        const all = (cs: MatchCandidate[]) => ({
          categories: cs,
          documentTypes: cs,
          tags: cs,
          correspondents: cs,
        });
        expect(
          ids(suggestFiling(text, { ...all(shuffled), patients: [...patients].reverse() })),
        ).toEqual(ids(suggestFiling(text, { ...all(list), patients })));
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName } from './fold-name.ts';
import { inFamilyNameRange, listSettledBelow, PATIENT_LOAD_RANGES } from './patient-load-order.ts';

/** Letters and marks that fold in every way foldName knows: case, accents, punctuation. */
const CHARS = [...'AaBbCcMmZz', 'Á', 'á', 'Ø', 'ß', 'Ł', 'ñ', "'", '-', ' ', '1', 'İ', 'Ж', '_'];
const nameArb = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 6 })
  .map((chars) => chars.join(''));

describe('PATIENT_LOAD_RANGES', () => {
  it('covers every family name exactly once', () => {
    fc.assert(
      fc.property(nameArb, (name) => {
        expect(PATIENT_LOAD_RANGES.filter((range) => inFamilyNameRange(name, range))).toHaveLength(
          1,
        );
      }),
      { seed: Number(process.env.FC_SEED ?? 20261201), numRuns: 500 },
    );
  });

  it('fills the list from the top: what listSettledBelow promises is read', () => {
    fc.assert(
      fc.property(fc.array(nameArb, { minLength: 1, maxLength: 40 }), (names) => {
        // Read as the device reads: range by range, each in index order.
        const read: { name: string; range: number }[] = [];
        PATIENT_LOAD_RANGES.forEach((range, index) =>
          read.push(
            ...names
              .filter((name) => inFamilyNameRange(name, range))
              .sort(byCodeUnit)
              .map((name) => ({ name, range: index })),
          ),
        );
        for (let i = 0; i < read.length; i++) {
          // Read so far: up to position i (and nothing of the names after it).
          const readSoFar = new Set(read.slice(0, i + 1).map(({ name }) => name));
          const settledBelow = listSettledBelow(read[i]!.range, read[i]!.name);
          if (settledBelow === null) continue;
          for (const name of names)
            if (foldName(name) < settledBelow) expect(readSoFar.has(name)).toBe(true);
        }
      }),
      { seed: Number(process.env.FC_SEED ?? 20261201), numRuns: 500 },
    );
  });
});

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

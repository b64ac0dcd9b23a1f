import { describe, expect, it } from 'vitest';
import { findLikelyDuplicates, scoreDuplicate } from './find-duplicates.ts';
import type { Patient } from './patient.schema.ts';

const patient = (n: number, over: Partial<Patient>): Patient => ({
  id: `019abc00-0000-7000-8000-${String(n).padStart(12, '0')}`,
  kind: 'patient',
  givenName: 'Isolde',
  familyName: 'Quennell',
  dateOfBirth: '1987-04-12',
  sex: 'female',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

const isolde = patient(1, { phone: '+15552010188', email: 'isolde.q@example.org' });
const others = [
  isolde,
  patient(2, {
    givenName: 'Bartholomew',
    familyName: 'Vexley',
    dateOfBirth: '1962-11-30',
    sex: 'male',
  }),
  patient(3, { givenName: 'Isolde', familyName: 'Quennell', dateOfBirth: '1955-01-01' }),
];

describe('findLikelyDuplicates', () => {
  it('finds the chart of a person typed with a misspelt name and the same birth date', () => {
    const [best, ...rest] = findLikelyDuplicates(
      { givenName: 'Isolda', familyName: 'Quenell', dateOfBirth: '1987-04-12' },
      others,
    );
    expect(best?.patient.id).toBe(isolde.id);
    expect(best?.reasons).toEqual([
      'same date of birth',
      'similar last name',
      'similar first name',
    ]);
    expect(rest).toEqual([]);
  });

  it('finds a chart by phone or email alone with a matching name', () => {
    expect(
      findLikelyDuplicates({ givenName: 'Isolde', phone: '+15552010188' }, others)[0]?.patient.id,
    ).toBe(isolde.id);
    expect(
      findLikelyDuplicates({ familyName: 'Quennell', email: 'ISOLDE.Q@example.org' }, others)[0]
        ?.patient.id,
    ).toBe(isolde.id);
  });

  it('catches day and month swapped', () => {
    const match = scoreDuplicate(
      { givenName: 'Isolde', familyName: 'Quennell', dateOfBirth: '1987-12-04' },
      isolde,
    );
    expect(match.reasons).toContain('date of birth one typo apart');
  });

  it('stays quiet until there is something to go on, and for different people', () => {
    expect(findLikelyDuplicates({ givenName: 'Isolde' }, others)).toEqual([]);
    expect(
      findLikelyDuplicates(
        { givenName: 'Marta', familyName: 'Ruiz', dateOfBirth: '1990-05-05' },
        others,
      ),
    ).toEqual([]);
  });

  it('does not take a relative sharing the phone and last name for the same person', () => {
    expect(
      findLikelyDuplicates(
        {
          givenName: 'Ines',
          familyName: 'Quennell',
          dateOfBirth: '2016-09-01',
          phone: '+15552010188',
        },
        others,
      ),
    ).toEqual([]);
  });

  it('counts a known different sex against a match', () => {
    const same = scoreDuplicate(
      { givenName: 'Isolde', familyName: 'Quennell', sex: 'female' },
      isolde,
    );
    const other = scoreDuplicate(
      { givenName: 'Isolde', familyName: 'Quennell', sex: 'male' },
      isolde,
    );
    expect(other.score).toBeLessThan(same.score);
  });
});

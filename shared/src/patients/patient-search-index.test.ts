import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatientSearchIndex } from './patient-search-index.ts';
import { patientQuery, type SearchablePatient } from './search-patients.ts';

const person = (
  id: number,
  givenName: string,
  familyName: string,
  over: Partial<SearchablePatient> = {},
): SearchablePatient => ({
  id: `019abc00-0000-7000-8000-${String(id).padStart(12, '0')}`,
  givenName,
  familyName,
  dateOfBirth: '1980-01-31',
  ...over,
});

const ids = (index: PatientSearchIndex, text: string, limit = 1000) =>
  index.search(text, limit).shown.map((patient) => `${patient.givenName} ${patient.familyName}`);

describe('PatientSearchIndex', () => {
  const index = new PatientSearchIndex();
  index.reset([
    person(1, 'Jo', 'Smith', { phone: '+15552010147', chartNumber: '100042-7' }),
    person(2, 'José', 'Núñez-Obrien', { dateOfBirth: '1975-06-02', chartNumber: '100043-5' }),
    person(3, 'Wilhelmina', 'Brackenbury', { middleName: 'Ann', chartNumber: '100420-1' }),
    person(4, 'John', 'Smyth', {
      phone: '+15559990000',
      otherPhones: { work: '+15553337777' },
      preferredName: 'Jack',
      previousNames: { a1: { familyName: 'Delacroix' } },
    }),
    person(6, 'Aaron', 'Abel', { chartNumber: '1000435-0' }),
    person(5, 'Ann', 'Smith', { mergedInto: '019abc00-0000-7000-8000-000000000001' }),
  ]);

  it('finds names in any order, by prefix, with a typo from four letters and two from eight', () => {
    expect(ids(index, 'smi jo')).toEqual(['Jo Smith']);
    expect(ids(index, 'smyth john')).toEqual(['John Smyth']);
    expect(ids(index, 'jo smtih')).toEqual(['Jo Smith']);
    expect(ids(index, 'brackenbery wilhelmena')).toEqual(['Wilhelmina Brackenbury']);
    expect(ids(index, 'brakcenbury ann')).toEqual(['Wilhelmina Brackenbury']);
    expect(ids(index, 'jp')).toEqual([]);
    expect(ids(index, 'smxxx')).toEqual([]);
    expect(ids(index, 'OBRIEN jose')).toEqual(['José Núñez-Obrien']);
    // Preferred and previous names find the chart too.
    expect(ids(index, 'jack smyth')).toEqual(['John Smyth']);
    expect(ids(index, 'delacriox john')).toEqual(['John Smyth']);
  });

  it('lists matches in family-name order and counts them all', () => {
    expect(ids(index, 'sm')).toEqual(['Jo Smith', 'John Smyth']);
    expect(index.search('sm', 1)).toMatchObject({ total: 2, shown: [{ givenName: 'Jo' }] });
    expect(index.search('')).toMatchObject({ total: 5 });
    expect(ids(index, '')).toEqual([
      'Aaron Abel',
      'Wilhelmina Brackenbury',
      'José Núñez-Obrien',
      'Jo Smith',
      'John Smyth',
    ]);
  });

  it('finds by date of birth and by phone digits', () => {
    expect(ids(index, '06/02/1975')).toEqual(['José Núñez-Obrien']);
    expect(ids(index, '201-0147')).toEqual(['Jo Smith']);
    expect(ids(index, '999-0000')).toEqual(['John Smyth']);
    expect(ids(index, '0147')).toEqual(['Jo Smith']);
    expect(ids(index, '333-7777')).toEqual(['John Smyth']);
  });

  it('finds by chart number, exact or the start of it, with the exact chart first', () => {
    expect(ids(index, '100042-7')).toEqual(['Jo Smith']);
    expect(ids(index, '1000427')).toEqual(['Jo Smith']);
    expect(ids(index, '10004')).toEqual(['Aaron Abel', 'José Núñez-Obrien', 'Jo Smith']);
    expect(ids(index, '1004')).toEqual(['Wilhelmina Brackenbury']);
    expect(ids(index, '100043-5')).toEqual(['José Núñez-Obrien', 'Aaron Abel']);
    expect(ids(index, '100043')).toEqual(['Aaron Abel', 'José Núñez-Obrien']);
  });

  it('never returns a chart merged into another', () => {
    expect(ids(index, 'ann smith')).toEqual([]);
    expect(ids(index, 'ann')).toEqual(['Wilhelmina Brackenbury']);
  });

  it('lists names matching as typed before names one typo away', () => {
    const clinic = new PatientSearchIndex();
    clinic.reset([
      person(1, 'Katharina', 'Abbott'),
      person(2, 'Rachel', 'Bath'),
      person(3, 'Ines', 'Rath'),
      person(4, 'Omar', 'Rathbone'),
    ]);
    expect(ids(clinic, 'rath')).toEqual([
      'Ines Rath',
      'Omar Rathbone',
      'Katharina Abbott',
      'Rachel Bath',
    ]);
    expect(ids(clinic, 'ines rath')).toEqual(['Ines Rath']);
  });

  it('keeps names matching as typed first when thousands match only by a typo', () => {
    const crowd = Array.from({ length: 2_500 }, (_, n) => person(n + 10, 'Ann', 'Bath'));
    const clinic = new PatientSearchIndex();
    clinic.reset([...crowd, person(1, 'Ines', 'Rath'), person(2, 'Zoe', 'Rath')]);
    const found = clinic.search('rath', 5);
    expect(found.total).toBe(2_502);
    expect(found.shown.map((p) => `${p.givenName} ${p.familyName}`)).toEqual([
      'Ines Rath',
      'Zoe Rath',
      'Ann Bath',
      'Ann Bath',
      'Ann Bath',
    ]);
  });

  it('follows edits, deletions and merges one change at a time', () => {
    const live = new PatientSearchIndex();
    live.reset([person(1, 'Jo', 'Smith'), person(2, 'Ada', 'Lovelace')]);
    expect(ids(live, '')).toEqual(['Ada Lovelace', 'Jo Smith']);
    live.put(person(1, 'Jo', 'Abbott'));
    expect(ids(live, 'smith')).toEqual([]);
    expect(ids(live, 'abot')).toEqual(['Jo Abbott']);
    expect(ids(live, '')).toEqual(['Jo Abbott', 'Ada Lovelace']);
    live.put(person(3, 'Grace', 'Hopper'));
    expect(ids(live, '')).toEqual(['Jo Abbott', 'Grace Hopper', 'Ada Lovelace']);
    live.remove(person(2, '', '').id);
    live.put(person(1, 'Jo', 'Abbott', { mergedInto: person(3, '', '').id }));
    expect(ids(live, '')).toEqual(['Grace Hopper']);
    expect(live.size).toBe(1);
    expect(live.get(person(3, '', '').id)?.familyName).toBe('Hopper');
  });
});

/** Made-up names close to each other, so that typos and prefixes collide often. */
const NAMES = ['ann', 'anna', 'annette', 'jon', 'john', 'johnson', 'jonson', 'smith', 'smyth'];
const MORE = ['smithers', 'brackenbury', 'brackenberry', 'nunez', 'obrien', 'mcdonald', 'lee'];
const nameArb = fc.constantFrom(...NAMES, ...MORE);
const patientArb = fc.record({
  givenName: nameArb,
  middleName: fc.option(nameArb, { nil: undefined }),
  familyName: nameArb,
  dateOfBirth: fc.constantFrom('1980-01-31', '1975-06-02', '2001-12-09'),
  phone: fc.option(fc.constantFrom('+15552010147', '+15559990147', '+15550100100'), {
    nil: undefined,
  }),
  chartNumber: fc.option(fc.constantFrom('100042-7', '100043-5', '100420-1', '200001-3'), {
    nil: undefined,
  }),
  merged: fc.boolean(),
});
const typedArb = fc.oneof(
  fc
    .array(
      nameArb.chain((name) =>
        fc.oneof(
          fc.nat({ max: name.length }).map((n) => name.slice(0, Math.max(1, n))),
          fc.nat({ max: name.length - 1 }).map((i) => name.slice(0, i) + 'x' + name.slice(i + 1)),
          fc
            .nat({ max: name.length - 2 })
            .map((i) => name.slice(0, i) + name.slice(i + 1, i + 2) + name[i] + name.slice(i + 2)),
        ),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((words) => words.join(' ')),
  fc.constantFrom('01/31/1980', '2001-12-09', '0147', '555', '1000', '100042-7', '2000013', ''),
);

describe('PatientSearchIndex against the reference search', () => {
  it('gives exactly the patients patientQuery matches, after any sequence of changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 14 }), fc.option(patientArb, { nil: null })), {
          maxLength: 60,
        }),
        fc.array(typedArb, { minLength: 1, maxLength: 8 }),
        (changes, queries) => {
          const index = new PatientSearchIndex();
          const current = new Map<string, SearchablePatient>();
          for (const [n, change] of changes) {
            const id = person(n, '', '').id;
            if (change === null) {
              index.remove(id);
              current.delete(id);
            } else {
              const { merged, ...fields } = change;
              const patient = { id, ...fields, ...(merged ? { mergedInto: id } : {}) };
              index.put(patient);
              current.set(id, patient);
            }
          }
          for (const text of queries) {
            const expected = [...current.values()].filter(patientQuery(text)).map((p) => p.id);
            const found = index.search(text, Infinity);
            expect(found.total).toBe(expected.length);
            expect(found.shown.map((p) => p.id).sort()).toEqual(expected.sort());
          }
        },
      ),
      { seed: Number(process.env.FC_SEED ?? 20261127), numRuns: 300 },
    );
  });
});

describe('PatientSearchIndex.putMany (a device reading its patients page by page)', () => {
  it('answers exactly as put one at a time, in the same order, whatever was asked between pages', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(fc.nat({ max: 14 }), patientArb), { maxLength: 8 }), {
          maxLength: 8,
        }),
        fc.array(typedArb, { minLength: 1, maxLength: 4 }),
        (pages, queries) => {
          const paged = new PatientSearchIndex();
          const single = new PatientSearchIndex();
          for (const [p, page] of pages.entries()) {
            const patients = page.map(([n, { merged, ...fields }]) => {
              const id = person(n, '', '').id;
              return { id, ...fields, ...(merged ? { mergedInto: id } : {}) };
            });
            paged.putMany(patients);
            for (const patient of patients) single.put(patient);
            // Asking builds the list and chart orders, which later pages then merge into.
            const text = queries[p % queries.length]!;
            expect(paged.search(text, Infinity)).toEqual(single.search(text, Infinity));
          }
          for (const text of queries)
            expect(paged.search(text, Infinity)).toEqual(single.search(text, Infinity));
          expect(paged.size).toBe(single.size);
        },
      ),
      { seed: Number(process.env.FC_SEED ?? 20261201), numRuns: 300 },
    );
  });
});

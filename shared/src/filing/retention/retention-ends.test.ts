import { describe, expect, it } from 'vitest';
import { retentionEnds } from './retention-ends.ts';

describe('retentionEnds', () => {
  it('counts N years from the document date', () => {
    expect(
      retentionEnds({ basis: 'document-date', years: 7 }, { documentDate: '2019-06-30' }),
    ).toEqual({ computable: true, endsOn: '2026-06-30' });
  });

  it('puts 29 February + N years on 1 March of a common year, and keeps it in a leap year', () => {
    const rule = { basis: 'document-date', years: 7 } as const;
    expect(retentionEnds(rule, { documentDate: '2020-02-29' })).toEqual({
      computable: true,
      endsOn: '2027-03-01',
    });
    expect(retentionEnds({ ...rule, years: 8 }, { documentDate: '2020-02-29' })).toEqual({
      computable: true,
      endsOn: '2028-02-29',
    });
  });

  it('counts from the last visit, or from the document date when it came in later', () => {
    const rule = { basis: 'last-visit', years: 10 } as const;
    expect(retentionEnds(rule, { documentDate: '2015-01-10', lastVisit: '2024-05-02' })).toEqual({
      computable: true,
      endsOn: '2034-05-02',
    });
    expect(retentionEnds(rule, { documentDate: '2024-08-01', lastVisit: '2024-05-02' })).toEqual({
      computable: true,
      endsOn: '2034-08-01',
    });
  });

  it("keeps a minor's record until N years past majority when that is later", () => {
    const rule = { basis: 'age-of-majority', years: 7, majorityAge: 18 } as const;
    // Born 2015: majority 2033-04-12, + 7 years = 2040-04-12, later than 2020 + 7.
    expect(retentionEnds(rule, { documentDate: '2020-01-15', dateOfBirth: '2015-04-12' })).toEqual({
      computable: true,
      endsOn: '2040-04-12',
    });
    // An adult's record: the document date + 7 years is the later one.
    expect(retentionEnds(rule, { documentDate: '2020-01-15', dateOfBirth: '1970-04-12' })).toEqual({
      computable: true,
      endsOn: '2027-01-15',
    });
  });

  it('places a leap-day birthday of majority first, then adds the years', () => {
    // 2004-02-29 + 18 = 2022-03-01 (no 29 February in 2022); + 10 = 2032-03-01, a day after
    // 2004-02-29 + 28 in one step would have said.
    const rule = { basis: 'age-of-majority', years: 10, majorityAge: 18 } as const;
    expect(retentionEnds(rule, { documentDate: '2010-01-01', dateOfBirth: '2004-02-29' })).toEqual({
      computable: true,
      endsOn: '2032-03-01',
    });
  });

  it('does not guess a missing or unreadable fact', () => {
    expect(
      retentionEnds({ basis: 'last-visit', years: 10 }, { documentDate: '2020-01-01' }),
    ).toEqual({
      computable: false,
      missing: 'last-visit',
      message: 'The patient has no recorded visit',
    });
    expect(
      retentionEnds(
        { basis: 'age-of-majority', years: 7 },
        { documentDate: '2020-01-01', dateOfBirth: '2020-02-30' },
      ),
    ).toMatchObject({ computable: false, missing: 'date-of-birth' });
    expect(retentionEnds({ basis: 'document-date', years: 7 }, {})).toMatchObject({
      computable: false,
      missing: 'document-date',
    });
  });
});

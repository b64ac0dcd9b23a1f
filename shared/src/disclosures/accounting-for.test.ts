import { describe, expect, it } from 'vitest';
import type { AccountingEntry } from './accounting-entry.ts';
import { accountingFor, suspensionEnds } from './accounting-for.ts';

const entry = (
  releaseId: string,
  disclosedOn: string,
  recipientName = 'Synthetic & Partners LLP',
  patientId = 'p-1',
): AccountingEntry => ({
  releaseId,
  patientId,
  disclosedOn,
  recipientName,
  recipientAddress: null,
  description: 'Office notes',
  purpose: 'court-order-or-subpoena',
  purposeStatement: 'Subpoena',
  requestDocumentId: null,
});
const ids = (entries: AccountingEntry[]) => entries.map((e) => e.releaseId);

describe('accountingFor', () => {
  it('covers the six years before the request, both ends included, oldest first', () => {
    const entries = [
      entry('today', '2026-03-15'),
      entry('edge', '2020-03-15'),
      entry('older', '2020-03-14'),
      entry('mid', '2023-01-01'),
      entry('other', '2024-01-01', 'X', 'p-2'),
      entry('after', '2026-03-16'),
    ];
    const accounting = accountingFor(entries, 'p-1', '2026-03-15');
    expect([accounting.from, accounting.to]).toEqual(['2020-03-15', '2026-03-15']);
    expect(ids(accounting.entries)).toEqual(['edge', 'mid', 'today']);
  });

  it('starts on 28 February when the request is on 29 February, so the sixth year is whole', () => {
    const accounting = accountingFor(
      [entry('feb28', '2022-02-28'), entry('feb27', '2022-02-27')],
      'p-1',
      '2028-02-29',
    );
    expect(accounting.from).toBe('2022-02-28');
    expect(ids(accounting.entries)).toEqual(['feb28']);
  });

  it('covers a shorter period when the patient asks for one, and lists one day by release id', () => {
    const entries = [
      entry('b', '2025-06-01'),
      entry('a', '2025-06-01'),
      entry('early', '2024-01-01'),
    ];
    expect(
      ids(accountingFor(entries, 'p-1', '2026-03-15', { since: '2025-01-01' }).entries),
    ).toEqual(['a', 'b']);
  });

  it('holds back disclosures to an agency that suspended them, while the suspension lasts', () => {
    const entries = [
      entry('oversight', '2026-02-01', 'State Medical Board'),
      entry('court', '2026-02-02'),
    ];
    const suspensions = [
      {
        recipientName: 'state medical  board',
        statedOn: '2026-02-10',
        form: 'written' as const,
        until: '2026-06-30',
      },
    ];
    const during = accountingFor(entries, 'p-1', '2026-03-15', { suspensions });
    expect(ids(during.entries)).toEqual(['court']);
    expect(during.suspended).toEqual([{ entry: entries[0], until: '2026-06-30' }]);
    expect(ids(accountingFor(entries, 'p-1', '2026-07-01', { suspensions }).entries)).toEqual([
      'oversight',
      'court',
    ]);
  });

  it('lets an oral suspension last at most 30 days', () => {
    expect(suspensionEnds({ recipientName: 'Police', statedOn: '2026-03-01', form: 'oral' })).toBe(
      '2026-03-31',
    );
    expect(
      suspensionEnds({
        recipientName: 'Police',
        statedOn: '2026-03-01',
        form: 'oral',
        until: '2026-12-31',
      }),
    ).toBe('2026-03-31');
    expect(
      suspensionEnds({
        recipientName: 'Police',
        statedOn: '2026-03-01',
        form: 'oral',
        until: '2026-03-10',
      }),
    ).toBe('2026-03-10');
    const entries = [entry('police', '2026-02-20', 'Police')];
    const oral = [{ recipientName: 'Police', statedOn: '2026-03-01', form: 'oral' as const }];
    expect(accountingFor(entries, 'p-1', '2026-03-31', { suspensions: oral }).entries).toEqual([]);
    expect(ids(accountingFor(entries, 'p-1', '2026-04-01', { suspensions: oral }).entries)).toEqual(
      ['police'],
    );
  });
});

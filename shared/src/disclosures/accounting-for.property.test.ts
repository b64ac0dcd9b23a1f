import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears } from '../dates/calendar-days.ts';
import type { AccountingEntry } from './accounting-entry.ts';
import { accountingFor } from './accounting-for.ts';

const dateArb = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2000-01-01', n));
const entryArb: fc.Arbitrary<AccountingEntry> = fc.record({
  releaseId: fc.string({ minLength: 1, maxLength: 3 }),
  patientId: fc.constantFrom('p-1', 'p-2'),
  disclosedOn: dateArb,
  recipientName: fc.constantFrom('Court', 'Board', 'Police'),
  recipientAddress: fc.constant(null),
  description: fc.constant('Records'),
  purpose: fc.constantFrom('court-order-or-subpoena', 'health-oversight', 'law-enforcement'),
  purposeStatement: fc.constant('Purpose'),
  requestDocumentId: fc.constant(null),
});

describe('accountingFor, over any entries', () => {
  it("lists exactly the patient's entries of the six years before the request, oldest first", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 40 }), dateArb, (entries, requestDate) => {
        const { entries: listed, from } = accountingFor(entries, 'p-1', requestDate);
        expect(from).toBe(addYears(requestDate, -6, 'february-28'));
        for (const entry of listed) {
          expect(entry.patientId).toBe('p-1');
          expect(entry.disclosedOn >= from && entry.disclosedOn <= requestDate).toBe(true);
        }
        const expected = entries.filter(
          (e) => e.patientId === 'p-1' && e.disclosedOn >= from && e.disclosedOn <= requestDate,
        );
        expect(listed).toHaveLength(expected.length);
        expect(
          listed.every((entry, i) => i === 0 || listed[i - 1]!.disclosedOn <= entry.disclosedOn),
        ).toBe(true);
      }),
      { seed: 164528, numRuns: 500 },
    );
  });

  it('loses nothing to a suspension: each entry is listed or held back, never both', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 30 }),
        dateArb,
        dateArb,
        (entries, requestDate, statedOn) => {
          const suspensions = [{ recipientName: 'Board', statedOn, form: 'oral' as const }];
          const plain = accountingFor(entries, 'p-1', requestDate);
          const held = accountingFor(entries, 'p-1', requestDate, { suspensions });
          expect(held.entries.length + held.suspended.length).toBe(plain.entries.length);
          expect(held.entries.every((e) => !held.suspended.some((s) => s.entry === e))).toBe(true);
        },
      ),
      { seed: 2, numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../dates/calendar-days.ts';
import type { HoldLike } from '../legal-hold/held-by.ts';
import type { ScopedRetentionRule } from './applicable-retention.ts';
import { dispositionDue } from './disposition-due.ts';
import { retentionEnds } from './retention-ends.ts';
import { RETENTION_BASES, type RetentionRule } from './retention-rule.ts';

// Any day from 1900 to 2100, 29 February of leap years included.
const dateArb = fc.integer({ min: 0, max: 73_000 }).map((n) => addDays('1900-01-01', n));
const factsArb = fc.record({
  documentDate: dateArb,
  lastVisit: fc.option(dateArb, { nil: undefined }),
  dateOfBirth: fc.option(dateArb, { nil: undefined }),
});
const ruleArb: fc.Arbitrary<RetentionRule> = fc.record({
  basis: fc.constantFrom(...RETENTION_BASES),
  years: fc.integer({ min: 0, max: 100 }),
  majorityAge: fc.integer({ min: 14, max: 25 }),
});

describe('retention, for any dates and rules', () => {
  it('never ends before the document date', () => {
    fc.assert(
      fc.property(ruleArb, factsArb, (rule, facts) => {
        const end = retentionEnds(rule, facts);
        if (end.computable) expect(end.endsOn >= facts.documentDate).toBe(true);
      }),
      { seed: 1, numRuns: 2000 },
    );
  });

  it('never ends sooner under a longer rule', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 0, max: 50 }), factsArb, (rule, more, facts) => {
        const shorter = retentionEnds(rule, facts);
        const longer = retentionEnds({ ...rule, years: Math.min(100, rule.years + more) }, facts);
        expect(longer.computable).toBe(shorter.computable);
        if (shorter.computable && longer.computable)
          expect(longer.endsOn >= shorter.endsOn).toBe(true);
      }),
      { seed: 2, numRuns: 2000 },
    );
  });

  it('never makes anything due by adding a hold', () => {
    const patients = ['p1', 'p2', 'p3'];
    const documentArb = fc.record({
      id: fc.constantFrom('d1', 'd2', 'd3', 'd4'),
      patientId: fc.option(fc.constantFrom(...patients), { nil: undefined }),
      categoryChain: fc.constantFrom(['labs', 'clinical'], ['clinical'], ['invoices'], []),
      documentDate: dateArb,
      lastVisit: fc.option(dateArb, { nil: undefined }),
      dateOfBirth: fc.option(dateArb, { nil: undefined }),
    });
    const scopedArb: fc.Arbitrary<ScopedRetentionRule> = fc
      .tuple(ruleArb, fc.constantFrom('labs', 'clinical', 'invoices'), fc.nat(9))
      .map(([rule, categoryId, n]) => ({ ...rule, id: `r${n}`, categoryId }));
    const holdArb: fc.Arbitrary<HoldLike> = fc
      .tuple(fc.constantFrom('d1', 'd2', undefined), fc.constantFrom(...patients), fc.boolean())
      .map(([documentId, patientId, onDocument]) => ({
        id: `h-${documentId ?? patientId}`,
        ...(onDocument && documentId ? { documentId } : { patientId }),
        placed: { at: '2030-01-01T00:00:00.000Z' },
      }));
    fc.assert(
      fc.property(
        fc.array(documentArb),
        fc.array(scopedArb),
        fc.array(holdArb),
        holdArb,
        dateArb,
        (docs, rules, holds, extra, today) => {
          const now = `${today}T12:00:00.000Z`;
          const before = dispositionDue(docs, rules, holds, today, now).due.map((d) => d.document);
          const after = dispositionDue(docs, rules, [...holds, extra], today, now).due.map(
            (d) => d.document,
          );
          expect(after.every((doc) => before.includes(doc))).toBe(true);
          expect(after.length).toBeLessThanOrEqual(before.length);
        },
      ),
      { seed: 3, numRuns: 500 },
    );
  });
});

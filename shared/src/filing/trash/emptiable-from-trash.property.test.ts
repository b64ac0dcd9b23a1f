import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HoldLike } from '../legal-hold/held-by.ts';
import { emptiableFromTrash } from './emptiable-from-trash.ts';

const START = Date.parse('2026-01-01T00:00:00.000Z');
const DAY = 86_400_000;
const instant = (offsetMs: number) => new Date(START + offsetMs).toISOString();
const PATIENTS = ['p1', 'p2', 'p3'];

const documentArb = fc.record({
  id: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5'),
  patientId: fc.option(fc.constantFrom(...PATIENTS), { nil: undefined }),
  trashed: fc.record({ at: fc.integer({ min: 0, max: 90 * DAY }).map(instant) }),
});
const holdArb: fc.Arbitrary<HoldLike> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    target: fc.oneof(
      fc.record({ documentId: fc.constantFrom('d1', 'd2', 'd3') }),
      fc.record({ patientId: fc.constantFrom(...PATIENTS) }),
    ),
    placed: fc.integer({ min: 0, max: 200 * DAY }),
    released: fc.option(fc.integer({ min: 0, max: 200 * DAY }), { nil: undefined }),
  })
  .map(({ id, target, placed, released }) => ({
    id,
    ...target,
    placed: { at: instant(placed) },
    ...(released === undefined ? {} : { released: { at: instant(placed + released) } }),
  }));
const clockArb = fc.integer({ min: 0, max: 200 * DAY }).map(instant);
const periodArb = fc.integer({ min: 1, max: 365 });

describe('emptiableFromTrash, on an injected clock', () => {
  it('never empties a document a standing hold covers, whenever it was placed', () => {
    fc.assert(
      fc.property(
        fc.array(documentArb),
        fc.array(holdArb),
        clockArb,
        periodArb,
        (docs, holds, now, period) => {
          const review = emptiableFromTrash(docs, holds, now, period);
          for (const doc of review.emptiable)
            for (const hold of holds) {
              const covers =
                hold.documentId === doc.id ||
                (hold.patientId !== undefined && hold.patientId === doc.patientId);
              const stands = !hold.released || Date.parse(hold.released.at) > Date.parse(now);
              expect(covers && stands).toBe(false);
            }
        },
      ),
      { seed: 20260301, numRuns: 300 },
    );
  });

  it('adding a hold never makes more documents emptiable', () => {
    fc.assert(
      fc.property(
        fc.array(documentArb),
        fc.array(holdArb),
        holdArb,
        clockArb,
        (docs, holds, extra, now) => {
          const without = emptiableFromTrash(docs, holds, now).emptiable;
          const withHold = emptiableFromTrash(docs, [...holds, extra], now).emptiable;
          expect(withHold.every((doc) => without.includes(doc))).toBe(true);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('once emptiable, stays emptiable as the clock moves on (with no new hold)', () => {
    fc.assert(
      fc.property(
        fc.array(documentArb),
        clockArb,
        fc.integer({ min: 0, max: 100 * DAY }),
        periodArb,
        (docs, now, later, period) => {
          const earlier = emptiableFromTrash(docs, [], now, period).emptiable;
          const after = emptiableFromTrash(
            docs,
            [],
            instant(Date.parse(now) - START + later),
            period,
          ).emptiable;
          expect(earlier.every((doc) => after.includes(doc))).toBe(true);
        },
      ),
      { seed: 99, numRuns: 300 },
    );
  });

  it('sorts every document into exactly one list', () => {
    fc.assert(
      fc.property(fc.array(documentArb), fc.array(holdArb), clockArb, (docs, holds, now) => {
        const review = emptiableFromTrash(docs, holds, now);
        expect(review.emptiable.length + review.held.length + review.waiting.length).toBe(
          docs.length,
        );
      }),
      { seed: 3, numRuns: 200 },
    );
  });
});

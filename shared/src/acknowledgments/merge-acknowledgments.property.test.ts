import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editorFor } from '../policies/policy.fixture.ts';
import type { Acknowledgment, QuizAttempt } from './acknowledgment.schema.ts';
import { mergeAcknowledgments } from './merge-acknowledgments.ts';

/**
 * One person's acknowledgment of one version recorded on two devices apart (tries at the quiz
 * on the reception tablet and on their own phone, an acknowledgment on either or both). Seeded:
 * FC_SEED=<seed> replays a failure.
 */
const SEED = Number(process.env.FC_SEED ?? 20261214);

const base: Acknowledgment = {
  id: 'policy-1-v2-u-dana',
  kind: 'acknowledgment',
  campaignId: 'campaign-1',
  policyId: 'policy-1',
  versionId: 'policy-1-v2',
  staffId: 'u-dana',
  contentHash: '1'.repeat(64),
  deviceId: '019abc00-0000-7000-8000-000000000001',
  method: 'pin',
  offline: false,
  recordedBy: editorFor('u-dana', 1),
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
};

const minute = (n: number) => `2026-03-01T10:${String(n).padStart(2, '0')}:00.000Z`;
const attemptArb: fc.Arbitrary<QuizAttempt> = fc.record({
  at: fc.nat(59).map(minute),
  answers: fc.array(fc.nat(3), { minLength: 2, maxLength: 2 }),
  passed: fc.boolean(),
});

const sideArb = (device: number) =>
  fc
    .record({
      attempts: fc.array(attemptArb, { maxLength: 3 }),
      acknowledgedAt: fc.option(fc.nat(59).map(minute), { nil: undefined }),
      offline: fc.boolean(),
    })
    .map(({ attempts, acknowledgedAt, offline }): Acknowledgment => ({
      ...base,
      attempts: [...(base.attempts ?? []), ...attempts],
      ...(acknowledgedAt ? { acknowledgedAt } : {}),
      deviceId: `019abc00-0000-7000-8000-00000000000${device}`,
      recordedBy: editorFor(device === 2 ? 'u-front' : 'u-dana', device),
      offline,
      updatedAt: minute(59),
      editedBy: editorFor('u-dana', device),
    }));

describe('mergeAcknowledgments: one person’s acknowledgment on two devices apart', () => {
  it('keeps every attempt once, the earlier acknowledgment whole, in either order, never a conflict', () => {
    fc.assert(
      fc.property(sideArb(2), sideArb(3), (a, b) => {
        const ab = mergeAcknowledgments(base, a, b);
        const ba = mergeAcknowledgments(base, b, a);
        expect(ab.conflicts).toBeUndefined();
        expect(ba.conflicts).toBeUndefined();
        const { editedBy: _x, updatedAt: _y, ...restAb } = ab;
        const { editedBy: _z, updatedAt: _w, ...restBa } = ba;
        expect(restAb).toEqual(restBa);
        const all = new Set(
          [...(a.attempts ?? []), ...(b.attempts ?? [])].map((t) => JSON.stringify(t)),
        );
        expect((ab.attempts ?? []).map((t) => JSON.stringify(t)).sort()).toEqual([...all].sort());
        const acts = [a, b].filter((s) => s.acknowledgedAt).sort((x, y) => (x.acknowledgedAt! < y.acknowledgedAt! ? -1 : 1)); // prettier-ignore
        expect(ab.acknowledgedAt).toBe(acts[0]?.acknowledgedAt);
        if (acts.length === 1) expect(ab.deviceId).toBe(acts[0]!.deviceId);
        // Merging again changes nothing.
        expect(mergeAcknowledgments(a, ab, a).attempts).toEqual(ab.attempts);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

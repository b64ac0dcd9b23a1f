import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeEdits } from '../sync/merge-edits.ts';
import { FULL_PATIENT } from './full-patient.fixture.ts';
import { type Patient, patientSchema } from './patient.schema.ts';

/**
 * The sync merge over the registration record's nested parts (keyed contacts, plans by order,
 * flat consent objects): two valid edits always merge into a valid record (so the server never
 * refuses a merged push), and entries added on two devices are all kept. Seeded: FC_SEED.
 */
const SEED = Number(process.env.FC_SEED ?? 20261126);
const RUNS = Number(process.env.FC_RUNS ?? 300);

type Edit = (p: Patient) => void;
const contact = (name: string, phone: string) => ({ name, relationship: 'friend' as const, phone });

/** Edits a receptionist makes, each valid on its own. */
const EDITS: Record<string, Edit> = {
  addContactA: (p) =>
    void (p.emergencyContacts = {
      ...p.emergencyContacts,
      ka: contact('Lee Park', '+15552010160'),
    }),
  addContactB: (p) =>
    void (p.emergencyContacts = {
      ...p.emergencyContacts,
      kb: contact('Ana Ruiz', '+15552010161'),
    }),
  editContact: (p) => {
    const first = Object.keys(p.emergencyContacts ?? {})[0];
    if (first && p.emergencyContacts?.[first]) p.emergencyContacts[first].phone = '+15552010162';
  },
  removeContacts: (p) => void delete p.emergencyContacts,
  removePrimaryPlan: (p) => void (p.coverage = { ...p.coverage, primary: undefined }),
  selfPayPrimary: (p) => void (p.coverage = { ...p.coverage, primary: { payerType: 'self-pay' } }),
  memberId: (p) => void (p.coverage?.primary && (p.coverage.primary.memberId = 'NEW123')),
  subscriberSelf: (p) => {
    const plan = p.coverage?.primary;
    if (plan) {
      plan.relationship = 'self';
      delete plan.subscriber;
    }
  },
  tertiary: (p) =>
    void (p.coverage = {
      ...p.coverage,
      tertiary: { payerType: 'other', payerName: 'Union Fund' },
    }),
  npNotObtained: (p) => void (p.privacyNotice = { status: 'not-obtained', version: '2026-02', date: '2026-11-21', effort: 'Offered twice', reason: 'Refused' }), // prettier-ignore
  npAcknowledged: (p) => void (p.privacyNotice = { status: 'acknowledged', version: '2026-02', date: '2026-11-22', method: 'signed-paper' }), // prettier-ignore
  noSms: (p) => void (p.communication = { ...p.communication, sms: false }),
  race: (p) => void (p.race = ['declined']),
  guarantorGone: (p) => void delete p.guarantor,
  guarantorPhone: (p) => void (p.guarantor && (p.guarantor.phone = '+15552010163')),
  revokeTelehealth: (p) => void (p.consents = { ...p.consents, telehealth: { status: 'revoked', version: '2', date: '2026-11-23' } }), // prettier-ignore
  mobile: (p) => void (p.otherPhones = { ...p.otherPhones, work: '+15552010164' }),
};
const NAMES = Object.keys(EDITS);

function edited(names: string[], at: string, userId: string): Patient {
  const p = structuredClone(FULL_PATIENT);
  for (const name of names) EDITS[name]?.(p);
  p.updatedAt = at;
  p.editedBy = { userId, name: userId, deviceId: '019abc00-0000-7000-8000-00000000000a' };
  return JSON.parse(JSON.stringify(p)) as Patient;
}

const sides = fc.record({
  kept: fc.subarray(NAMES),
  other: fc.subarray(NAMES),
});

describe('merging two edits of a full patient record', () => {
  it('always gives a record that passes the schema', () => {
    fc.assert(
      fc.property(sides, ({ kept, other }) => {
        const merged = mergeEdits(
          FULL_PATIENT,
          edited(kept, '2026-11-26T09:00:00.000Z', 'u1'),
          edited(other, '2026-11-26T10:00:00.000Z', 'u2'),
        );
        return patientSchema.safeParse(merged).success;
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('keeps an emergency contact added on each device, without a conflict', () => {
    const merged = mergeEdits(
      FULL_PATIENT,
      edited(['addContactA'], '2026-11-26T09:00:00.000Z', 'u1'),
      edited(['addContactB'], '2026-11-26T10:00:00.000Z', 'u2'),
    );
    expect(Object.keys(merged.emergencyContacts ?? {}).sort()).toEqual([
      ...Object.keys(FULL_PATIENT.emergencyContacts ?? {}),
      'ka',
      'kb',
    ]);
    expect(merged.conflicts).toBeUndefined();
  });

  it('merges edits of different plans and of different parts of one plan', () => {
    const merged = mergeEdits(
      FULL_PATIENT,
      edited(['memberId'], '2026-11-26T09:00:00.000Z', 'u1'),
      edited(['tertiary', 'subscriberSelf'], '2026-11-26T10:00:00.000Z', 'u2'),
    );
    expect(merged.coverage?.primary).toMatchObject({ memberId: 'NEW123', relationship: 'self' });
    expect(merged.coverage?.primary?.subscriber).toBeUndefined();
    expect(merged.coverage?.tertiary?.payerName).toBe('Union Fund');
    expect(merged.conflicts).toBeUndefined();
  });

  it('records a conflict when both devices answer the privacy notice differently', () => {
    const merged = mergeEdits(
      FULL_PATIENT,
      edited(['npNotObtained'], '2026-11-26T09:00:00.000Z', 'u1'),
      edited(['npAcknowledged'], '2026-11-26T10:00:00.000Z', 'u2'),
    );
    // The status only changed on one side (the base was "acknowledged"); the date and method
    // changed on both, so both values wait in the inbox.
    expect(merged.privacyNotice?.status).toBe('not-obtained');
    expect(
      Object.values(merged.conflicts ?? {})
        .map((c) => c.path)
        .sort(),
    ).toEqual(['privacyNotice.date', 'privacyNotice.method']);
    expect(patientSchema.safeParse(merged).success).toBe(true);
  });
});

it('accepts a record stored before the full registration record existed (kind stamped)', () => {
  expect(
    patientSchema.safeParse({
      id: '019abc00-0000-7000-8000-000000000001',
      kind: 'patient',
      givenName: 'Rowan',
      familyName: 'Ashby',
      dateOfBirth: '1990-07-01',
      sex: 'male',
      phone: '+15550100123',
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:00:00.000Z',
    }).success,
  ).toBe(true);
  expect(patientSchema.parse(FULL_PATIENT)).toEqual(FULL_PATIENT);
});

import { describe, expect, it } from 'vitest';
import type { Patient } from '../patients/patient.schema.ts';
import { policy, published } from '../policies/policy.fixture.ts';
import { noticeInForce } from '../policies/privacy-notice.ts';
import type { Policy } from '../policies/policy.schema.ts';
import { checkInPolicyWith } from './check-in-policy.ts';
import { checkInReadiness, DEFAULT_CHECK_IN_POLICY } from './check-in-readiness.ts';

const notice: Policy = {
  ...policy,
  number: 'PRIV-01',
  title: 'Notice of Privacy Practices',
  privacyNotice: true,
};
const DAY = '2026-11-26';

/** A patient whose only open item can be the notice. */
const patientWith = (version: string): Patient => ({
  id: '019abc00-0000-7000-8000-000000000001',
  kind: 'patient',
  givenName: 'Rosalind',
  familyName: 'Featherstone',
  dateOfBirth: '1970-05-04',
  sex: 'female',
  phone: '+15552010147',
  address: { line1: '12 Alder St', city: 'Salem', state: 'OR', postalCode: '97301' },
  demographicsConfirmedAt: '2026-03-01T10:00:00.000Z',
  coverage: { primary: { payerType: 'self-pay' } },
  privacyNotice: { status: 'acknowledged', version, date: '2026-03-01' },
  consents: {
    treatment: { status: 'granted', version: '3', date: '2026-03-01' },
    'financial-policy': { status: 'granted', version: '1', date: '2026-03-01' },
  },
  communication: { voicemail: true, sms: false },
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
});
const noticeCodes = (patient: Patient, versions = [published(1, { versionLabel: '2026-01' })]) =>
  checkInReadiness(patient, DAY, checkInPolicyWith(noticeInForce([notice], versions, DAY)))
    .filter((item) => item.code.startsWith('privacy-notice'))
    .map((item) => item.message);

describe('the privacy notice check-in asks for', () => {
  it('is the built-in version while the practice has no notice in force', () => {
    expect(checkInPolicyWith(undefined)).toBe(DEFAULT_CHECK_IN_POLICY);
    expect(checkInPolicyWith(noticeInForce([notice], [], DAY))).toBe(DEFAULT_CHECK_IN_POLICY);
  });

  it('is the published notice in force: an acknowledgment of it needs nothing more', () => {
    expect(noticeCodes(patientWith('2026-01'))).toEqual([]);
  });

  it('asks again once a materially changed notice takes effect, naming both versions', () => {
    const versions = [
      published(1, { versionLabel: '2026-01', status: 'superseded', supersededOn: '2026-11-01' }),
      published(2, { versionLabel: '2026-11', effectiveOn: '2026-11-01', materialChange: true }),
    ];
    expect(noticeCodes(patientWith('2026-01'), versions)).toEqual([
      'Privacy notice acknowledged is version 2026-01; the current one is 2026-11',
    ]);
    expect(noticeCodes(patientWith('2026-11'), versions)).toEqual([]);
  });

  it('does not ask again for an editorial change, nor before the new notice takes effect', () => {
    const editorial = [
      published(1, { versionLabel: '2026-01', status: 'superseded', supersededOn: '2026-11-01' }),
      published(2, { versionLabel: '2026-11', effectiveOn: '2026-11-01', materialChange: false }),
    ];
    expect(noticeCodes(patientWith('2026-01'), editorial)).toEqual([]);
    const later = [
      published(1, { versionLabel: '2026-01' }),
      published(2, { versionLabel: '2027-01', effectiveOn: '2027-01-01', materialChange: true }),
    ];
    expect(noticeCodes(patientWith('2026-01'), later)).toEqual([]);
  });
});

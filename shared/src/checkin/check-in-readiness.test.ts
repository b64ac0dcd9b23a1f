import { describe, expect, it } from 'vitest';
import type { BlobRef } from '../blobs/blob-ref.ts';
import type { Patient } from '../patients/patient.schema.ts';
import { addMonths, checkInReadiness } from './check-in-readiness.ts';

const TODAY = '2026-11-26';
const card: BlobRef = { sha256: 'a'.repeat(64), type: 'image/jpeg', size: 1000 };

/** A patient with nothing missing on 2026-11-26 under the default policy. */
const ready = (): Patient => ({
  id: '019abc00-0000-7000-8000-000000000001',
  kind: 'patient',
  givenName: 'Rosalind',
  familyName: 'Featherstone',
  dateOfBirth: '1970-05-04',
  sex: 'female',
  phone: '+15552010147',
  address: { line1: '12 Alder St', city: 'Salem', state: 'OR', postalCode: '97301' },
  demographicsConfirmedAt: '2026-03-01T10:00:00.000Z',
  coverage: {
    primary: {
      payerType: 'commercial',
      payerName: 'Example Health',
      memberId: 'XJ1234',
      effectiveDate: '2026-01-01',
      endDate: '2026-12-31',
      cardFront: card,
      cardBack: card,
    },
  },
  privacyNotice: { status: 'acknowledged', version: '2026-01', date: '2026-03-01' },
  consents: {
    treatment: { status: 'granted', version: '3', date: '2026-03-01' },
    'financial-policy': { status: 'granted', version: '1', date: '2026-03-01' },
  },
  communication: { voicemail: true, sms: false },
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
});
const codes = (patient: Patient) => checkInReadiness(patient, TODAY).map((item) => item.code);

describe('checkInReadiness', () => {
  it('has nothing to ask of a patient whose record is complete and current', () => {
    expect(checkInReadiness(ready(), TODAY)).toEqual([]);
  });

  it('asks to confirm demographics never confirmed or confirmed over 12 months ago', () => {
    const never = { ...ready(), demographicsConfirmedAt: undefined };
    expect(codes(never)).toEqual(['demographics-unconfirmed']);
    const old = { ...ready(), demographicsConfirmedAt: '2025-11-26T09:00:00.000Z' };
    expect(checkInReadiness(old, TODAY)).toEqual([
      {
        area: 'demographics',
        code: 'demographics-stale',
        message: 'Address and phone last confirmed 11/26/2025 (over 12 months ago)',
      },
    ]);
    expect(codes({ ...ready(), demographicsConfirmedAt: '2025-11-27T09:00:00.000Z' })).toEqual([]);
  });

  it('flags a missing address or phone, and a minor without a guarantor', () => {
    const { address: _a, phone: _p, ...bare } = ready();
    expect(codes(bare)).toEqual(['address-missing', 'phone-missing']);
    const child = { ...ready(), dateOfBirth: '2015-02-02' };
    expect(codes(child)).toEqual(['guarantor-missing']);
    const guarded = {
      ...child,
      guarantor: { givenName: 'Ada', familyName: 'Featherstone', relationship: 'parent' as const },
    };
    expect(codes(guarded)).toEqual([]);
  });

  it('flags no coverage, an ended or future plan, and missing card photos', () => {
    expect(codes({ ...ready(), coverage: undefined })).toEqual(['coverage-missing']);
    const primary = ready().coverage!.primary!;
    const ended = { ...ready(), coverage: { primary: { ...primary, endDate: '2026-10-31' } } };
    expect(checkInReadiness(ended, TODAY).map((item) => item.message)).toEqual([
      'Primary plan ended on 10/31/2026',
      'No plan is in effect today',
    ]);
    const future = {
      ...ready(),
      coverage: { primary: { ...primary, effectiveDate: '2026-12-01' } },
    };
    expect(codes(future)).toEqual(['coverage-primary-not-started', 'coverage-none-active']);
    const { cardBack: _b, ...front } = primary;
    const halfCard = {
      ...ready(),
      coverage: { primary: front, secondary: { payerType: 'self-pay' as const } },
    };
    expect(checkInReadiness(halfCard, TODAY).map((item) => item.message)).toEqual([
      'Primary plan: no photo of the card back',
    ]);
    // A plan ending today is still in effect today.
    const lastDay = { ...ready(), coverage: { primary: { ...primary, endDate: TODAY } } };
    expect(codes(lastDay)).toEqual([]);
  });

  it('flags a privacy notice not acknowledged, outdated, or not obtained', () => {
    expect(codes({ ...ready(), privacyNotice: undefined })).toEqual(['privacy-notice-missing']);
    const outdated = {
      ...ready(),
      privacyNotice: { ...ready().privacyNotice!, version: '2024-06' },
    };
    expect(checkInReadiness(outdated, TODAY)[0]?.message).toBe(
      'Privacy notice acknowledged is version 2024-06; the current one is 2026-01',
    );
    const notObtained = {
      ...ready(),
      privacyNotice: {
        status: 'not-obtained' as const,
        version: '2026-01',
        date: '2026-03-01',
        effort: 'Offered at the desk',
        reason: 'Patient declined to sign',
      },
    };
    expect(codes(notObtained)).toEqual(['privacy-notice-not-obtained']);
  });

  it('flags required consents missing, refused, withdrawn or expired, and contact permissions not asked', () => {
    const consents = ready().consents!;
    expect(codes({ ...ready(), consents: { treatment: consents.treatment } })).toEqual([
      'consent-financial-policy-missing',
    ]);
    const refused = {
      ...consents,
      treatment: { status: 'refused' as const, version: '3', date: '2026-03-01' },
    };
    expect(codes({ ...ready(), consents: refused })).toEqual(['consent-treatment-refused']);
    const expired = {
      ...consents,
      'financial-policy': { ...consents['financial-policy']!, expires: '2026-11-25' },
    };
    expect(codes({ ...ready(), consents: expired })).toEqual(['consent-financial-policy-expired']);
    expect(codes({ ...ready(), communication: undefined })).toEqual(['communication-not-asked']);
  });
});

describe('addMonths', () => {
  it('moves by calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-11-26', -12)).toBe('2025-11-26');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
});

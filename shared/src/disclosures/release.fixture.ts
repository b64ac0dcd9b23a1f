import type { AuthorizationRecord, DoneStamp } from './release-fields.ts';
import type { ReleaseRequest } from './release-request.schema.ts';

/** Synthetic records for the release-of-information tests: no real person. */
export const PATIENT_ID = '019d3000-0000-7000-8000-000000000001';
export const REQUEST_ID = '019d3000-0000-7000-8000-000000000010';
export const DISCLOSURE_ID = '019d3000-0000-7000-8000-000000000020';
export const DOCUMENT_ID = '019d3000-0000-7000-8000-000000000030';
export const VERSION_ID = '019d3000-0000-7000-8000-000000000031';
export const HASH_A = 'a'.repeat(64);
export const HASH_P = 'b'.repeat(64);
export const NOW = '2026-03-10T15:00:00.000Z';

export const DESK: DoneStamp = {
  at: NOW,
  by: { userId: 'u-rosa', name: 'Rosa Desk', deviceId: '019d3000-0000-7000-8000-0000000000d1' },
};

export const GOOD_AUTHORIZATION: AuthorizationRecord = {
  signedOn: '2026-02-01',
  expires: { on: '2026-08-01' },
  coreElements: {
    description: true,
    whoMayDisclose: true,
    recipients: true,
    purpose: true,
    expiration: true,
    signatureAndDate: true,
  },
  requiredStatements: { rightToRevoke: true, conditioning: true, redisclosure: true },
};

export function requestOf(overrides: Partial<ReleaseRequest> = {}): ReleaseRequest {
  return {
    id: REQUEST_ID,
    kind: 'releaseRequest',
    patientId: PATIENT_ID,
    requester: {
      name: 'Dana Whitfield',
      organisation: 'Whitfield & Roe LLP',
      address: '12 Court Street\nSpringfield, IL 62701',
    },
    recordsRequested: 'All records since 2024',
    purpose: 'court-order-or-subpoena',
    basis: { legalBasis: 'Subpoena duces tecum, Case 2026-CV-0192, Sangamon County Circuit Court' },
    receivedOn: '2026-03-02',
    status: 'received',
    recorded: DESK,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

import type { Editor } from '../sync/conflict.schema.ts';
import type { Manual } from './manual.schema.ts';
import { versionIdOf } from './policy-ids.ts';
import { EMPTY_POLICY_TEXT } from './policy-text.ts';
import type { Policy } from './policy.schema.ts';
import type { PolicyVersion } from './policy-version.schema.ts';

/** Synthetic records for the policy rules' tests: a small practice's HIPAA privacy manual. */

export const MANAGER = 'u-manager';
export const PRIVACY_OFFICER = 'u-privacy';
export const PHYSICIAN = 'u-physician';

export const editorFor = (userId: string, device = 1): Editor => ({
  userId,
  name: `Staff ${userId}`,
  deviceId: `019abc00-0000-7000-8000-00000000000${device}`,
});

export const at = (iso: string) => new Date(`${iso}T09:00:00.000Z`);

/** Stand-ins for SHA-256 digests of two contents. */
export const HASH_1 = '1'.repeat(64);
export const HASH_2 = '2'.repeat(64);
export const HASH_3 = '3'.repeat(64);

const STAMP = '2026-01-05T09:00:00.000Z';

export const manual: Manual = {
  id: 'manual-hipaa-privacy',
  kind: 'manual',
  title: 'HIPAA privacy',
  slug: 'hipaa-privacy',
  order: 0,
  readableSignedOut: false,
  approvers: [PRIVACY_OFFICER, PHYSICIAN],
  createdAt: STAMP,
  updatedAt: STAMP,
};

export const policy: Policy = {
  id: '019abc00-0000-7000-8000-0000000000a1',
  kind: 'policy',
  manualId: manual.id,
  number: 'HIPAA-P-03',
  title: 'Minimum necessary',
  ownerStaffId: PRIVACY_OFFICER,
  area: 'Privacy',
  legalReferences: ['45 CFR 164.502(b)', '45 CFR 164.514(d)'],
  reviewIntervalMonths: 12,
  order: 3,
  createdAt: STAMP,
  updatedAt: STAMP,
};

/** A version of `policy` in the given state (published ones effective 2026-02-01). */
export function versionOf(
  versionNumber: number,
  fields: Partial<PolicyVersion> = {},
): PolicyVersion {
  return {
    id: versionIdOf(policy.id, versionNumber),
    kind: 'policyVersion',
    policyId: policy.id,
    versionNumber,
    status: 'draft',
    materialChange: true,
    text: EMPTY_POLICY_TEXT,
    reviewRound: 0,
    approvers: [PRIVACY_OFFICER, PHYSICIAN],
    authors: [MANAGER],
    createdAt: STAMP,
    updatedAt: STAMP,
    ...fields,
  };
}

export const published = (versionNumber: number, fields: Partial<PolicyVersion> = {}) =>
  versionOf(versionNumber, {
    status: 'published',
    contentHash: HASH_1,
    reviewRound: 1,
    approvedAt: '2026-01-20T15:00:00.000Z',
    publishedAt: '2026-01-21T15:00:00.000Z',
    effectiveOn: '2026-02-01',
    ...fields,
  });

import { HASH_1, HASH_2, policy, published } from '../policies/policy.fixture.ts';
import type { AcknowledgmentCampaign } from './acknowledgment-campaign.schema.ts';
import type { StaffMember } from './who-must-acknowledge.ts';

/** Synthetic staff and a campaign for the acknowledgment rules' tests. */

export const STAFF: StaffMember[] = [
  { id: 'u-dana', name: 'Dana Reyes', role: 'front-desk', active: true, startedOn: '2024-05-01', roleSince: '2024-05-01' }, // prettier-ignore
  { id: 'u-sam', name: 'Sam Okafor', role: 'front-desk', active: true, startedOn: '2025-01-10', roleSince: '2025-01-10' }, // prettier-ignore
  { id: 'u-lee', name: 'Lee Park', role: 'billing', active: true, startedOn: '2023-02-01', roleSince: '2023-02-01' }, // prettier-ignore
  { id: 'u-kim', name: 'Kim Novak', role: 'clinician', active: true, startedOn: '2022-09-01', roleSince: '2022-09-01' }, // prettier-ignore
  { id: 'u-gone', name: 'Pat Gone', role: 'front-desk', active: false, startedOn: '2020-01-01', roleSince: '2020-01-01' }, // prettier-ignore
];

export const v1 = published(1, { contentHash: HASH_1 });
export const v2 = published(2, { contentHash: HASH_2, effectiveOn: '2026-06-01', materialChange: false }); // prettier-ignore

export const campaign: AcknowledgmentCampaign = {
  id: 'campaign-1',
  kind: 'acknowledgmentCampaign',
  policyId: policy.id,
  versionId: v1.id,
  audienceRoles: ['front-desk'],
  audienceStaffIds: ['u-kim'],
  startedOn: '2026-02-01',
  dueInDays: 30,
  dueOn: '2026-03-03',
  reason: 'initial',
  createdAt: '2026-02-01T09:00:00.000Z',
  updatedAt: '2026-02-01T09:00:00.000Z',
};

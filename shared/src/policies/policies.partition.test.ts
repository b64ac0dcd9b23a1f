import { describe, expect, it } from 'vitest';
import { rxSchemaOf } from '../registry/partition-rx-schema.ts';
import { approvalSchema } from './approval.schema.ts';
import { manualSchema } from './manual.schema.ts';
import { POLICIES_PARTITION } from './policies.partition.ts';
import { policiesInScope } from './policies-scope.ts';
import { editorFor, HASH_1, MANAGER, manual, PHYSICIAN, policy, PRIVACY_OFFICER, published, versionOf } from './policy.fixture.ts'; // prettier-ignore
import { policySchema } from './policy.schema.ts';
import { policyVersionSchema } from './policy-version.schema.ts';
import { reviewSchema } from './review.schema.ts';

const SCHEMAS = [
  ['manual', manualSchema],
  ['policy', policySchema],
  ['policyVersion', policyVersionSchema],
  ['policyApproval', approvalSchema],
  ['policyReview', reviewSchema],
] as const;

const approval = {
  id: `${policy.id}-v2-r1-s0-${HASH_1.slice(0, 12)}`,
  kind: 'policyApproval',
  policyId: policy.id,
  versionId: `${policy.id}-v2`,
  approverStaffId: PRIVACY_OFFICER,
  round: 1,
  step: 0,
  decision: 'approved',
  contentHash: HASH_1,
  meaning: 'I approve this policy for publication',
  signedAt: '2026-03-02T09:00:00.000Z',
  signedBy: editorFor(PRIVACY_OFFICER),
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
};

describe('the policies partition', () => {
  it('declares a schema for each of its kinds, with one form per shared field and a valid index', () => {
    expect(Object.keys(POLICIES_PARTITION.kinds).sort()).toEqual(SCHEMAS.map(([kind]) => kind).sort()); // prettier-ignore
    const rx = rxSchemaOf('policies', POLICIES_PARTITION, SCHEMAS);
    expect(rx.indexes).toEqual(['kind']);
    expect(rx.required).toEqual(expect.arrayContaining(['id', 'kind', 'createdAt', 'updatedAt']));
  });

  it('accepts the records the rules write, and refuses an approval signed by someone else', () => {
    expect(manualSchema.safeParse(manual).error).toBeUndefined();
    expect(policySchema.safeParse(policy).error).toBeUndefined();
    expect(policyVersionSchema.safeParse(published(1)).error).toBeUndefined();
    expect(approvalSchema.safeParse(approval).error).toBeUndefined();
    expect(approvalSchema.safeParse({ ...approval, signedBy: editorFor(MANAGER) }).success).toBe(false); // prettier-ignore
    expect(policyVersionSchema.safeParse({ ...published(1), id: `${policy.id}-v9` }).success).toBe(false); // prettier-ignore
    expect(policyVersionSchema.safeParse({ ...published(1), text: 'not base64!' }).success).toBe(false); // prettier-ignore
    expect(reviewSchema.safeParse({ id: 'review-1', kind: 'policyReview', policyId: policy.id, reviewedOn: '2026-11-02', outcome: 'no-change', byStaffId: PRIVACY_OFFICER, createdAt: approval.createdAt, updatedAt: approval.createdAt }).error).toBeUndefined(); // prettier-ignore
  });
});

describe('the policies record scope', () => {
  const context = new Map([[policy.id, policy]]);
  const clinician = { role: 'clinician' as const, userId: 'u-someone' };
  const draft = versionOf(2, { authors: [MANAGER], approvers: [PHYSICIAN] });

  it('lets everyone read manuals, policies, issued versions and approvals', () => {
    for (const doc of [manual, policy, published(1), approval])
      expect(policiesInScope(clinician, doc, context)).toBe(true);
  });

  it('keeps a draft to the office manager, its authors, approvers and the policy’s owner', () => {
    expect(policiesInScope(clinician, draft, context)).toBe(false);
    expect(policiesInScope({ role: 'front-desk', userId: MANAGER }, draft, context)).toBe(true);
    expect(policiesInScope({ role: 'clinician', userId: PHYSICIAN }, draft, context)).toBe(true);
    expect(policiesInScope({ role: 'billing', userId: PRIVACY_OFFICER }, draft, context)).toBe(
      true,
    ); // owner
    expect(policiesInScope({ role: 'office-manager', userId: 'u-om' }, draft, context)).toBe(true);
  });

  it('keeps a periodic review to its reviewer, the owner and the office manager', () => {
    const review = { kind: 'policyReview', policyId: policy.id, byStaffId: PHYSICIAN };
    expect(policiesInScope(clinician, review, context)).toBe(false);
    expect(policiesInScope({ role: 'clinician', userId: PHYSICIAN }, review, context)).toBe(true);
    expect(policiesInScope({ role: 'admin', userId: PRIVACY_OFFICER }, review, context)).toBe(true);
  });
});

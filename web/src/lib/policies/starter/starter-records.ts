import type { Manual } from '@clinicdesk/shared/policies/manual.schema.ts';
import { versionIdOf } from '@clinicdesk/shared/policies/policy-ids.ts';
import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import {
  STARTER_MANUALS,
  STARTER_POLICIES,
} from '@clinicdesk/shared/policies/starter-manual/index.ts';
import type { Editor } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { starterPolicyText } from './starter-policy-text.ts';

export type StarterRecords = { manuals: Manual[]; policies: Policy[]; versions: PolicyVersion[] };

export const STARTER_CHANGE_SUMMARY = 'Adopted from the ClinicDesk starter manual';

/**
 * The starter manual as the practice's records, published at once and in force from `today`.
 * Published rather than left as drafts: the practice needs its privacy notice and its procedures
 * in force the day it adopts them (check-in asks for the notice, staff acknowledge what is
 * published), and some forty drafts waiting for signatures would leave it with none; the office
 * manager adopting is the one who would publish them, and every later change goes through a
 * revision and its approvals. Ids and texts are derived from the starter manual alone (the
 * texts under one fixed Yjs client id), so two devices adopting apart write the same records,
 * which merge into one manual set, not two.
 */
export function starterRecords(
  hash: (version: PolicyVersion) => Promise<string>,
  editor: Editor,
  now: Date,
  today: string,
): Promise<StarterRecords> {
  const at = now.toISOString();
  const base = { createdAt: at, updatedAt: at, editedBy: editor };
  const manuals = STARTER_MANUALS.map((manual): Manual => ({
    id: `starter-${manual.slug}`,
    kind: 'manual',
    title: manual.title,
    slug: manual.slug,
    description: manual.description,
    order: manual.order,
    readableSignedOut: manual.readableSignedOut,
    approvers: [],
    ...base,
  }));
  const policies: Policy[] = [];
  const versions: PolicyVersion[] = [];
  for (const [index, starter] of STARTER_POLICIES.entries()) {
    const id = `starter-${starter.number.toLowerCase()}`;
    const versionId = versionIdOf(id, 1);
    policies.push({
      id,
      kind: 'policy',
      manualId: `starter-${starter.manual}`,
      number: starter.number,
      title: starter.title,
      // The starter names a role ("Privacy Officer"); until the practice names a person, the
      // office manager adopting it answers for it.
      ownerStaffId: editor.userId,
      area: starter.area,
      legalReferences: [...starter.legalReferences],
      reviewIntervalMonths: starter.reviewMonths,
      order: index,
      publishedVersionId: versionId,
      ...(starter.isPrivacyNotice ? { privacyNotice: true } : {}),
      ...base,
    });
    versions.push({
      id: versionId,
      kind: 'policyVersion',
      policyId: id,
      versionNumber: 1,
      status: 'published',
      effectiveOn: today,
      changeSummary: STARTER_CHANGE_SUMMARY,
      materialChange: true,
      text: starterPolicyText(starter.body),
      reviewRound: 0,
      approvers: [],
      authors: [editor.userId],
      approvedAt: at,
      publishedAt: at,
      ...base,
    });
  }
  return Promise.all(
    versions.map(async (version) => ({ ...version, contentHash: await hash(version) })),
  ).then((hashed) => ({ manuals, policies, versions: hashed }));
}

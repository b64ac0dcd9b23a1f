import { fail, ok, type Result } from '../result.ts';
import type { Editor } from '../sync/conflict.schema.ts';
import { approvalProgress, type StaleApproval } from './approval-progress.ts';
import type { Approval } from './approval.schema.ts';
import { approvalIdOf } from './policy-ids.ts';
import { APPROVAL_MEANING, type ApprovalDecision } from './policy-labels.ts';
import type { PolicyVersion } from './policy-version.schema.ts';

export type ApprovalError =
  | Omit<StaleApproval, 'approval'>
  | { code: 'not-in-review' | 'not-your-turn' | 'not-an-approver'; message: string };

/**
 * One approver signs (or sends back) a version in review. The signature is bound to the content
 * hash of the text the approver read (`readContentHash`, computed by their device over what it
 * showed them): if the version's content has another hash now, nothing is signed and the answer
 * is a `stale-approval` conflict. Approvers sign in order; the last approval makes the version
 * approved, a rejection sends it back to draft. Returns the approval to store and the version as
 * it now stands.
 */
export function recordApproval(
  input: {
    version: PolicyVersion;
    /** The version's approvals so far (others are ignored). */
    approvals: readonly Approval[];
    approverStaffId: string;
    decision: ApprovalDecision;
    readContentHash: string;
    meaning?: string;
    comment?: string;
  },
  editor: Editor,
  now: Date,
): Result<{ approval: Approval; version: PolicyVersion }, ApprovalError> {
  const { version } = input;
  if (editor.userId !== input.approverStaffId)
    return fail({ code: 'not-an-approver', message: 'Only the approver signs, on their own session' }); // prettier-ignore
  if (version.status !== 'in-review')
    return fail({ code: 'not-in-review', message: 'This version is not waiting for approval' });
  if (!version.contentHash || version.contentHash !== input.readContentHash)
    return fail({
      code: 'stale-approval',
      message: 'The text changed since you read it: read the current text before signing',
    });
  if (!version.approvers.includes(input.approverStaffId))
    return fail({ code: 'not-an-approver', message: 'You are not an approver of this version' });
  const progress = approvalProgress(version, input.approvals);
  const next = progress.next;
  if (progress.state !== 'waiting' || !next || next.staffId !== input.approverStaffId)
    return fail({ code: 'not-your-turn', message: 'An earlier approver has not signed yet' });
  const at = now.toISOString();
  const approval: Approval = {
    id: approvalIdOf(version.id, version.reviewRound, next.step, version.contentHash),
    kind: 'policyApproval',
    policyId: version.policyId,
    versionId: version.id,
    approverStaffId: input.approverStaffId,
    round: version.reviewRound,
    step: next.step,
    decision: input.decision,
    contentHash: version.contentHash,
    meaning: input.meaning ?? APPROVAL_MEANING,
    ...(input.comment ? { comment: input.comment } : {}),
    signedAt: at,
    signedBy: editor,
    createdAt: at,
    updatedAt: at,
    editedBy: editor,
  };
  const last = next.step === version.approvers.length - 1;
  const moved: PolicyVersion =
    input.decision === 'rejected'
      ? { ...version, status: 'draft', updatedAt: at, editedBy: editor }
      : last
        ? { ...version, status: 'approved', approvedAt: at, updatedAt: at, editedBy: editor }
        : version;
  return ok({ approval, version: moved });
}

import { fail, ok, type Result } from '../result.ts';
import type { Editor } from '../sync/conflict.schema.ts';
import type { PolicyVersion } from './policy-version.schema.ts';

export type ReviewStartError = { code: 'not-a-draft'; message: string };

/**
 * A draft goes to its approvers: its content is hashed now (by the caller, over
 * `canonicalPolicyContent`) and each approval will be bound to that hash, in a new review round,
 * so signatures from an earlier round never count. With no approvers named, the draft is
 * approved at once, by the office manager who sends it.
 */
export function sendForReview(
  version: PolicyVersion,
  contentHash: string,
  editor: Editor,
  now: Date,
): Result<PolicyVersion, ReviewStartError> {
  if (version.status !== 'draft')
    return fail({ code: 'not-a-draft', message: 'Only a draft is sent for review' });
  const at = now.toISOString();
  const noApprovers = version.approvers.length === 0;
  return ok({
    ...version,
    status: noApprovers ? 'approved' : 'in-review',
    contentHash,
    reviewRound: version.reviewRound + 1,
    ...(noApprovers ? { approvedAt: at } : {}),
    updatedAt: at,
    editedBy: editor,
  });
}

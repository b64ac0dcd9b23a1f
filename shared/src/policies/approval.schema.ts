import { z } from 'zod';
import { deviceStamp } from '../dates/plausible-dates.ts';
import { documentBase } from '../registry/document-base.ts';
import { editorSchema } from '../sync/conflict.schema.ts';
import { lineText } from '../text/line-text.ts';
import { contentHash, recordId, staffId } from './policy-fields.ts';
import { approvalIdOf } from './policy-ids.ts';
import { APPROVAL_DECISIONS } from './policy-labels.ts';

/**
 * One approver's signature on one version's content: who, at which step of the signing order,
 * what they decided, what the signature means, and the content hash they read. It counts only
 * while the version's content still has that hash (`approvalProgress`): an edit after it, or an
 * approval given offline to text that changed meanwhile, never passes as approval of the new
 * text. `signedAt` is the device's clock; the server records its own time of receipt beside it.
 */
export const approvalSchema = z
  .strictObject({
    id: recordId,
    policyId: recordId,
    versionId: recordId,
    approverStaffId: staffId,
    /** The version's review round it was given in (`reviewRound`). */
    round: z.number().int().min(0).max(999),
    /** 0 for the first approver of the version's `approvers`. */
    step: z.number().int().min(0).max(11),
    decision: z.enum(APPROVAL_DECISIONS),
    contentHash,
    /** What the signer affirmed, e.g. "I approve this policy for publication". */
    meaning: lineText('meaning of the signature', 200),
    comment: lineText('comment', 500).optional(),
    signedAt: deviceStamp,
    /**
     * The signer and the device they signed on. An author stamp, so the server takes it only
     * from that person's own session on that device (`authoriseRow`): nobody signs for another.
     */
    signedBy: editorSchema,
    ...documentBase('policyApproval'),
  })
  .refine((approval) => approval.signedBy.userId === approval.approverStaffId, {
    path: ['signedBy'],
    message: 'An approval is signed by its approver',
  })
  .refine(
    (approval) =>
      approval.id ===
      approvalIdOf(approval.versionId, approval.round, approval.step, approval.contentHash),
    { path: ['id'], message: 'The approval id names another version, round, step or content' },
  );
export type Approval = z.infer<typeof approvalSchema>;

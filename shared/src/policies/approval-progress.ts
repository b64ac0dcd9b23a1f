import type { Approval } from './approval.schema.ts';
import type { PolicyVersion } from './policy-version.schema.ts';

/**
 * An approval that does not count for the version's content as it stands: given to text that
 * has changed since (an edit during review, or an approver who signed offline a version edited
 * meanwhile). Data, never an approval: the approver reads the text again and signs anew.
 */
export type StaleApproval = {
  code: 'stale-approval';
  message: string;
  approval: Approval;
};

export type ApprovalProgress = {
  state:
    | 'not-in-review'
    /** The text changed (a merge of two edits) and no device has hashed it yet. */
    | 'needs-content-hash'
    | 'waiting'
    /** An approver sent it back: it returns to draft. */
    | 'rejected'
    | 'complete';
  /** Who signs next, at which step of the order. */
  next?: { step: number; staffId: string };
  /** The signatures that count, in signing order. */
  signed: Approval[];
  stale: StaleApproval[];
};

/**
 * Where a version's signing stands: the approvals bound to its current content and review round,
 * taken in the order of its approvers, up to the first step not yet signed. An edit changes the
 * hash, so signing starts again from the first approver; an approval of another hash is stale
 * (unless its approver has signed the current content since).
 */
export function approvalProgress(
  version: PolicyVersion,
  approvals: readonly Approval[],
): ApprovalProgress {
  const own = approvals.filter((approval) => approval.versionId === version.id);
  const current = own.filter(
    (approval) =>
      approval.contentHash === version.contentHash && approval.round === version.reviewRound,
  );
  const stale = own
    .filter(
      (approval) =>
        approval.contentHash !== version.contentHash &&
        approval.decision === 'approved' &&
        !current.some((fresh) => fresh.approverStaffId === approval.approverStaffId),
    )
    .map((approval) => ({
      code: 'stale-approval' as const,
      message: 'The text changed after this approval: it must be read and approved again',
      approval,
    }));
  if (version.status !== 'in-review')
    return { state: version.status === 'approved' ? 'complete' : 'not-in-review', signed: current, stale }; // prettier-ignore
  if (!version.contentHash) return { state: 'needs-content-hash', signed: [], stale };
  const signed: Approval[] = [];
  for (const [step, staffId] of version.approvers.entries()) {
    const decision = current.find((a) => a.step === step && a.approverStaffId === staffId);
    if (!decision) return { state: 'waiting', next: { step, staffId }, signed, stale };
    if (decision.decision === 'rejected') return { state: 'rejected', signed, stale };
    signed.push(decision);
  }
  return { state: 'complete', signed, stale };
}

/** The approver whose signature the version waits for, if any. */
export function nextApprover(
  version: PolicyVersion,
  approvals: readonly Approval[],
): string | undefined {
  return approvalProgress(version, approvals).next?.staffId;
}

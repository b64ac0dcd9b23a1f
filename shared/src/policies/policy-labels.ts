/** The lifecycle of a policy version (PolicyStat's statuses, in the office's words). */
export const VERSION_STATUSES = ['draft', 'in-review', 'approved', 'published', 'superseded', 'retired'] as const; // prettier-ignore
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  published: 'Published',
  superseded: 'Superseded',
  retired: 'Retired',
};

export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];
export const APPROVAL_DECISION_LABELS: Record<ApprovalDecision, string> = {
  approved: 'Approved',
  rejected: 'Sent back',
};

export const REVIEW_OUTCOMES = ['no-change', 'revise'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  'no-change': 'Reviewed, no change',
  revise: 'Reviewed, to be revised',
};

/** What an approval means, as the signer reads it before signing (default wording). */
export const APPROVAL_MEANING = 'I approve this policy for publication';

import type { ConflictDescriber } from '../sync/conflict-describer.ts';
import { formatPolicyValue, POLICY_FIELD_LABELS } from './policy-conflict-words.ts';
import type { Approval } from './approval.schema.ts';

/**
 * Conflicts in an approval (the same approver signed the same step on two devices). A signature
 * is never retyped by someone else: each value is chosen, never typed.
 */
export const approvalConflicts: ConflictDescriber<Approval> = {
  kind: 'Approval',
  title: (approval) => `Approval, step ${approval.step + 1}`,
  href: (approval) => `/policies/${approval.policyId}`,
  fieldLabel: (path) => (path === 'signedAt' ? 'Signed at' : (POLICY_FIELD_LABELS[path] ?? path)),
  formatValue: formatPolicyValue,
  parseTyped: () => null,
};

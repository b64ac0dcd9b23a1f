import type { ConflictDescriber } from '../sync/conflict-describer.ts';
import { formatPolicyValue, parseTypedLine, POLICY_FIELD_LABELS } from './policy-conflict-words.ts'; // prettier-ignore
import type { Review } from './review.schema.ts';

const TYPEABLE = { note: [500, 'note'] } as const;

/** Conflicts in a periodic review of a policy. */
export const reviewConflicts: ConflictDescriber<Review> = {
  kind: 'Policy review',
  title: (review) => `Review of ${review.reviewedOn}`,
  href: (review) => `/policies/${review.policyId}`,
  fieldLabel: (path) => POLICY_FIELD_LABELS[path] ?? path,
  formatValue: formatPolicyValue,
  parseTyped: (path, text) => parseTypedLine(TYPEABLE, path, text),
};

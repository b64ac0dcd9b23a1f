import { z } from 'zod';
import { calendarDate } from '../dates/plausible-dates.ts';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';
import { recordId, staffId } from './policy-fields.ts';
import { REVIEW_OUTCOMES } from './policy-labels.ts';

/**
 * A periodic review of a policy. "Reviewed, no change" restarts the review cycle without a new
 * version; "revise" records that a revision is due (the revision itself is a new version).
 */
export const reviewSchema = z.strictObject({
  id: recordId,
  policyId: recordId,
  reviewedOn: calendarDate('review date'),
  outcome: z.enum(REVIEW_OUTCOMES),
  byStaffId: staffId,
  note: lineText('note', 500).optional(),
  ...documentBase('policyReview'),
});
export type Review = z.infer<typeof reviewSchema>;

import { z } from 'zod';
import { calendarDate } from '../dates/plausible-dates.ts';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';
import { order, recordId, staffId, staffIds, title } from './policy-fields.ts';

/** "HIPAA-P-04", "OSHA-BBP-01": upper-case letters and digits in hyphen-joined groups. */
export const POLICY_NUMBER_PATTERN = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;

/**
 * A policy: what stays the same across its versions (number, title, owner, area, review cycle).
 * Its text lives in its versions; which version is in force on a day is the versions' rule
 * (`versionInForce`), and `publishedVersionId` only names the latest one published.
 */
export const policySchema = z.strictObject({
  id: recordId,
  manualId: recordId,
  number: z.string().regex(POLICY_NUMBER_PATTERN, 'Write the number like HIPAA-P-04').max(30),
  title,
  /** The person accountable for the policy: writes its drafts, answers for its reviews. */
  ownerStaffId: staffId,
  /** Department or subject, e.g. "Privacy", "Infection control". */
  area: lineText('area', 80),
  /** e.g. "45 CFR 164.530", "29 CFR 1910.1030". */
  legalReferences: z.array(lineText('legal reference', 80)).max(20),
  /** Reviewed at least this often (next review = last approval or "no change" + interval). */
  reviewIntervalMonths: z.number().int().min(1).max(60),
  /** A fixed next-review date, instead of the interval. */
  reviewOn: calendarDate('next review date').optional(),
  /** Days before the review date it shows as due soon (default 90, as PolicyStat's list). */
  reviewWarningDays: z.number().int().min(0).max(365).optional(),
  order,
  /** This policy's own signing order; the manual's when absent. */
  approvers: staffIds.optional(),
  publishedVersionId: recordId.optional(),
  /** The Notice of Privacy Practices: its version in force is what check-in asks patients for. */
  privacyNotice: z.boolean().optional(),
  retired: z.boolean().optional(),
  retiredOn: calendarDate('retirement date').optional(),
  ...documentBase('policy'),
});
export type Policy = z.infer<typeof policySchema>;

import { z } from 'zod';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';
import { order, recordId, staffIds, title } from './policy-fields.ts';

/** `hipaa-privacy`: lower-case words joined by hyphens, for addresses and print file names. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A manual: an ordered binder of policies (HIPAA privacy, OSHA, front desk, emergency and
 * downtime…). Its approvers are the default signing order for its policies' versions.
 */
export const manualSchema = z.strictObject({
  id: recordId,
  title,
  slug: z.string().regex(SLUG_PATTERN, 'Use lower-case words joined by hyphens').max(60),
  description: lineText('description', 500).optional(),
  order,
  /**
   * The downtime binder: readable on every device with nobody signed in (emergency, downtime and
   * exposure-control procedures hold no patient data; the practice chooses which manuals).
   */
  readableSignedOut: z.boolean(),
  /** Who signs its policies' versions, in order, unless a policy names its own. */
  approvers: staffIds,
  ...documentBase('manual'),
});
export type Manual = z.infer<typeof manualSchema>;

import { z } from 'zod';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';
import { postalAddress, recordId } from './release-fields.ts';

/** There is one letterhead, so two office managers setting it apart merge field by field. */
export const LETTERHEAD_ID = '00000000-0000-7000-8000-000000000128';

/**
 * The practice as its release cover letters and printed accountings name it: its name,
 * address and phone. The office manager's to set.
 */
export const releaseLetterheadSchema = z.strictObject({
  id: recordId('letterhead').refine((id) => id === LETTERHEAD_ID, 'There is one letterhead'),
  practiceName: lineText('practice name', 160),
  practiceAddress: postalAddress('practice address'),
  practicePhone: lineText('practice phone', 40),
  ...documentBase('releaseLetterhead'),
});
export type ReleaseLetterhead = z.infer<typeof releaseLetterheadSchema>;

import { z } from 'zod';
import { lineText, lineTextFault, lineTextMessage } from '../text/line-text.ts';
import { type Sex, SEX_LABELS, SEXES, US_STATES } from './patient-codes.ts';

export { type Sex, SEX_LABELS, SEXES, US_STATES };

/** Building blocks shared by the patient, their contacts, guarantor and plan subscribers. */

/** Letters of any script, combining marks, spaces, and the punctuation real names use. */
export const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M} '’.,-]*$/u;
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;
export const ZIP_PATTERN = /^\d{5}(-\d{4})?$/;

export const personName = (label: string) =>
  z
    .string()
    .min(1, `Enter the ${label}`)
    .max(100, `The ${label} can be at most 100 characters`)
    // First, for the more telling message; and letters include invisible fillers (U+3164),
    // marks the grapheme joiner (U+034F), which the pattern alone would let through.
    .superRefine((value, ctx) => {
      const fault = lineTextFault(value);
      if (fault) ctx.addIssue({ code: 'custom', message: lineTextMessage(label, fault) });
    })
    .regex(NAME_PATTERN, `The ${label} can only contain letters, spaces, hyphens and apostrophes`);

export const phoneNumber = z
  .string()
  .regex(E164_PATTERN, 'Enter a phone number with its area code');

/** Free text on one line, of bounded length (names of practices, notes, reasons). */
export const shortText = (max: number, label: string) => lineText(label, max);

export const addressSchema = z.strictObject({
  line1: lineText('street address', 200),
  line2: lineText('second address line', 200, false).optional(),
  city: lineText('city', 100),
  state: z.enum(US_STATES, 'Choose a state'),
  postalCode: z.string().regex(ZIP_PATTERN, 'Enter a 5-digit ZIP code (or ZIP+4)'),
});
export type Address = z.infer<typeof addressSchema>;

/**
 * Keys of keyed collections (emergency contacts, previous names). Lists that two devices may
 * edit at once are objects keyed by a generated id, never arrays: the sync merge compares
 * arrays as one value, but merges keyed entries one by one, so two devices adding a contact
 * each keep both. A key never holds a dot, which separates the parts of a conflict's path.
 */
export const ENTRY_KEY_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
export const entryKey = z.string().regex(ENTRY_KEY_PATTERN, 'Not a valid entry key');

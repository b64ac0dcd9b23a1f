import { z } from 'zod';
import { deviceStamp } from '../dates/plausible-dates.ts';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';
import { editorSchema } from '../sync/conflict.schema.ts';
import { lineText } from '../text/line-text.ts';
import { MATCHING_ALGORITHMS } from './filing-labels.ts';

/**
 * Fields several kinds of the `filing` partition share. A field two kinds have must have one
 * form (the partition's RxDB schema has one property per name), so each is written once here.
 */

/** A client-made UUIDv7 (every filing record, and what one record says of another). */
export const recordId = (what: string) =>
  z.string().regex(UUID_PATTERN, `Not a valid ${what} id`).length(36);

/** The name of a category, document type, correspondent, tag or custom field. */
export const filingName = lineText('name', 120);

/** When something was done and by whom, from which device. */
export const doneStampSchema = z.strictObject({ at: deviceStamp, by: editorSchema });
export type DoneStamp = z.infer<typeof doneStampSchema>;

/**
 * How a category, type, tag or correspondent is suggested for a document from its text
 * (issue 12.4). The pattern is checked by the matching rules (`validateMatchingRule`) where
 * the office manager writes it; here only its size is bounded.
 */
export const matchingSchema = z.strictObject({
  algorithm: z.enum(MATCHING_ALGORITHMS),
  pattern: lineText('matching pattern', 500, false),
  caseSensitive: z.boolean(),
});
export type Matching = z.infer<typeof matchingSchema>;

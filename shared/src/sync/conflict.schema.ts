import { z } from 'zod';
import { deviceStamp } from '../dates/plausible-dates.ts';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';
import { lineText } from '../text/line-text.ts';

/** Who made a change: stamped on every local write, shown wherever staff judge a change. */
export const editorSchema = z.strictObject({
  userId: z.string().min(1).max(64),
  name: lineText('editor name', 120),
  deviceId: z.string().regex(UUID_PATTERN),
});
export type Editor = z.infer<typeof editorSchema>;

const ISO_DATE_TIME = deviceStamp;

/** One side of a conflict: a value (absent when the field was removed), who and when. */
const conflictSideSchema = z.strictObject({
  value: z.json().optional(),
  at: ISO_DATE_TIME.optional(),
  by: editorSchema.optional(),
});
export type ConflictSide = z.infer<typeof conflictSideSchema>;

/**
 * A field that two people changed differently while apart. The document keeps `kept` (the
 * server's value when the merge happened during sync) until a person settles it; `other` is the
 * value that would otherwise have vanished. Conflicts are part of the document, so they sync,
 * survive reloads, and reach the office manager's inbox on every device.
 */
export const conflictSchema = z.strictObject({
  /** Dotted path of the field in the document, e.g. `phone` or `address.city`. */
  path: z.string().min(1).max(200),
  base: z.json().optional(),
  kept: conflictSideSchema,
  other: conflictSideSchema,
  status: z.enum(['open', 'settled']),
  settlement: z
    .strictObject({ value: z.json().optional(), at: ISO_DATE_TIME, by: editorSchema })
    .optional(),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** Conflicts by id; ids are derived from the conflict itself, so detecting one twice is harmless. */
export const conflictsFieldSchema = z.record(z.string().min(1).max(240), conflictSchema);
export type Conflicts = z.infer<typeof conflictsFieldSchema>;

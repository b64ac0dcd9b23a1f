import { z } from 'zod';
import { deviceStamp } from '../dates/plausible-dates.ts';
import { conflictsFieldSchema, editorSchema } from '../sync/conflict.schema.ts';

/**
 * The fields every kind of record has (ADR 15), spread into each kind's `strictObject` beside
 * its own `id`: `kind`, the discriminator that says which kind of its partition a document is
 * and never changes; the device's clock at creation and last edit (shown to staff, never used to
 * order sync); who made the latest edit from which device (stamped on every local write); and
 * the values two people set differently while apart, kept until someone settles them.
 */
export function documentBase<K extends string>(kind: K) {
  return {
    kind: z.literal(kind),
    createdAt: deviceStamp,
    updatedAt: deviceStamp,
    editedBy: editorSchema.optional(),
    conflicts: conflictsFieldSchema.optional(),
  };
}

import { z } from 'zod';
import { documentBase } from '../registry/document-base.ts';
import { filingName, matchingSchema, recordId } from './filing-fields.ts';

/** A label a document may carry any number of ("needs signature", "prior auth"). */
export const tagSchema = z.strictObject({
  id: recordId('tag'),
  name: filingName,
  archived: z.boolean().optional(),
  matching: matchingSchema.optional(),
  ...documentBase('tag'),
});
export type Tag = z.infer<typeof tagSchema>;

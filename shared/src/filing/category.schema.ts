import { z } from 'zod';
import { ROLES } from '../auth/roles.ts';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';
import { filingName, matchingSchema, recordId } from './filing-fields.ts';

/**
 * A place in the practice's file tree (Clinical › Outside records › Labs; Practice › Contracts),
 * which the office manager edits. `readRoles` restricts who reads the documents filed in it and
 * under it (behavioral health, substance-use treatment, personnel files): a category's readers
 * are those its own list and every ancestor's allow (`categoryReaders`). No list: as its parent.
 */
export const categorySchema = z.strictObject({
  id: recordId('category'),
  name: filingName,
  parentId: recordId('category').optional(),
  description: lineText('description', 300, false).optional(),
  readRoles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
  /** Where it sits among its siblings (smaller first). */
  order: z.number().int().min(0).max(1_000_000).optional(),
  /** No longer offered for new documents; what is filed in it stays. */
  archived: z.boolean().optional(),
  matching: matchingSchema.optional(),
  ...documentBase('category'),
});
export type Category = z.infer<typeof categorySchema>;

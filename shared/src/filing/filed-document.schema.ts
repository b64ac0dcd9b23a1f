import { z } from 'zod';
import { blobRefSchema } from '../blobs/blob-ref.schema.ts';
import { calendarDate } from '../dates/plausible-dates.ts';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';
import { longText } from '../text/long-text.ts';
import { doneStampSchema, recordId } from './filing-fields.ts';
import { DOCUMENT_SOURCES, TEXT_SOURCES } from './filing-labels.ts';

/**
 * Lists that two tablets may change while apart are objects keyed by id, never arrays: the
 * field-by-field merge then keeps a tag added on one tablet and another added on the other, a
 * version added on each, and a tag removed on one (issue 12.1).
 */
const keyed = <T extends z.ZodType>(what: string, value: T, max: number) =>
  z
    .record(recordId(what), value)
    .refine((entries) => Object.keys(entries).length <= max, `At most ${max} ${what}s`);

/** One file of a document: the first scan, a corrected rescan, a signed copy. */
export const documentVersionSchema = z.strictObject({
  file: blobRefSchema,
  pageCount: z.number().int().min(1).max(2000),
  /** "Signed copy", "Rescan, page 3 was cut off". */
  label: lineText('version label', 120, false).optional(),
  /** The name the file had on the computer it was uploaded from. */
  fileName: lineText('file name', 200, false).optional(),
  added: doneStampSchema,
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

/** The text of one version, page by page, for search (issue 12.3). */
export const documentTextSchema = z.strictObject({
  versionId: recordId('document version'),
  source: z.enum(TEXT_SOURCES),
  pages: z.array(longText('page text', 40_000)).max(2000),
  /** Mean recognition confidence, 0–100 (recognised text only). */
  confidence: z.number().min(0).max(100).optional(),
});
export type DocumentText = z.infer<typeof documentTextSchema>;

/** A move to another patient or category, kept on the record (issue 12.5). */
export const documentMoveSchema = z.strictObject({
  at: doneStampSchema.shape.at,
  by: doneStampSchema.shape.by,
  fromPatientId: recordId('patient').optional(),
  toPatientId: recordId('patient').optional(),
  fromCategoryId: recordId('category').optional(),
  toCategoryId: recordId('category').optional(),
});

/** A custom field's value: text, date, choice and link as text, number and money as numbers. */
export const customValueSchema = z.union([
  lineText('field value', 500, false),
  z.number().finite().min(-1e12).max(1e12),
  z.boolean(),
]);

/**
 * A paper or scan in the practice's files: a patient's (referral letter, outside records, a
 * signed form) or the practice's own (a contract, a licence; no patient). Unfiled while it has
 * no `filed` stamp: it waits in the filing inbox for someone to confirm patient and category.
 */
export const filedDocumentSchema = z.strictObject({
  id: recordId('document'),
  title: lineText('title', 200),
  documentDate: calendarDate('document date').optional(),
  patientId: recordId('patient').optional(),
  categoryId: recordId('category').optional(),
  documentTypeId: recordId('document type').optional(),
  correspondentId: recordId('correspondent').optional(),
  tags: keyed('tag', z.literal(true), 50).optional(),
  notes: longText('notes', 4000).optional(),
  fields: keyed('custom field', customValueSchema, 100).optional(),
  source: z.enum(DOCUMENT_SOURCES),
  versions: keyed('document version', documentVersionSchema, 100),
  text: documentTextSchema.optional(),
  /** Who captured it: until it is filed, only they and the office manager read it. */
  captured: doneStampSchema,
  /** Confirmed into its patient and category; absent while it waits in the inbox. */
  filed: doneStampSchema.optional(),
  moves: keyed('move', documentMoveSchema, 200).optional(),
  /** In the trash since; restoring removes it. Emptied after the practice's period. */
  trashed: doneStampSchema.optional(),
  /** For contracts, licences, agreements: when it ends, to remind before it does. */
  expiresOn: calendarDate('expiry date').optional(),
  ...documentBase('filedDocument'),
});
export type FiledDocument = z.infer<typeof filedDocumentSchema>;

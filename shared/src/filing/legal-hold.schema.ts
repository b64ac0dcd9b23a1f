import { z } from 'zod';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';
import { doneStampSchema, recordId } from './filing-fields.ts';

/**
 * A legal hold on a patient's records or on one document: while it stands (placed, not
 * released) nothing it covers is trashed for good or destroyed, on the server or any device.
 */
export const legalHoldSchema = z
  .strictObject({
    id: recordId('legal hold'),
    patientId: recordId('patient').optional(),
    documentId: recordId('document').optional(),
    reason: lineText('reason for the hold', 300),
    /** The matter it is for (a claim number, a court case). */
    matter: lineText('matter', 200, false).optional(),
    placed: doneStampSchema,
    released: doneStampSchema.optional(),
    ...documentBase('legalHold'),
  })
  .refine((hold) => hold.patientId !== undefined || hold.documentId !== undefined, {
    path: ['patientId'],
    message: 'A legal hold is on a patient or on a document',
  });
export type LegalHold = z.infer<typeof legalHoldSchema>;

import { z } from 'zod';
import { documentBase } from '../registry/document-base.ts';
import { filingName, matchingSchema, recordId } from './filing-fields.ts';

/** What sort of paper a document is (lab result, referral letter, EOB, contract, licence). */
export const documentTypeSchema = z.strictObject({
  id: recordId('document type'),
  name: filingName,
  /** Documents of this type have an expiry date worth a reminder (contracts, licences, BAAs). */
  expires: z.boolean().optional(),
  archived: z.boolean().optional(),
  matching: matchingSchema.optional(),
  ...documentBase('documentType'),
});
export type DocumentType = z.infer<typeof documentTypeSchema>;

import { z } from 'zod';
import { addressSchema, phoneNumber } from '../patients/person.schema.ts';
import { documentBase } from '../registry/document-base.ts';
import { filingName, matchingSchema, recordId } from './filing-fields.ts';
import { CORRESPONDENT_TYPES } from './filing-labels.ts';

/** Who a document is from or to: a payer, lab, hospital, vendor, attorney. */
export const correspondentSchema = z.strictObject({
  id: recordId('correspondent'),
  name: filingName,
  correspondentType: z.enum(CORRESPONDENT_TYPES),
  address: addressSchema.optional(),
  phone: phoneNumber.optional(),
  archived: z.boolean().optional(),
  matching: matchingSchema.optional(),
  ...documentBase('correspondent'),
});
export type Correspondent = z.infer<typeof correspondentSchema>;

import { z } from 'zod';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';
import { filingName, recordId } from './filing-fields.ts';
import { CUSTOM_FIELD_TYPES } from './filing-labels.ts';

/**
 * A field the practice adds to documents of one type ("Policy number" on an insurance card,
 * "Amount" on an invoice). Its `fieldType` is fixed once made (the partition's `fixed`): values
 * already entered would otherwise stop meaning what they meant.
 */
export const customFieldSchema = z
  .strictObject({
    id: recordId('custom field'),
    name: filingName,
    documentTypeId: recordId('document type'),
    fieldType: z.enum(CUSTOM_FIELD_TYPES),
    /** The choices of a `choice` field. */
    choices: z.array(lineText('choice', 80)).max(50).optional(),
    order: z.number().int().min(0).max(1_000_000).optional(),
    archived: z.boolean().optional(),
    ...documentBase('customField'),
  })
  .refine((field) => field.fieldType !== 'choice' || (field.choices?.length ?? 0) > 0, {
    path: ['choices'],
    message: 'A choice field needs at least one choice',
  });
export type CustomField = z.infer<typeof customFieldSchema>;

import { z } from 'zod';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';
import { filingName, recordId } from './filing-fields.ts';

export const RETENTION_BASES = ['document-date', 'last-visit', 'age-of-majority'] as const;

/**
 * How long documents of a category or type are kept before they are due for disposition
 * review (issue 12.7): N years after the document date, after the patient's last visit, or
 * after the patient comes of age. The practice sets its state's numbers.
 */
export const retentionRuleSchema = z
  .strictObject({
    id: recordId('retention rule'),
    name: filingName,
    categoryId: recordId('category').optional(),
    documentTypeId: recordId('document type').optional(),
    basis: z.enum(RETENTION_BASES),
    years: z.number().int().min(0).max(100),
    majorityAge: z.number().int().min(14).max(25).optional(),
    /** Where the number comes from ("State medical board rule …"). */
    citation: lineText('source of the rule', 300, false).optional(),
    archived: z.boolean().optional(),
    ...documentBase('retentionRule'),
  })
  .refine((rule) => rule.categoryId !== undefined || rule.documentTypeId !== undefined, {
    path: ['categoryId'],
    message: 'A retention rule applies to a category or a document type',
  });
export type RetentionRule = z.infer<typeof retentionRuleSchema>;

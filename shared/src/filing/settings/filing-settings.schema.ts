import { z } from 'zod';
import { documentBase } from '../../registry/document-base.ts';
import { MAX_TRASH_DAYS } from '../trash/trash-expiry.ts';
import { recordId } from '../filing-fields.ts';
import {
  FILING_SETTINGS_ID,
  MAX_OFFLINE_BUDGET_MB,
  MAX_RECENT_DOCUMENT_DAYS,
  MIN_OFFLINE_BUDGET_MB,
} from './filing-settings.ts';

/**
 * The practice's filing settings (issues 12.5 and 12.9): one record for the whole practice, at
 * a fixed id, so that two office managers who set them on two offline devices change the same
 * record, which merges field by field. The office manager's to write; every filing reader's
 * device reads it (the budget and "recent" decide what that device keeps for an outage).
 */
export const filingSettingsSchema = z
  .strictObject({
    id: recordId('filing settings'),
    /** How many megabytes of documents' files each device keeps for working offline. */
    offlineBudgetMb: z
      .number()
      .int('Enter the storage as a whole number of megabytes')
      .min(MIN_OFFLINE_BUDGET_MB)
      .max(MAX_OFFLINE_BUDGET_MB),
    /** How many days back a patient's documents count as recent (kept for today's patients). */
    recentDocumentDays: z
      .number()
      .int('Enter the days as a whole number')
      .min(1)
      .max(MAX_RECENT_DOCUMENT_DAYS),
    /** How many days a document stays in the trash before the server empties it. */
    trashDays: z.number().int('Enter the days as a whole number').min(1).max(MAX_TRASH_DAYS),
    ...documentBase('filingSettings'),
  })
  .refine((settings) => settings.id === FILING_SETTINGS_ID, {
    path: ['id'],
    message: 'The practice has one record of filing settings',
  });
export type FilingSettings = z.infer<typeof filingSettingsSchema>;

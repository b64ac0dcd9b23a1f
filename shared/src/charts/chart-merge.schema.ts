import { z } from 'zod';
import { UUID_PATTERN } from '../ids/uuid-v7.ts';
import { documentBase } from '../registry/document-base.ts';
import { lineText } from '../text/line-text.ts';

const patientId = z.string().regex(UUID_PATTERN, 'Not a valid id').length(36);

/** Which chart's value a person kept for a field both charts had differently. */
export const MERGE_CHOICES = ['survivor', 'merged', 'both'] as const;
export type MergeChoice = (typeof MERGE_CHOICES)[number];

/**
 * The record of one chart merge: who merged which chart into which, when, on which device
 * (`editedBy`), and which value was kept for every field the two charts had differently. A
 * replicated collection, so a merge made offline is recorded on the device at once, reaches
 * every device with the charts it changed, and can be traced from both charts.
 */
export const chartMergeSchema = z
  .strictObject({
    id: patientId,
    survivorId: patientId,
    mergedId: patientId,
    /** Chart numbers at the time, so staff can match a paper note to the merge. */
    survivorChartNumber: lineText('survivor chart number', 20, false).optional(),
    mergedChartNumber: lineText('merged chart number', 20, false).optional(),
    /** Field (top-level path) → whose value was kept; fields both charts had alike are not listed. */
    choices: z.record(z.string().min(1).max(80), z.enum(MERGE_CHOICES)),
    ...documentBase('chartMerge'),
  })
  .refine((merge) => merge.survivorId !== merge.mergedId, {
    path: ['mergedId'],
    message: 'A chart cannot be merged into itself',
  });
export type ChartMerge = z.infer<typeof chartMergeSchema>;

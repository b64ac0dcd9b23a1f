import { PATIENT_RECORD_READERS } from '../auth/audiences.ts';
import { type PartitionDeclaration, stampKind } from '../registry/partition.ts';
import { CHART_MERGERS } from './chart-mergers.ts';

/**
 * The `chartMerges` partition: the record of each chart merge. Whoever reads charts can trace a
 * merge; only those who merge charts write one (ADR 9). Planned to fold into `patients` (ADR 15).
 */
export const CHART_MERGES_PARTITION = {
  read: PATIENT_RECORD_READERS,
  // 1 stamped every document with its kind (ADR 15).
  version: 1,
  migrations: { 1: stampKind('chartMerge') },
  indexes: ['survivorId', 'mergedId'],
  kinds: { chartMerge: { write: CHART_MERGERS } },
} as const satisfies PartitionDeclaration<'chartMerge'>;

import { PATIENT_RECORD_READERS } from '../auth/audiences.ts';
import type { PartitionDeclaration } from '../registry/partition.ts';
import { mergeVisits } from './merge-visits.ts';

/**
 * The `visits` partition: today's arrivals, the check-in board. The front desk checks patients
 * in and out; clinical staff (medical assistants) room them and see who waits; billing reads
 * visits for charge capture; the office manager oversees the desk (ADR 8).
 */
export const VISITS_PARTITION = {
  read: PATIENT_RECORD_READERS,
  version: 0,
  migrations: {},
  // The board reads one day at a time.
  indexes: [['day', 'id']],
  kinds: {
    // Steps recorded on two tablets both stay (see mergeVisits).
    visit: { write: ['front-desk', 'clinician', 'office-manager'], merge: mergeVisits },
  },
} as const satisfies PartitionDeclaration<'visit'>;

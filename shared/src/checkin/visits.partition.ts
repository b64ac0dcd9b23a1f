import { PATIENT_RECORD_READERS } from '../auth/audiences.ts';
import type { DocumentMigration, PartitionDeclaration } from '../registry/partition.ts';
import { mergeVisits } from './merge-visits.ts';

/**
 * Version 1: `kind` became the record's kind (ADR 15), so a visit's own kind (appointment or
 * walk-in) moved to `visitType`, in the document and in the path of any conflict about it.
 */
const visitsWithKinds: DocumentMigration = ({ kind, conflicts, ...doc }) => {
  const moved: Record<string, unknown> = { ...doc, kind: 'visit' };
  if (kind !== undefined) moved.visitType = kind;
  if (conflicts && typeof conflicts === 'object')
    moved.conflicts = Object.fromEntries(
      Object.entries(conflicts as Record<string, { path?: unknown }>).map(([id, conflict]) => [
        id,
        conflict.path === 'kind' ? { ...conflict, path: 'visitType' } : conflict,
      ]),
    );
  return moved;
};

/**
 * The `visits` partition: today's arrivals, the check-in board. The front desk checks patients
 * in and out; clinical staff (medical assistants) room them and see who waits; billing reads
 * visits for charge capture; the office manager oversees the desk (ADR 8).
 */
export const VISITS_PARTITION = {
  read: PATIENT_RECORD_READERS,
  version: 1,
  migrations: { 1: visitsWithKinds },
  // The board reads one day at a time.
  indexes: [['day', 'id']],
  kinds: {
    // Steps recorded on two tablets both stay (see mergeVisits).
    visit: { write: ['front-desk', 'clinician', 'office-manager'], merge: mergeVisits },
  },
} as const satisfies PartitionDeclaration<'visit'>;

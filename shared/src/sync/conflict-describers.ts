import { chartMergeConflicts } from '../charts/chart-merge-conflicts.ts';
import type { ChartMerge } from '../charts/chart-merge.schema.ts';
import { visitConflicts } from '../checkin/visit-conflicts.ts';
import type { Visit } from '../checkin/visit.schema.ts';
import { patientConflicts } from '../patients/patient-conflicts.ts';
import type { Patient } from '../patients/patient.schema.ts';
import type { CollectionName } from './collection-names.ts';
import type { ConflictDescriber, PatientRefs } from './conflict-describer.ts';

/** The record each collection holds. */
type Documents = { patients: Patient; visits: Visit; chartMerges: ChartMerge };

export type ConflictDescription<C extends CollectionName> = {
  describer: ConflictDescriber<Documents[C]>;
  patientRefs: PatientRefs<Documents[C]>;
};

/**
 * Every replicated collection's conflict describer and the patients its records name: the type
 * requires one for each collection, so a new one cannot reach the inbox unnamed. Zod-free, like
 * the inbox that loads it.
 */
export const CONFLICT_DESCRIBERS: { [C in CollectionName]: ConflictDescription<C> } = {
  patients: { describer: patientConflicts, patientRefs: () => [] },
  visits: { describer: visitConflicts, patientRefs: (visit) => [visit.patientId] },
  chartMerges: {
    describer: chartMergeConflicts,
    patientRefs: (merge) => [merge.survivorId, merge.mergedId],
  },
};

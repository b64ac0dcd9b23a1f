import { chartMergeConflicts } from '../charts/chart-merge-conflicts.ts';
import { visitConflicts } from '../checkin/visit-conflicts.ts';
import { patientConflicts } from '../patients/patient-conflicts.ts';
import type { ConflictDescriber, PatientRefs } from '../sync/conflict-describer.ts';
import { kindOf, type KindDocuments, type KindName, type PartitionName } from './partitions.ts';

export type ConflictDescription<K extends KindName> = {
  describer: ConflictDescriber<KindDocuments[K]>;
  patientRefs: PatientRefs<KindDocuments[K]>;
};

/**
 * Every kind's conflict describer and the patients its records name: the type requires one for
 * each kind the registry declares, so a new kind cannot reach the inbox unnamed. Zod-free, like
 * the inbox that loads it (lazily: not on the first screen).
 */
export const CONFLICT_DESCRIBERS: { [K in KindName]: ConflictDescription<K> } = {
  patient: { describer: patientConflicts, patientRefs: () => [] },
  visit: { describer: visitConflicts, patientRefs: (visit) => [visit.patientId] },
  chartMerge: {
    describer: chartMergeConflicts,
    patientRefs: (merge) => [merge.survivorId, merge.mergedId],
  },
};

/** How a stored record of a partition speaks of its conflicts; undefined for an unknown kind. */
export function describerFor(
  partition: PartitionName,
  doc: Readonly<Record<string, unknown>>,
): ConflictDescription<KindName> | undefined {
  const kind = kindOf(partition, doc);
  return kind === undefined
    ? undefined
    : (CONFLICT_DESCRIBERS[kind] as unknown as ConflictDescription<KindName>);
}

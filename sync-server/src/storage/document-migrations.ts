import {
  migrateDocument,
  PARTITIONS,
  type PartitionName,
} from '@clinicdesk/shared/registry/partitions.ts';
import { canonicalDocument } from './document-hash.ts';

/** A partition whose stored documents are behind the version its registry declares. */
export type PartitionStep = { partition: PartitionName; from: number; to: number };

/**
 * What to bring up to date, from the versions the store records (`partition_versions`). A
 * partition the store has no version for is new to it and holds no documents: it starts at the
 * declared version. A stored version above the declared one means a newer ClinicDesk wrote the
 * database, which this one must not touch.
 */
export function partitionSteps(stored: ReadonlyMap<string, number>): PartitionStep[] {
  return (Object.keys(PARTITIONS) as PartitionName[]).map((partition) => {
    const to = PARTITIONS[partition].version;
    const from = stored.get(partition) ?? to;
    if (from > to)
      throw new Error(
        `The ${partition} documents are at version ${from}, newer than this ClinicDesk knows (${to}); ` +
          'the database was written by a newer version',
      );
    return { partition, from, to };
  });
}

/**
 * One stored document (its canonical JSON, `_deleted` included) brought from version `from` to
 * the partition's current version by the partition's own migrations: the very functions the
 * device runs (RxDB migration strategies), so that both hold the same canonical state after and
 * a device's change made before its update still meets the state it assumed.
 */
export function migrateStoredDocument(
  step: PartitionStep,
  data: string,
): { data: string; hash: string } {
  const { _deleted, ...doc } = JSON.parse(data) as Record<string, unknown>;
  const migrated = migrateDocument(step.partition, step.from, doc);
  return canonicalDocument({ ...migrated, _deleted });
}

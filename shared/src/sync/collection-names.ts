import { PARTITION_NAMES, type PartitionName } from '../registry/partitions.ts';

/**
 * The replicated collections — the sync partitions of the registry (ADR 15) — by name. RxDB's
 * free build opens at most 13 collections per tab: keep 12 or fewer (partition-plan.test.ts).
 */
export const COLLECTION_NAMES: readonly CollectionName[] = PARTITION_NAMES;
export type CollectionName = PartitionName;

export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}

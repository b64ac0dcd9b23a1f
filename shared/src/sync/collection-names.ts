/**
 * The replicated collections by name (their schemas: collections.ts). Apart from the schemas so
 * that what only needs the names — the device's database, the change bus — does not load zod.
 * RxDB's free build opens at most 13 collections per tab: keep this list at 12 or fewer.
 */
export const COLLECTION_NAMES = ['patients', 'chartMerges', 'visits'] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}

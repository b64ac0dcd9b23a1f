import type { KindRule, Merge } from '@clinicdesk/shared/registry/partition.ts';
import {
  kindOf,
  PARTITIONS,
  type PartitionDocument,
} from '@clinicdesk/shared/registry/partitions.ts';
import { RX_SCHEMAS } from '@clinicdesk/shared/registry/rx-schemas/index.ts';
import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import { COLLECTION_NAMES, type CollectionName } from '@clinicdesk/shared/sync/collection-names.ts';
import type { Editor } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { type EditableDocument, mergeEdits } from '@clinicdesk/shared/sync/merge-edits.ts';
import {
  addRxPlugin,
  createRxDatabase,
  removeRxDatabase,
  type RxCollection,
  type RxCollectionCreator,
  type RxConflictHandler,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
  type WithDeleted,
} from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

addRxPlugin(RxDBMigrationSchemaPlugin);
// Tab coordination waits for leadership even when the role replicates nothing (replication
// would otherwise be what brings the plugin in).
addRxPlugin(RxDBLeaderElectionPlugin);

/** One RxDB collection per sync partition of the registry, holding its kinds' documents. */
export type ClinicCollections = {
  [P in CollectionName]: RxCollection<PartitionDocument<P>>;
};
export type ClinicDatabase = RxDatabase<ClinicCollections>;

/**
 * Never RxDB's default handler, which keeps the server copy and silently drops the device's
 * edit. Each kind's merge (default: the three-way `mergeEdits`) keeps every change; where both
 * sides changed a field differently the server's value stays and the device's is recorded as an
 * open conflict in the document.
 */
function mergingConflictHandler(partition: CollectionName): RxConflictHandler<EditableDocument> {
  const kinds = PARTITIONS[partition].kinds as Readonly<Record<string, KindRule>>;
  const mergeOf = async (doc: EditableDocument): Promise<Merge<EditableDocument>> => {
    const kind = kindOf(partition, doc);
    const rule = kind ? kinds[kind] : undefined;
    return rule?.merge ?? (rule?.loadMerge ? await rule.loadMerge() : mergeEdits);
  };
  return {
    isEqual: (a, b) => sameDocumentState(a, b),
    resolve: async ({ assumedMasterState, realMasterState, newDocumentState }) =>
      (await mergeOf(realMasterState))(
        assumedMasterState,
        realMasterState,
        newDocumentState,
      ) as WithDeleted<EditableDocument>,
  };
}

/**
 * Opens the signed-in user's local database. Each user gets their own database, so staff who
 * share a PC never read each other's cached records. Every write waits for strict IndexedDB
 * durability: "saved" on screen means on disk. Every local write is stamped with who made it on
 * which device (writes that arrive by sync keep their own stamp: they bypass these hooks).
 */
export async function openClinicDatabase(
  userId: string,
  editor: Editor,
  options: {
    /** Simulated devices (fault suite) run in Node with RxDB's memory storage. */
    storage?: RxStorage<unknown, unknown>;
    name?: string;
    multiInstance?: boolean;
    /**
     * The collections the user's role may read now (permissions.ts). Any other collection is
     * purged on opening: its documents and its sync checkpoint leave the device. Default: all.
     */
    readable?: readonly CollectionName[];
    /** Called with a collection's documents just before they are purged (their files go too). */
    beforePurge?: (collection: CollectionName, documents: readonly unknown[]) => Promise<void>;
    /**
     * Open only these collections (default: all). For simulated devices, many of which share
     * one process: RxDB's free build opens at most 13 collections per process.
     */
    only?: readonly CollectionName[];
  } = {},
): Promise<ClinicDatabase> {
  const storage = options.storage ?? getRxStorageDexie({ chromeTransactionDurability: 'strict' });
  const db = await createRxDatabase<ClinicCollections>({
    name: options.name ?? `clinicdesk-${userId.replace(/[^a-z0-9]/gi, '').toLowerCase()}`,
    storage,
    multiInstance: options.multiInstance ?? true,
    eventReduce: true,
    closeDuplicates: true,
  });
  const definitions = collectionDefinitions();
  const { only } = options;
  await db.addCollections(
    only ? Object.fromEntries(only.map((name) => [name, definitions[name]])) : definitions,
  );
  if (options.readable) await purgeUnreadable(db, options.readable, options.beforePurge);
  for (const collection of Object.values(db.collections)) {
    collection.preInsert((data: EditableDocument) => {
      data.editedBy = editor;
    }, false);
    collection.preSave((data: EditableDocument) => {
      data.editedBy = editor;
    }, false);
  }
  return db;
}

/** Deletes a user's whole local database from this device (a deactivated account). */
export async function removeClinicDatabase(name: string): Promise<void> {
  await removeRxDatabase(name, getRxStorageDexie());
}

/**
 * The collections as the device opens them, one per partition of the registry. Their schemas are
 * the generated JSON form of the kinds' zod schemas (shared/src/registry/rx-schemas/, ADR 14): the
 * database opens without loading zod, which only the forms and the server need. Each partition's
 * migrations are the pure steps the server runs over what it stores, too.
 */
function collectionDefinitions(): Record<CollectionName, RxCollectionCreator> {
  return Object.fromEntries(
    COLLECTION_NAMES.map((name) => [
      name,
      {
        schema: RX_SCHEMAS[name] as unknown as RxJsonSchema<unknown>,
        conflictHandler: mergingConflictHandler(name),
        migrationStrategies: PARTITIONS[name].migrations,
      },
    ]),
  ) as unknown as Record<CollectionName, RxCollectionCreator>;
}

/**
 * Removes, from this device only, every document of a collection the user may no longer read,
 * with the collection's replication state (so that regained access pulls everything afresh),
 * then opens it again empty. Removing the storage, not deleting documents, leaves no tombstones
 * that could ever be pushed. Local changes not yet synced go too: the server would refuse them
 * (writing needs reading), and the person no longer has the right to hold them (ADR 0008).
 */
async function purgeUnreadable(
  db: ClinicDatabase,
  readable: readonly CollectionName[],
  beforePurge?: (collection: CollectionName, documents: readonly unknown[]) => Promise<void>,
) {
  const definitions = collectionDefinitions();
  for (const name of COLLECTION_NAMES) {
    if (readable.includes(name)) continue;
    const collection = db.collections[name];
    if ((await collection.count().exec()) === 0) continue;
    await beforePurge?.(
      name,
      (await collection.find().exec()).map((doc) => doc.toJSON()),
    );
    await collection.remove();
    await db.addCollections({ [name]: definitions[name] });
  }
}

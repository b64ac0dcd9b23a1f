import type { ChartMerge } from '@clinicdesk/shared/charts/chart-merge.schema.ts';
import { mergeVisits } from '@clinicdesk/shared/checkin/merge-visits.ts';
import type { Visit } from '@clinicdesk/shared/checkin/visit.schema.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import { COLLECTION_NAMES, type CollectionName } from '@clinicdesk/shared/sync/collection-names.ts';
import { RX_SCHEMAS } from '@clinicdesk/shared/sync/rx-schemas.ts';
import type { Editor } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { type EditableDocument, mergeEdits } from '@clinicdesk/shared/sync/merge-edits.ts';
import {
  addRxPlugin,
  createRxDatabase,
  removeRxDatabase,
  type RxCollection,
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

export type ClinicCollections = {
  patients: RxCollection<Patient>;
  chartMerges: RxCollection<ChartMerge>;
  visits: RxCollection<Visit>;
};
export type ClinicDatabase = RxDatabase<ClinicCollections>;

/**
 * Never RxDB's default handler, which keeps the server copy and silently drops the device's
 * edit. The three-way merge keeps every change; where both sides changed a field differently
 * the server's value stays and the device's is recorded as an open conflict in the document.
 */
function mergingConflictHandler<T extends EditableDocument>(
  merge: (base: T | undefined, kept: T, other: T) => T = mergeEdits,
): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => sameDocumentState(a, b),
    resolve: ({ assumedMasterState, realMasterState, newDocumentState }) =>
      Promise.resolve(
        merge(assumedMasterState, realMasterState, newDocumentState) as WithDeleted<T>,
      ),
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
  if (options.readable) await purgeUnreadable(db, options.readable);
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
 * The collections as the device opens them. Their schemas are the generated JSON form of the zod
 * schemas (shared/src/sync/rx-schemas.ts, ADR 14): the database opens without loading zod, which
 * only the forms and the server need.
 */
function collectionDefinitions() {
  return {
    patients: {
      schema: RX_SCHEMAS.patients as RxJsonSchema<Patient>,
      conflictHandler: mergingConflictHandler<Patient>(),
      // Versions 1, 2 and 3 only added optional fields: older documents are valid as they are.
      migrationStrategies: {
        1: (doc: Patient) => doc,
        2: (doc: Patient) => doc,
        3: (doc: Patient) => doc,
      },
    },
    visits: {
      schema: RX_SCHEMAS.visits as RxJsonSchema<Visit>,
      // Steps recorded on two tablets both stay (see mergeVisits).
      conflictHandler: mergingConflictHandler<Visit>(mergeVisits),
    },
    chartMerges: {
      schema: RX_SCHEMAS.chartMerges as RxJsonSchema<ChartMerge>,
      conflictHandler: mergingConflictHandler<ChartMerge>(),
    },
  } satisfies Record<CollectionName, unknown>;
}

/**
 * Removes, from this device only, every document of a collection the user may no longer read,
 * with the collection's replication state (so that regained access pulls everything afresh),
 * then opens it again empty. Removing the storage, not deleting documents, leaves no tombstones
 * that could ever be pushed. Local changes not yet synced go too: the server would refuse them
 * (writing needs reading), and the person no longer has the right to hold them (ADR 0008).
 */
async function purgeUnreadable(db: ClinicDatabase, readable: readonly CollectionName[]) {
  const definitions = collectionDefinitions();
  for (const name of COLLECTION_NAMES) {
    if (readable.includes(name)) continue;
    const collection = db.collections[name];
    if ((await collection.count().exec()) === 0) continue;
    await collection.remove();
    await db.addCollections({ [name]: definitions[name] });
  }
}

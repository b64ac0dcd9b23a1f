import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import { REPLICATED_COLLECTIONS } from '@clinicdesk/shared/sync/collections.ts';
import type { Editor } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { type EditableDocument, mergeEdits } from '@clinicdesk/shared/sync/merge-edits.ts';
import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxConflictHandler,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

addRxPlugin(RxDBMigrationSchemaPlugin);

export type ClinicCollections = {
  patients: RxCollection<Patient>;
};
export type ClinicDatabase = RxDatabase<ClinicCollections>;

/**
 * Never RxDB's default handler, which keeps the server copy and silently drops the device's
 * edit. The three-way merge keeps every change; where both sides changed a field differently
 * the server's value stays and the device's is recorded as an open conflict in the document.
 */
function mergingConflictHandler<T extends EditableDocument>(): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => sameDocumentState(a, b),
    resolve: ({ assumedMasterState, realMasterState, newDocumentState }) =>
      Promise.resolve(mergeEdits(assumedMasterState, realMasterState, newDocumentState)),
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
  /** Simulated devices (fault suite) run in Node with RxDB's memory storage. */
  options: { storage?: RxStorage<unknown, unknown>; name?: string; multiInstance?: boolean } = {},
): Promise<ClinicDatabase> {
  const storage = options.storage ?? getRxStorageDexie({ chromeTransactionDurability: 'strict' });
  const db = await createRxDatabase<ClinicCollections>({
    name: options.name ?? `clinicdesk-${userId.replace(/[^a-z0-9]/gi, '').toLowerCase()}`,
    storage,
    multiInstance: options.multiInstance ?? true,
    eventReduce: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    patients: {
      schema: REPLICATED_COLLECTIONS.patients.rxSchema() as RxJsonSchema<Patient>,
      conflictHandler: mergingConflictHandler<Patient>(),
      // Versions 1 and 2 only added optional fields: older documents are valid as they are.
      migrationStrategies: { 1: (doc: Patient) => doc, 2: (doc: Patient) => doc },
    },
  });
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

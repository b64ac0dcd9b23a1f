import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import { REPLICATED_COLLECTIONS } from '@clinicdesk/shared/sync/collections.ts';
import { mergeThreeWay } from '@clinicdesk/shared/sync/merge.ts';
import {
  createRxDatabase,
  type RxCollection,
  type RxConflictHandler,
  type RxDatabase,
  type RxJsonSchema,
} from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

export type ClinicCollections = {
  patients: RxCollection<Patient>;
};
export type ClinicDatabase = RxDatabase<ClinicCollections>;

/**
 * Never RxDB's default handler, which keeps the server copy and silently drops the device's
 * edit. Fields changed on one side keep that change; a field changed on both sides keeps the
 * server's value (recording both values is issue #3's conflict inbox).
 */
function fieldMergeConflictHandler<T extends Record<string, unknown>>(): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => sameDocumentState(a, b),
    resolve: ({ assumedMasterState, realMasterState, newDocumentState }) =>
      Promise.resolve(
        mergeThreeWay(assumedMasterState, realMasterState, newDocumentState, {
          latestWins: ['updatedAt'],
        }).merged,
      ),
  };
}

/**
 * Opens the signed-in user's local database. Each user gets their own database, so staff who
 * share a PC never read each other's cached records. Every write waits for strict IndexedDB
 * durability: "saved" on screen means on disk.
 */
export async function openClinicDatabase(userId: string): Promise<ClinicDatabase> {
  const storage = getRxStorageDexie({ chromeTransactionDurability: 'strict' });
  const db = await createRxDatabase<ClinicCollections>({
    name: `clinicdesk-${userId.replace(/[^a-z0-9]/gi, '').toLowerCase()}`,
    storage,
    multiInstance: true,
    eventReduce: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    patients: {
      schema: REPLICATED_COLLECTIONS.patients.rxSchema() as RxJsonSchema<Patient>,
      conflictHandler: fieldMergeConflictHandler<Patient>(),
    },
  });
  return db;
}

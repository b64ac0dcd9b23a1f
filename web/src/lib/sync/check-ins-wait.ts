import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { RxDocument } from 'rxdb';
import type { ClinicDatabase } from '../db/database.ts';
import type { CollectionReplication } from './replication.ts';

/**
 * What a push of a partition waits for: a check-in goes out only once its patient, as this device
 * holds it, is on the server (the server refuses a visit for a patient it has no record of, and a
 * device pushes every partition at once). Plain, so the app's sync (device-sync.ts) and the fault
 * suite's simulated devices use the very same rule.
 */
export function beforePushOf(
  db: ClinicDatabase,
  partition: string,
  replications: ReadonlyMap<string, CollectionReplication>,
): ((rows: readonly WireDocument[]) => Promise<void>) | undefined {
  if (partition !== 'visits') return undefined;
  return (visits) => patientsPushed(db, replications.get('patients'), visits);
}

/** Resolves once every patient these check-ins are for, as this device holds it, is on the server. */
async function patientsPushed(
  db: ClinicDatabase,
  patients: CollectionReplication | undefined,
  visits: readonly WireDocument[],
): Promise<void> {
  if (!patients) return;
  const ids = [...new Set(visits.map((visit) => visit.patientId).filter((id) => typeof id === 'string'))]; // prettier-ignore
  const docs = await db.patients.findByIds(ids).exec();
  await Promise.all(
    [...docs.values()].map((doc) =>
      patients.state.awaitDocumentPushed(doc as unknown as RxDocument<unknown>),
    ),
  );
}

import { PUSH_ROWS_MAX, type WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { SyncClient } from './sync-client.ts';
import { readServerState } from '../fault/server-state.ts';

/** Registers patients on the ClinicDesk server as devices would: pushes of new documents. */
export async function seedClinicServer(
  client: SyncClient,
  patients: readonly WireDocument[],
): Promise<void> {
  for (let i = 0; i < patients.length; i += PUSH_ROWS_MAX) {
    const rows = patients
      .slice(i, i + PUSH_ROWS_MAX)
      .map((doc) => ({ assumedMasterState: null, newDocumentState: doc }));
    const answer = await client.push('patients', rows);
    if (answer.rejected.length > 0 || answer.conflicts.length > 0)
      throw new Error(
        `seeding refused: ${JSON.stringify(answer.rejected[0] ?? answer.conflicts[0])}`,
      );
  }
}

/** Every patient the ClinicDesk server holds. */
export async function allServerPatients(client: SyncClient): Promise<WireDocument[]> {
  return [...(await readServerState(client.baseUrl, client.session)).docs.values()];
}

/** The same documents into the PouchDB server (CouchDB's `_bulk_docs`), each with its id as `_id`. */
export async function seedPouchServer(
  pouchUrl: string,
  database: string,
  patients: readonly WireDocument[],
): Promise<void> {
  const created = await fetch(`${pouchUrl}/${database}`, { method: 'PUT' });
  if (!created.ok)
    throw new Error(`cannot create ${database}: ${created.status} ${await created.text()}`);
  for (let i = 0; i < patients.length; i += 1000) {
    const docs = patients
      .slice(i, i + 1000)
      .map(({ id, _deleted: _, ...fields }) => ({ _id: id, ...fields }));
    const response = await fetch(`${pouchUrl}/${database}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    if (!response.ok) throw new Error(`PouchDB seeding failed: ${response.status}`);
  }
}

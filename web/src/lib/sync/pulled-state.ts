import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import { getAssumedMasterState, type RxCollection } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { filter, map, type Observable } from 'rxjs';

/*
 * RxDB writes a pulled page to the collection first and notes it as the server's state (its
 * "assumed master state", in the replication's meta storage) a moment later. Whatever reads in
 * between takes the pulled records for changes made on this device: its own upstream, starting
 * beside the first download, pushes them back (a clinician's tablet showed "354 refused by
 * server"), and the pending count counts them ("563 changes not yet synced" on a device nobody
 * had typed on). These two helpers look again once RxDB has noted what it pulled.
 */

/**
 * Of `rows` (pushes RxDB made with no assumed server state), the ids whose pushed state is the
 * one RxDB has meanwhile noted as the server's: pulled records, with nothing to push.
 */
export async function confirmedCopies<Doc, Checkpoint>(
  replication: RxReplicationState<Doc, Checkpoint>,
  rows: readonly { id: string; state: Record<string, unknown> }[],
): Promise<Set<string>> {
  const state = replication.internalReplicationState;
  if (!state || rows.length === 0) return new Set();
  const confirmed = await getAssumedMasterState(
    state,
    rows.map((row) => row.id),
  );
  const copies = new Set<string>();
  for (const row of rows) {
    const master = confirmed[row.id]?.docData;
    if (master && sameDocumentState(master, row.state)) copies.add(row.id);
  }
  return copies;
}

/**
 * The ids of records each time RxDB notes a state of theirs as the server's (after a pull or an
 * accepted push). Starts once the replication has.
 */
export function confirmations<Doc, Checkpoint>(
  replication: RxReplicationState<Doc, Checkpoint>,
): Observable<string[]> {
  const state = replication.internalReplicationState;
  if (!state) throw new Error('replication not started');
  return state.input.metaInstance.changeStream().pipe(
    map((bulk) =>
      bulk.events
        .map((event) => event.documentData as { isCheckpoint?: string; itemId?: string })
        .filter((meta) => meta.isCheckpoint === '0' && typeof meta.itemId === 'string')
        .map((meta) => meta.itemId as string),
    ),
    filter((ids) => ids.length > 0),
  );
}

/**
 * Hands records RxDB holds but never noted as the server's to its upstream again, unchanged:
 * when the app closed between writing a pulled page and noting it, RxDB's downstream takes such a
 * record for a change of the device's own and leaves it to the upstream, whose checkpoint may be
 * past it already — it would stay "not yet synced" for good. Written straight to the storage
 * with the same content (no author stamp, as no one changed it), so the upstream sends it and
 * the server answers that it holds it (write-rule.ts), which notes it at last. Returns how many.
 */
export async function reannounce(
  collection: RxCollection,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const held = await collection.storageInstance.findDocumentsById([...ids], true);
  if (held.length === 0) return 0;
  const result = await collection.storageInstance.bulkWrite(
    held.map((doc) => ({ previous: doc, document: { ...doc, _meta: { ...doc._meta } } })),
    'clinicdesk-reannounce-unnoted-pull',
  );
  // A record changed meanwhile (a conflict here) needs nothing: its change goes up anyway.
  return held.length - result.error.length;
}

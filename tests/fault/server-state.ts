import { COLLECTION_NAMES } from '@clinicdesk/shared/sync/collection-names.ts';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PULL_LIMIT_MAX,
  SYNC_BASE_PATH,
  type PullResponse,
  type WireDocument,
} from '@clinicdesk/shared/sync/protocol.ts';
import { docKey } from './ledger.ts';

export type ServerState = {
  /** Every document of every replicated collection, by `docKey` (collection/id). */
  docs: Map<string, WireDocument>;
  /** Per collection, its documents by id. */
  collections: Map<string, Map<string, WireDocument>>;
  /** The highest seq any collection is at (one sequence across collections). */
  lastSeq: number;
  /** Per collection, the checkpoint it was read up to. */
  seqs: Map<string, number>;
};

/**
 * Everything the server holds in every replicated collection (COLLECTION_NAMES, so a new
 * partition is checked as soon as it exists), read the way a new device would: pull from seq 0
 * until a page comes back empty — or, given an earlier state, the way a device keeps up: pull
 * from where that state was read up to, and take each document's newer state (the result is the
 * same as a whole read; the earlier state is left as it was). Over a plain, fault-free connection.
 */
export async function readServerState(
  baseUrl: string,
  session: { cookie: string; deviceId: string },
  earlier?: ServerState,
): Promise<ServerState> {
  const state: ServerState = {
    docs: new Map(),
    collections: new Map(),
    lastSeq: 0,
    seqs: new Map(),
  };
  for (const collection of COLLECTION_NAMES) {
    const since = earlier?.seqs.get(collection) ?? 0;
    const docs = new Map(earlier?.collections.get(collection));
    const lastSeq = await readCollection(baseUrl, session, collection, since, docs);
    state.collections.set(collection, docs);
    for (const [id, doc] of docs) state.docs.set(docKey(collection, id), doc);
    state.seqs.set(collection, lastSeq);
    state.lastSeq = Math.max(state.lastSeq, lastSeq);
  }
  return state;
}

/** Pulls `collection` from seq `from` into `docs`; the checkpoint it read up to. */
async function readCollection(
  baseUrl: string,
  session: { cookie: string; deviceId: string },
  collection: string,
  from: number,
  docs: Map<string, WireDocument>,
): Promise<number> {
  let since = from;
  for (;;) {
    const response = await fetch(
      `${baseUrl}${SYNC_BASE_PATH}/${collection}/pull?since=${since}&limit=${PULL_LIMIT_MAX}`,
      {
        headers: {
          cookie: session.cookie,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          [DEVICE_HEADER]: session.deviceId,
        },
      },
    );
    if (!response.ok)
      throw new Error(`${collection} pull failed: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as PullResponse;
    if (page.documents.length === 0) return since;
    // A document appears once, at its latest seq; later pages never hold older states.
    for (const doc of page.documents) docs.set(doc.id, doc);
    since = page.checkpoint.seq;
  }
}

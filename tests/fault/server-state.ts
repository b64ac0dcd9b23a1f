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
};

/**
 * Everything the server holds in every replicated collection (COLLECTION_NAMES, so a new
 * partition is checked as soon as it exists), read the way a new device would: pull from seq 0
 * until a page comes back empty. Over a plain, fault-free connection.
 */
export async function readServerState(
  baseUrl: string,
  session: { cookie: string; deviceId: string },
): Promise<ServerState> {
  const state: ServerState = { docs: new Map(), collections: new Map(), lastSeq: 0 };
  for (const collection of COLLECTION_NAMES) {
    const { docs, lastSeq } = await readCollection(baseUrl, session, collection);
    state.collections.set(collection, docs);
    for (const [id, doc] of docs) state.docs.set(docKey(collection, id), doc);
    state.lastSeq = Math.max(state.lastSeq, lastSeq);
  }
  return state;
}

async function readCollection(
  baseUrl: string,
  session: { cookie: string; deviceId: string },
  collection: string,
): Promise<{ docs: Map<string, WireDocument>; lastSeq: number }> {
  const docs = new Map<string, WireDocument>();
  let since = 0;
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
    if (page.documents.length === 0) return { docs, lastSeq: since };
    // A document appears once, at its latest seq; later pages never hold older states.
    for (const doc of page.documents) docs.set(doc.id, doc);
    since = page.checkpoint.seq;
  }
}

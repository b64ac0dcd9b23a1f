import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PULL_LIMIT_MAX,
  SYNC_BASE_PATH,
  type PullResponse,
  type WireDocument,
} from '@clinicdesk/shared/sync/protocol.ts';

export type ServerState = { docs: Map<string, WireDocument>; lastSeq: number };

/**
 * Everything the server holds for patients, read the way a new device would: pull from seq 0
 * until a page comes back empty. Over a plain, fault-free connection.
 */
export async function readServerState(
  baseUrl: string,
  session: { cookie: string; deviceId: string },
): Promise<ServerState> {
  const docs = new Map<string, WireDocument>();
  let since = 0;
  for (;;) {
    const response = await fetch(
      `${baseUrl}${SYNC_BASE_PATH}/patients/pull?since=${since}&limit=${PULL_LIMIT_MAX}`,
      {
        headers: {
          cookie: session.cookie,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          [DEVICE_HEADER]: session.deviceId,
        },
      },
    );
    if (!response.ok) throw new Error(`pull failed: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as PullResponse;
    if (page.documents.length === 0) return { docs, lastSeq: since };
    // A document appears once, at its latest seq; later pages never hold older states.
    for (const doc of page.documents) docs.set(doc.id, doc);
    since = page.checkpoint.seq;
  }
}

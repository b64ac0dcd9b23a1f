import type { CollectionName } from '@clinicdesk/shared/sync/collections.ts';
import type { PullResponse, PushResponse } from '@clinicdesk/shared/sync/protocol.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { DocumentWriter, Store } from '../storage/store.ts';
import type { ChangeBus } from './change-bus.ts';
import { parsePushRequest, type PushRequestError } from './push-request.ts';

export type SyncService = {
  pull(collection: CollectionName, sinceSeq: number, limit: number): Promise<PullResponse>;
  push(
    collection: CollectionName,
    body: unknown,
    writer: DocumentWriter,
  ): Promise<Result<PushResponse, PushRequestError>>;
};

export function createSyncService(deps: {
  store: Store;
  bus: ChangeBus;
  clock: () => Date;
}): SyncService {
  const { store, bus, clock } = deps;
  return {
    async pull(collection, sinceSeq, limit) {
      const page = await store.pull(collection, sinceSeq, limit);
      // The checkpoint only ever moves forward, and stays put when there was nothing new.
      return { documents: page.documents, checkpoint: { seq: page.lastSeq } };
    },

    async push(collection, body, writer) {
      const parsed = parsePushRequest(collection, body);
      if (!parsed.ok) return fail(parsed.error);
      const { rows, rejected } = parsed.value;
      const outcome =
        rows.length > 0
          ? await store.push(collection, rows, writer, clock())
          : { conflicts: [], written: [] };
      // Announced only after the commit above, so a device that pulls on hearing it finds it.
      const lastSeq = Math.max(0, ...outcome.written.map((write) => write.seq));
      if (lastSeq > 0) await bus.publish({ collection, seq: lastSeq });
      return ok({ conflicts: outcome.conflicts, rejected });
    },
  };
}

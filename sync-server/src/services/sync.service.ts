import { canRead, canWriteState } from '@clinicdesk/shared/auth/permissions.ts';
import { authoriseRow, type Principal } from '@clinicdesk/shared/sync/authorise-row.ts';
import { kindOf, type KindName } from '@clinicdesk/shared/registry/partitions.ts';
import type { CollectionName } from '@clinicdesk/shared/sync/collections.ts';
import type { PullResponse, PushResponse, RowRejection } from '@clinicdesk/shared/sync/protocol.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { PushRowInput, Store } from '../storage/store.ts';
import type { ChangeBus } from './change-bus.ts';
import { createRecordScopes } from './record-scopes.ts';
import { parsePushRequest, type PushRequestError } from './push-request.ts';

export type SyncRefusal = { code: 'forbidden'; message: string };

/**
 * A pull answer with each document as its stored JSON text: the route writes the response body
 * around them (`pullResponseBody`) instead of parsing and re-serialising every document served.
 */
export type PullAnswer = {
  documentsJson: string[];
  seqs: number[];
  checkpoint: PullResponse['checkpoint'];
  remaining: number;
};

export type SyncService = {
  pull(
    principal: Principal,
    collection: CollectionName,
    sinceSeq: number,
    limit: number,
  ): Promise<Result<PullAnswer, SyncRefusal>>;
  push(
    principal: Principal,
    collection: CollectionName,
    body: unknown,
  ): Promise<Result<PushResponse, PushRequestError | SyncRefusal>>;
};

const NOT_READABLE: SyncRefusal = {
  code: 'forbidden',
  message: 'Your role does not give access to these records',
};

export function createSyncService(deps: {
  store: Store;
  bus: ChangeBus;
  clock: () => Date;
  /**
   * Per kind of record, told which records of that kind a push wrote, after the commit
   * (duplicate detection for patients). A domain registers its hook here instead of the push
   * naming collections or kinds.
   */
  afterWrite?: Partial<Record<KindName, (ids: string[]) => Promise<void>>>;
  /**
   * Per kind of record, rows to refuse for what is stored elsewhere (a chart number another
   * chart holds), before the write; each refused row is refused on its own, like a schema
   * refusal. Each hook sees only the rows of its kind.
   */
  beforeWrite?: Partial<
    Record<KindName, (rows: readonly PushRowInput[]) => Promise<RowRejection[]>>
  >;
}): SyncService {
  const { store, bus, clock } = deps;
  const scopes = createRecordScopes(store);
  return {
    async pull(principal, collection, sinceSeq, limit) {
      // A collection the role may not read is never sent, not even its checkpoint.
      if (!canRead(principal.role, collection)) return fail(NOT_READABLE);
      const page = await store.pullJson(collection, sinceSeq, limit);
      // Records out of this person's scope go as withdrawals, in their places: the checkpoint
      // moves past them as for any other, and a device that held one drops it.
      const reader = { role: principal.role, userId: principal.userId };
      const documentsJson = await scopes.pullPage(reader, collection, page.documents);
      // A page short of the limit is the end (the page is gap-safe): nothing to count. A full
      // page is counted past, so a device catching up can say how much is still to come.
      const remaining =
        page.documents.length < limit ? 0 : await store.countAfter(collection, page.lastSeq);
      // The checkpoint only ever moves forward, and stays put when there was nothing new.
      return ok({
        documentsJson,
        seqs: page.seqs,
        checkpoint: { seq: page.lastSeq },
        remaining,
      });
    },

    async push(principal, collection, body) {
      // Without read access the device has no business here at all (and must not learn, from a
      // conflict answer, what is stored). With read but no write access each row is refused on
      // its own below, so the device sees which of its changes were not taken.
      if (!canRead(principal.role, collection)) return fail(NOT_READABLE);
      const parsed = parsePushRequest(collection, body);
      if (!parsed.ok) return fail(parsed.error);
      const kindOfRow = new Map(
        parsed.value.rows.map((row) => [row.next.id, kindOf(collection, row.next)] as const),
      );
      const checked: RowRejection[] = [];
      for (const [kind, hook] of hooksOf(deps.beforeWrite)) {
        const ofKind = parsed.value.rows.filter((row) => kindOfRow.get(row.next.id) === kind);
        if (ofKind.length > 0) checked.push(...(await hook(ofKind)));
      }
      const refused = new Set(checked.map((row) => row.id));
      const rows = parsed.value.rows.filter((row) => !refused.has(row.next.id));
      const rejected = [...parsed.value.rejected, ...checked];
      // Pushed context records (categories) count only where this person may write them: a
      // category sent by someone who may not would otherwise widen the scope it is judged by.
      const scopeContext = await scopes.context(
        collection,
        rows
          .map((row) => row.next)
          .filter((next) => canWriteState(principal.role, collection, next)),
      );
      const outcome =
        rows.length > 0
          ? await store.push(
              collection,
              rows,
              {
                userId: principal.userId,
                deviceId: principal.deviceId,
                username: principal.username,
              },
              clock(),
              (stored, next, earlier) =>
                authoriseRow(principal, collection, stored, next, earlier, { scopeContext }),
              await scopes.sentAs(principal, collection),
            )
          : { conflicts: [], written: [], rejected: [] };
      // Announced only after the commit above, so a device that pulls on hearing it finds it.
      const lastSeq = Math.max(0, ...outcome.written.map((write) => write.seq));
      if (lastSeq > 0) await bus.publish({ collection, seq: lastSeq });
      const written = [...new Set(outcome.written.map((write) => write.id))];
      for (const [kind, hook] of hooksOf(deps.afterWrite)) {
        const ofKind = written.filter((id) => kindOfRow.get(id) === kind);
        if (ofKind.length > 0) await hook(ofKind);
      }
      return ok({
        conflicts: outcome.conflicts,
        rejected: [...rejected, ...outcome.rejected],
        ...(outcome.superseded ? { superseded: outcome.superseded } : {}),
        ...storedRows(outcome),
      });
    },
  };
}

/** The hooks registered, by kind. */
function hooksOf<H>(hooks: Partial<Record<KindName, H>> | undefined): [KindName, H][] {
  return Object.entries(hooks ?? {}) as [KindName, H][];
}

/**
 * The JSON of a `PullResponse` around documents already in JSON text: byte for byte what
 * `JSON.stringify({ documents, checkpoint })` gives for the parsed documents.
 */
export function pullResponseBody({
  documentsJson,
  seqs,
  checkpoint,
  remaining,
}: PullAnswer): string {
  const tail = `"checkpoint":${JSON.stringify(checkpoint)},"remaining":${JSON.stringify(remaining)}`;
  return `{"documents":[${documentsJson.join(',')}],"seqs":${JSON.stringify(seqs)},${tail}}`;
}

/** The rows whose pushed state the server now holds, with its seq; nothing when there are none. */
function storedRows(outcome: {
  written: { id: string; seq: number }[];
  alreadyStored?: { id: string; seq: number }[];
}): { stored?: { id: string; seq: number }[] } {
  const stored = [...outcome.written, ...(outcome.alreadyStored ?? [])];
  return stored.length > 0 ? { stored } : {};
}

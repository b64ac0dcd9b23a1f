import {
  PULL_LIMIT_MAX,
  type Checkpoint,
  type PushRequest,
  type PushResponse,
  type WireDocument,
} from '@clinicdesk/shared/sync/protocol.ts';
import { toWireDocument } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { filter, merge, Subject, take } from 'rxjs';
import { apiClient, syncHeaders } from '../api/client.ts';
import { requestJson, SyncRequestError } from '../api/http.ts';
import type { LocalDatabase } from '../db/local-db.ts';
import type { SyncStatus } from './sync-status.svelte.ts';
import { PulledDuringPush } from './pulled-during-push.ts';
import { confirmedCopies } from './pulled-state.ts';
import { mergingFromSupersededBases, SupersededBases } from './superseded-bases.ts';

export type CollectionReplication = {
  state: RxReplicationState<unknown, Checkpoint>;
  /** Feed for the live stream: 'RESYNC' makes the replication pull from its checkpoint. */
  stream$: Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>;
};

/**
 * Documents asked for per pull: the most the server sends (PULL_LIMIT_MAX). A device that is
 * behind — a new tablet's first sync, a day offline — catches up in fewer, larger pages (fewer
 * round trips and write transactions); a live pull after a change gets only what is new anyway.
 */
export const PULL_BATCH_SIZE = PULL_LIMIT_MAX;

/** What the replication tells the app about each exchange with the server. */
export type SyncReporter = Pick<SyncStatus, 'reportSuccess' | 'reportFailure'> &
  Partial<Pick<SyncStatus, 'reportPulled'>>;

type ReplicationDeps = {
  collection: RxCollection;
  deviceId: string;
  status: SyncReporter;
  local: LocalDatabase;
  /** The browser's fetch; simulated devices in the fault suite pass one with faults in it. */
  fetch?: typeof fetch;
  /** Prefix for API paths ('' in the browser, the server's URL elsewhere). */
  baseUrl?: string;
  /**
   * Waits, before a push goes out, for what its rows depend on in other collections: a
   * check-in's patient must reach the server first, or the server refuses the check-in.
   */
  beforePush?: (rows: readonly WireDocument[]) => Promise<void>;
  /**
   * For a partition with a record scope (filing): who the device pulls for, as `role-userId`.
   * The checkpoint is kept per scope, so that when the person or their role changes the
   * partition is pulled afresh, and the server's withdrawals take away what the new scope
   * leaves out (ADR 15). Unscoped partitions keep one checkpoint.
   */
  scopeKey?: string | undefined;
};

/**
 * RxDB's replication protocol over the sync server's HTTP API. Handlers throw on failure so
 * RxDB retries (nothing is dropped); the server's per-row refusals are kept in the local
 * database, because RxDB would otherwise treat a refused row as delivered.
 */
export function replicateCollection({
  collection,
  deviceId,
  status,
  local,
  fetch: fetchImpl = (input, init) => fetch(input, init),
  baseUrl = '',
  beforePush,
  scopeKey,
}: ReplicationDeps): CollectionReplication {
  const name = collection.name;
  const sync = apiClient({ baseUrl, fetch: fetchImpl }).sync.v1[':collection'];
  const param = { collection: name };
  const options = { headers: syncHeaders(deviceId) };
  const stream$ = new Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>();
  // RxDB takes the collection's conflict handler when the replication starts. Wrapped once per
  // collection (the original is kept), so a replication started again does not wrap a wrapper.
  const superseded = new SupersededBases();
  const pulledDuringPush = new PulledDuringPush();
  collection.conflictHandler = mergingFromSupersededBases(
    ownConflictHandler(collection),
    superseded,
  );

  const state = replicateRxCollection<unknown, Checkpoint>({
    replicationIdentifier: `clinicdesk-sync-v1-${name}${scopeKey ? `-${scopeKey}` : ''}`,
    collection,
    live: true,
    retryTime: 3_000,
    waitForLeadership: true,
    toggleOnDocumentVisible: false,
    pull: {
      batchSize: PULL_BATCH_SIZE,
      stream$: stream$.asObservable(),
      async handler(checkpoint, batchSize) {
        const since = checkpoint?.seq ?? 0;
        const outcome = await requestJson(() =>
          sync.pull.$get(
            { param, query: { since: String(since), limit: String(batchSize) } },
            options,
          ),
        );
        if (!outcome.ok) {
          status.reportFailure(outcome);
          throw new SyncRequestError(outcome);
        }
        const { documents, remaining } = outcome.value;
        pulledDuringPush.pulledPage(outcome.value);
        // A server that does not count: a full page means more may follow, a short one is the end.
        const still = remaining ?? (documents.length >= batchSize ? null : 0);
        const report = () => {
          if (status.reportPulled) status.reportPulled(name, documents.length, still);
          else status.reportSuccess();
        };
        // "Received whole" only once the last page is in the collection (RxDB writes it after
        // this returns): screens that wait for it (the empty library offering the starter
        // manual) must not judge by a collection still short of that page.
        if (still === 0 && documents.length > 0)
          void afterWritten(
            state,
            documents.map((doc) => doc.id),
          ).then(report);
        else report();
        return { documents, checkpoint: outcome.value.checkpoint };
      },
    },
    push: {
      batchSize: 100,
      async handler(pushed) {
        // Records pulled as the replication started, which its upstream took for this device's
        // own changes (pulled-state.ts): not sent, and taken as stored, which they are. The
        // server takes any others it finds are what it sent as stored too (write-rule.ts).
        const pulled = await confirmedCopies(
          state,
          pushed
            .filter((row) => !row.assumedMasterState)
            .map((row) => {
              const doc = row.newDocumentState as WireDocument;
              return { id: doc.id, state: doc };
            }),
        );
        const rows = pushed.filter((row) => !pulled.has((row.newDocumentState as WireDocument).id));
        if (rows.length === 0) return [];
        const body: PushRequest = {
          rows: rows.map((row) => ({
            assumedMasterState: row.assumedMasterState
              ? toWireDocument(row.assumedMasterState as WireDocument)
              : null,
            newDocumentState: toWireDocument(row.newDocumentState as WireDocument),
          })),
        };
        await beforePush?.(body.rows.map((row) => row.newDocumentState));
        superseded.pushing(body.rows);
        pulledDuringPush.started(body.rows);
        // requestJson never throws: every push that started is finished here, once, answered
        // or not. A newer state pulled while it was on its way goes back to RxDB as a conflict,
        // merged from the pushed state, instead of the device taking its own for the server's.
        const outcome = await requestJson(() => sync.push.$post({ param, json: body }, options));
        const later = pulledDuringPush.finished(body.rows, outcome.ok ? outcome.value : null);
        if (!outcome.ok) {
          status.reportFailure(outcome);
          throw new SyncRequestError(outcome);
        }
        status.reportSuccess();
        await recordRefusals(local, name, body, outcome.value);
        superseded.answered(body.rows, [...(outcome.value.superseded ?? []), ...later.superseded]);
        return [...outcome.value.conflicts, ...later.conflicts];
      },
    },
  });
  return { state, stream$ };
}

/**
 * Resolves once RxDB has written each of these pulled records to the collection, or has gone
 * idle (a record it did not write — one with a local change pending — is not waited for).
 */
function afterWritten(
  replication: RxReplicationState<unknown, Checkpoint>,
  ids: readonly string[],
): Promise<void> {
  const waiting = new Set(ids);
  return new Promise((resolve) => {
    const done = merge(
      replication.received$.pipe(
        filter((doc) => {
          waiting.delete((doc as unknown as { id: string }).id);
          return waiting.size === 0;
        }),
      ),
      replication.active$.pipe(filter((active) => !active)),
      replication.canceled$.pipe(filter(Boolean)),
    )
      .pipe(take(1))
      .subscribe(() => {
        resolve();
        queueMicrotask(() => done.unsubscribe());
      });
  });
}

const ownHandlers = new WeakMap<RxCollection, RxCollection['conflictHandler']>();

/** The conflict handler the collection was opened with (or set to), before any wrapping here. */
function ownConflictHandler(collection: RxCollection): RxCollection['conflictHandler'] {
  const own = ownHandlers.get(collection) ?? collection.conflictHandler;
  ownHandlers.set(collection, own);
  return own;
}

async function recordRefusals(
  local: LocalDatabase,
  collection: string,
  request: PushRequest,
  response: PushResponse,
): Promise<void> {
  const refused = new Set(response.rejected.map((r) => r.id));
  const at = new Date().toISOString();
  await local.transaction('rw', local.refusedChanges, async () => {
    await local.refusedChanges.bulkPut(
      response.rejected.map((r) => ({
        key: `${collection}/${r.id}`,
        collection,
        id: r.id,
        code: r.code,
        message: r.message,
        at,
      })),
    );
    // A row accepted now supersedes an earlier refusal of the same document.
    const accepted = request.rows
      .map((row) => row.newDocumentState.id)
      .filter((id) => !refused.has(id));
    await local.refusedChanges.bulkDelete(accepted.map((id) => `${collection}/${id}`));
  });
}

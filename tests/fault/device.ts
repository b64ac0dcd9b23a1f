import 'fake-indexeddb/auto';
import { canRead } from '@clinicdesk/shared/auth/permissions.ts';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { sameDocumentState, toWireDocument } from '@clinicdesk/shared/sync/canonical-json.ts';
import { COLLECTION_NAMES, type CollectionName } from '@clinicdesk/shared/sync/collection-names.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { getChangedDocumentsSince, type RxCollection, type RxConflictHandler } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { uploadsLane } from '../../web/src/lib/blobs/upload-queue.ts';
import { type ClinicDatabase, openClinicDatabase } from '../../web/src/lib/db/database.ts';
import { type LocalDatabase, openLocalDatabase } from '../../web/src/lib/db/local-db.ts';
import { type Outbox, startOutbox } from '../../web/src/lib/sync/outbox.ts';
import { beforePushOf } from '../../web/src/lib/sync/check-ins-wait.ts';
import { PendingTracker } from '../../web/src/lib/sync/pending-tracker.ts';
import {
  type CollectionReplication,
  replicateCollection,
} from '../../web/src/lib/sync/replication.ts';
import type { SyncStatus } from '../../web/src/lib/sync/sync-status.svelte.ts';
import type { Random } from './random.ts';
import { type Session, signIn } from './session.ts';
import { sketch, type TraceSink } from './trace.ts';

export type DeviceOptions = {
  index: number;
  /** Distinguishes this run's databases from another store's in the same process. */
  runId: string;
  baseUrl: string;
  credentials: { username: string; password: string };
  /** The device's way to the server, given its session cookie (faults go in here). */
  fetchFor: (cookie: string) => typeof fetch;
  rng: Random;
  /** Milliseconds since the epoch on this device's clock (for its id). */
  clockMs: number;
  /** How often the device asks for changes (stands in for the live stream's events); 0: never. */
  pollMs: number;
  /** Self-test: RxDB's default handler (keep the server's copy, drop the device's). */
  dropConflictingEdits: boolean;
  /**
   * Open and replicate only these collections (two devices sharing a test process, as in
   * lost-answer.test.ts). Default: the whole database as the app opens it, every collection the
   * role may read replicated — one device per worker thread (device-worker.ts).
   */
  only?: readonly CollectionName[];
  /**
   * Run the app's outbox with its file-uploads lane, as the syncing tab does. It sends through
   * the global `fetch` with the app's relative paths, so only a device alone in its thread (a
   * worker, whose `fetch` is this device's network) may have it.
   */
  uploads?: boolean;
  trace?: TraceSink;
};

/**
 * RxDB's default conflict handler, which ClinicDesk bans: the server's state wins and the
 * device's edit vanishes. Only installed by FAULT_SELFTEST_DROP_HANDLER=1, to prove the suite
 * notices lost writes.
 */
const DROPPING_HANDLER: RxConflictHandler<unknown> = {
  isEqual: (a, b) => sameDocumentState(a, b),
  resolve: ({ realMasterState }) => Promise.resolve(realMasterState),
};

/** What the outbox reports to the chrome; a simulated device only counts failures. */
function outboxStatus(failures: { count: number }): SyncStatus {
  const status = {
    reportFailure: () => void failures.count++,
    setPending: () => undefined,
    lastProblem: null as string | null,
  };
  return status as unknown as SyncStatus;
}

/**
 * One simulated front-desk device: its own session and device id, its own RxDB database (memory
 * storage) opened by the app's own `openClinicDatabase`, the app's own replication of each
 * collection, and (with `uploads`) the app's own outbox for the files taken on it; every
 * request goes through the faulty network.
 */
export class SimDevice {
  readonly index: number;
  readonly deviceId: string;
  readonly session: Session;
  readonly db: ClinicDatabase;
  readonly local: LocalDatabase;
  /** One per replicated collection, by name. */
  readonly replications: ReadonlyMap<string, CollectionReplication>;
  private readonly trackers: readonly PendingTracker[];
  private readonly outbox: Outbox | null;
  /** Exchanges with the server that failed, as the sync status would have counted them. */
  readonly failures: { count: number };
  private readonly poller: ReturnType<typeof setInterval> | undefined;

  private constructor(parts: {
    index: number;
    failures: { count: number };
    deviceId: string;
    session: Session;
    db: ClinicDatabase;
    local: LocalDatabase;
    replications: ReadonlyMap<string, CollectionReplication>;
    trackers: readonly PendingTracker[];
    outbox: Outbox | null;
    pollMs: number;
  }) {
    this.index = parts.index;
    this.failures = parts.failures;
    this.deviceId = parts.deviceId;
    this.session = parts.session;
    this.db = parts.db;
    this.local = parts.local;
    this.replications = parts.replications;
    this.trackers = parts.trackers;
    this.outbox = parts.outbox;
    if (parts.pollMs > 0) this.poller = setInterval(() => this.resync(), parts.pollMs);
  }

  static async open(options: DeviceOptions): Promise<SimDevice> {
    const { index, runId, rng } = options;
    const deviceId = uuidv7(options.clockMs, rng.bytes(10));
    const session = await signIn(options.baseUrl, options.credentials, deviceId);
    const editor = { userId: session.user.id, name: session.user.displayName, deviceId };
    const role = session.user.role;
    const readable = COLLECTION_NAMES.filter((name) => canRead(role, name));
    const db = await openClinicDatabase(session.user.id, editor, {
      storage: getRxStorageMemory(),
      name: `fault${runId}device${index}`,
      multiInstance: false,
      readable,
      ...(options.only ? { only: options.only } : {}),
    });
    // The Dexie name comes from the "user id": one per device, as on separate tablets.
    const local = openLocalDatabase(`fault${runId}device${index}`);
    const failures = { count: 0 };
    const status = {
      reportSuccess: () => undefined,
      reportFailure: () => void failures.count++,
    };
    const replications = new Map<string, CollectionReplication>();
    for (const collection of Object.values(db.collections) as RxCollection[]) {
      // As the app does (device-sync.ts): a collection the role may not read is not synced.
      if (!readable.some((name) => name === collection.name)) continue;
      if (options.dropConflictingEdits) collection.conflictHandler = DROPPING_HANDLER;
      replications.set(
        collection.name,
        replicateCollection({
          collection,
          deviceId,
          status,
          local,
          fetch: options.fetchFor(session.cookie),
          baseUrl: options.baseUrl,
          beforePush: beforePushOf(db, collection.name, replications),
        }),
      );
    }
    const trace = options.trace;
    if (trace?.enabled)
      for (const [name, replication] of replications)
        replication.state.conflict$.subscribe(({ input, output }) =>
          trace.log({
            device: index,
            collection: name,
            resolved: {
              assumed: sketch(input.assumedMasterState),
              real: sketch(input.realMasterState),
              mine: sketch(input.newDocumentState),
              merged: sketch(output),
            },
          }),
        );
    const trackers: PendingTracker[] = [];
    for (const [name, replication] of replications) {
      const tracker = new PendingTracker(
        db.collections[name as CollectionName] as RxCollection,
        replication.state,
        () => undefined,
      );
      await tracker.start();
      trackers.push(tracker);
    }
    const outbox = options.uploads
      ? startOutbox([uploadsLane({ local, deviceId, random: () => rng.float() })], {
          status: outboxStatus(failures),
          random: () => rng.float(),
        })
      : null;
    return new SimDevice({
      index,
      failures,
      deviceId,
      session,
      db,
      local,
      replications,
      trackers,
      outbox,
      pollMs: options.pollMs,
    });
  }

  get label(): string {
    return `d${this.index}`;
  }

  /** The patients replication (lost-answer.test.ts drives it directly). */
  get replication(): CollectionReplication {
    const patients = this.replications.get('patients');
    if (!patients) throw new Error(`${this.label} does not replicate patients`);
    return patients;
  }

  /** Resolves once every replicated collection has been received whole once. */
  async awaitInitialReplication(): Promise<void> {
    await Promise.all(
      [...this.replications.values()].map((r) => r.state.awaitInitialReplication()),
    );
  }

  /**
   * Resolves once every replication has done the work it has been given: pulled after the
   * latest RESYNC, and pushed every local change (a failed request is retried first, after
   * RxDB's `retryTime` or the browser's `online` event).
   */
  async awaitInSync(): Promise<void> {
    await Promise.all([...this.replications.values()].map((r) => r.state.awaitInSync()));
  }

  /** What the live stream does on every server event: pull from the checkpoint now. */
  resync(): void {
    for (const replication of this.replications.values()) replication.stream$.next('RESYNC');
  }

  /** What the app does when the network comes back: every waiting file is tried now. */
  retryUploads(): void {
    this.outbox?.retryNow();
  }

  /** Local changes the server has not confirmed, and files not yet uploaded (the app's counts). */
  async pending(): Promise<number> {
    const counts = await Promise.all(this.trackers.map((tracker) => tracker.settled()));
    const uploads = this.outbox ? await this.local.uploads.count() : 0;
    return counts.reduce((sum, n) => sum + n, uploads);
  }

  /** Every document of a collection on the device, tombstones included, as on the wire. */
  async documents(collection: string = 'patients'): Promise<WireDocument[]> {
    const rx = this.db.collections[collection as CollectionName] as RxCollection | undefined;
    if (!rx) return [];
    const out: WireDocument[] = [];
    let checkpoint: unknown = undefined;
    for (;;) {
      const page = await getChangedDocumentsSince(rx.storageInstance, 500, checkpoint);
      if (page.documents.length === 0) return out;
      for (const doc of page.documents)
        out.push(toWireDocument(doc as unknown as Record<string, unknown>) as WireDocument);
      checkpoint = page.checkpoint;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.poller);
    for (const tracker of this.trackers) tracker.stop();
    await this.outbox?.stop();
    await Promise.all([...this.replications.values()].map((r) => r.state.cancel()));
    await this.db.close();
    this.local.close();
  }
}

import 'fake-indexeddb/auto';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { sameDocumentState, toWireDocument } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { getChangedDocumentsSince, type RxConflictHandler } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { type ClinicDatabase, openClinicDatabase } from '../../web/src/lib/db/database.ts';
import { type LocalDatabase, openLocalDatabase } from '../../web/src/lib/db/local-db.ts';
import { PendingTracker } from '../../web/src/lib/sync/pending-tracker.ts';
import {
  type CollectionReplication,
  replicateCollection,
} from '../../web/src/lib/sync/replication.ts';
import type { Random } from './random.ts';
import { type Session, signIn } from './session.ts';
import { sketch, type Trace } from './trace.ts';

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
  trace?: Trace;
};

/**
 * RxDB's default conflict handler, which ClinicDesk bans: the server's state wins and the
 * device's edit vanishes. Only installed by FAULT_SELFTEST_DROP_HANDLER=1, to prove the suite
 * notices lost writes.
 */
const DROPPING_HANDLER: RxConflictHandler<Patient> = {
  isEqual: (a, b) => sameDocumentState(a, b),
  resolve: ({ realMasterState }) => Promise.resolve(realMasterState),
};

/**
 * One simulated front-desk device: its own session and device id, its own RxDB database (memory
 * storage) opened by the app's own `openClinicDatabase`, and the app's own replication, whose
 * every request goes through the faulty network.
 */
export class SimDevice {
  readonly index: number;
  readonly deviceId: string;
  readonly session: Session;
  readonly db: ClinicDatabase;
  readonly local: LocalDatabase;
  readonly replication: CollectionReplication;
  readonly tracker: PendingTracker;
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
    replication: CollectionReplication;
    tracker: PendingTracker;
    pollMs: number;
  }) {
    this.index = parts.index;
    this.failures = parts.failures;
    this.deviceId = parts.deviceId;
    this.session = parts.session;
    this.db = parts.db;
    this.local = parts.local;
    this.replication = parts.replication;
    this.tracker = parts.tracker;
    if (parts.pollMs > 0) this.poller = setInterval(() => this.resync(), parts.pollMs);
  }

  static async open(options: DeviceOptions): Promise<SimDevice> {
    const { index, runId, rng } = options;
    const deviceId = uuidv7(options.clockMs, rng.bytes(10));
    const session = await signIn(options.baseUrl, options.credentials, deviceId);
    const editor = { userId: session.user.id, name: session.user.displayName, deviceId };
    const db = await openClinicDatabase(session.user.id, editor, {
      storage: getRxStorageMemory(),
      name: `fault${runId}device${index}`,
      multiInstance: false,
      // The suite exercises patients; five to ten devices share this process.
      only: ['patients'],
    });
    if (options.dropConflictingEdits) db.patients.conflictHandler = DROPPING_HANDLER;
    // The Dexie name comes from the "user id": one per device, as on separate tablets.
    const local = openLocalDatabase(`fault${runId}device${index}`);
    const failures = { count: 0 };
    const replication = replicateCollection({
      collection: db.patients,
      deviceId,
      status: {
        reportSuccess: () => undefined,
        reportFailure: () => void failures.count++,
      },
      local,
      fetch: options.fetchFor(session.cookie),
      baseUrl: options.baseUrl,
    });
    const trace = options.trace;
    if (trace?.enabled)
      replication.state.conflict$.subscribe(({ input, output }) =>
        trace.log({
          device: index,
          resolved: {
            assumed: sketch(input.assumedMasterState),
            real: sketch(input.realMasterState),
            mine: sketch(input.newDocumentState),
            merged: sketch(output),
          },
        }),
      );
    const tracker = new PendingTracker(db.patients, replication.state, () => undefined);
    await tracker.start();
    return new SimDevice({
      index,
      failures,
      deviceId,
      session,
      db,
      local,
      replication,
      tracker,
      pollMs: options.pollMs,
    });
  }

  get label(): string {
    return `d${this.index}`;
  }

  /** What the live stream does on every server event: pull from the checkpoint now. */
  resync(): void {
    this.replication.stream$.next('RESYNC');
  }

  /** Local changes the server has not confirmed (the app's own count). */
  pending(): Promise<number> {
    return this.tracker.settled();
  }

  /** Every document on the device, tombstones included, as it would travel on the wire. */
  async documents(): Promise<WireDocument[]> {
    const out: WireDocument[] = [];
    let checkpoint: unknown = undefined;
    for (;;) {
      const page = await getChangedDocumentsSince(
        this.db.patients.storageInstance,
        500,
        checkpoint,
      );
      if (page.documents.length === 0) return out;
      for (const doc of page.documents)
        out.push(toWireDocument(doc as unknown as Record<string, unknown>) as WireDocument);
      checkpoint = page.checkpoint;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.poller);
    this.tracker.stop();
    await this.replication.state.cancel();
    await this.db.close();
    this.local.close();
  }
}

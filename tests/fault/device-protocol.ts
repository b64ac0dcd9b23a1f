import type { RefusedChange } from '../../web/src/lib/db/local-db.ts';
import type { NetworkCounts } from './faulty-fetch.ts';
import type { FieldWrite } from './ledger.ts';
import type { OpName } from './workload.ts';

/**
 * The messages between the scenario (main thread) and one simulated device (its own worker
 * thread, device-worker.ts). Small on purpose: commands, the writes one step made, conflict keys
 * and digests; whole documents cross only for the few examples a failed run prints.
 */

/** What a device is given to start: plain data, so it can be posted. */
export type DeviceInit = {
  index: number;
  /** Distinguishes this run's databases from another store's. */
  runId: string;
  baseUrl: string;
  credentials: { username: string; password: string };
  /** The device's own seeded streams (its id, its network, its workload) fork from this. */
  seed: number;
  /** Milliseconds since the epoch on this device's clock (for its id). */
  clockMs: number;
  /** How often the device asks for changes (stands in for the live stream's events); 0: never. */
  pollMs: number;
  /** Self-test: RxDB's default handler (keep the server's copy, drop the device's). */
  dropConflictingEdits: boolean;
  /** Send trace events to the main thread (FAULT_TRACE=1). */
  trace: boolean;
  /** Demo charts only office managers merge, and that no other operation touches. */
  mergePool: readonly string[];
  /** Records many devices work on (seeded demo patients); creates add to it (`busy`). */
  busy: readonly string[];
};

/** What one step of the workload did on the device. */
export type StepResult = {
  op: OpName;
  /** Every field value it wrote, for the ledger. */
  writes: FieldWrite[];
  /** Patients it registered: every device works on them from now on. */
  created: string[];
};

/** One look at the device while the system heals. */
export type DevicePoll = {
  /** Unsynced changes and files not yet uploaded, the app's own counts. */
  pending: number;
  /** Per collection: a digest of every document the device holds (see digestOf). */
  digests: Record<string, string>;
  /** Conflict keys (`collection/doc conflict`) this device holds that it never reported. */
  conflicts: string[];
};

export type DeviceTally = {
  network: NetworkCounts;
  /** Exchanges with the server that failed, as the sync status would have counted them. */
  syncFailures: number;
  refusedCount: number;
  refused: RefusedChange[];
};

/** Each request and its answer. */
export type DeviceCalls = {
  open: { args: DeviceInit; result: { deviceId: string } };
  /** Every collection received whole once, as after a first sign-in. */
  initialSync: { args: null; result: null };
  /** Network faults on or off (`heal` also ends the partition) and this device's partition. */
  network: { args: { faults?: boolean; offline?: boolean }; result: null };
  /** New busy records (patients another device registered). */
  busy: { args: { ids: string[] }; result: null };
  step: { args: { step: number; nowMs: number }; result: StepResult };
  /** Conflict keys this device holds that it never reported. */
  observe: { args: null; result: string[] };
  /**
   * Pull now and retry uploads now; wait until every replication is in sync (for `withinMs` at
   * most: a device that cannot get there must not hide the others' report) and no duplicate is
   * in flight; then report (healing).
   */
  poll: { args: { withinMs: number }; result: DevicePoll };
  /** Per collection, `[id, hash]` of every document (only when a run fails to converge). */
  hashes: { args: null; result: Record<string, [string, string][]> };
  /** Canonical JSON of some documents (`collection/id`), for a failure's examples. */
  documents: { args: { keys: string[] }; result: Record<string, string> };
  tally: { args: null; result: DeviceTally };
  close: { args: null; result: null };
};
export type DeviceCall = keyof DeviceCalls;

export type DeviceRequest = {
  [K in DeviceCall]: { id: number; call: K; args: DeviceCalls[K]['args'] };
}[DeviceCall];

export type DeviceMessage =
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string }
  | { kind: 'trace'; event: Record<string, unknown> };

import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { Checkpoint } from '@clinicdesk/shared/sync/protocol.ts';
import { getAssumedMasterState, getChangedDocumentsSince, type RxCollection } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { Subscription } from 'rxjs';
import { confirmations, reannounce } from './pulled-state.ts';

const CHUNK = 500;

type StoredDocument = { id: string; updatedAt?: string };

/**
 * Counts the documents of one collection whose local state the server has not acknowledged.
 * The truth is RxDB's own replication metadata: a document is pending exactly when its local
 * state differs from the state the replication last confirmed on the server (the "assumed
 * master state"). The whole collection is checked once at start, then only documents that
 * change, and all pending ones again each time the replication goes idle (after a push).
 */
export class PendingTracker {
  /** Pending document ids, with the local time of their latest edit. */
  private readonly pending = new Map<string, string>();
  private readonly dirty = new Set<string>();
  /** Documents changed while the first whole-collection check runs (null once it is done). */
  private changedDuringStart: Set<string> | null = new Set();
  private readonly subscriptions: Subscription[] = [];
  /** Checks run one after another, and only once the replication has its metadata open. */
  private checking: Promise<void>;
  private scheduled: ReturnType<typeof setTimeout> | undefined;
  private readonly collection: RxCollection;
  private readonly replication: RxReplicationState<unknown, Checkpoint>;
  /**
   * The number of pending documents, each time it may have changed; `counted` is false while the
   * first whole-collection check is still running (the number may still grow).
   */
  private readonly onCount: (count: number, counted: boolean) => void;
  /** Pending records with no server state noted at all, and those handed up again once. */
  private readonly unnoted = new Set<string>();
  private readonly reannounced = new Set<string>();

  constructor(
    collection: RxCollection,
    replication: RxReplicationState<unknown, Checkpoint>,
    onCount: (count: number, counted: boolean) => void,
  ) {
    this.collection = collection;
    this.replication = replication;
    this.onCount = onCount;
    this.checking = replication.startPromise;
  }

  async start(): Promise<void> {
    this.subscriptions.push(
      this.collection.$.subscribe((event) => {
        this.changedDuringStart?.add(event.documentId);
        this.markDirty([event.documentId]);
      }),
      this.replication.active$.subscribe((active) => {
        if (!active) this.markDirty([...this.pending.keys()]);
        if (!active) void this.repairOnceIdle();
      }),
    );
    // A record counted while its pull was being noted as the server's state is looked at again
    // once it is (pulled-state.ts).
    await this.replication.startPromise;
    this.subscriptions.push(
      confirmations(this.replication).subscribe((ids) => {
        const counted = ids.filter((id) => this.pending.has(id));
        if (counted.length > 0) this.markDirty(counted);
      }),
    );
    // Every document, tombstones included, in pages, from the storage's change index. Each page
    // is compared as read (no second read of 100,000 documents at start); a document changed
    // since the start began is left to the check its change asked for, which reads it afresh.
    let checkpoint: unknown = undefined;
    for (;;) {
      const page = await getChangedDocumentsSince(
        this.collection.storageInstance,
        CHUNK,
        checkpoint,
      );
      if (page.documents.length === 0) break;
      const documents = page.documents as StoredDocument[];
      this.checking = this.checking
        .then(async () => {
          await this.compare(documents.filter((doc) => !this.changedDuringStart?.has(doc.id)));
          this.report();
        })
        .catch(() => this.markDirty(documents.map((doc) => doc.id)));
      checkpoint = page.checkpoint;
    }
    this.checking = this.checking.then(() => {
      this.changedDuringStart = null;
      this.report();
    });
  }

  /** When the oldest change still waiting for the server was made (device clock), if any. */
  oldestPendingAt(): string | null {
    let oldest: string | null = null;
    for (const at of this.pending.values()) if (at && (!oldest || at < oldest)) oldest = at;
    return oldest;
  }

  stop(): void {
    clearTimeout(this.scheduled);
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /** Waits for every check asked for so far (tests and the sign-out warning use it). */
  async settled(): Promise<number> {
    this.flush();
    await this.checking;
    return this.pending.size;
  }

  /**
   * Once the first sync is through and the replication rests, records still counted with no
   * server state noted are handed to the upstream again (pulled-state.ts `reannounce`): a record
   * made here and never pushed goes up as it would anyway; a pulled one the app closed on before
   * RxDB noted it stops counting once the server answers that it holds it. Once per record.
   */
  private async repairOnceIdle(): Promise<void> {
    if (!this.replication.internalReplicationState?.firstSyncDone.down.getValue()) return;
    await this.checking;
    if (this.replication.isStopped()) return;
    const ids = [...this.unnoted].filter((id) => this.pending.has(id) && !this.reannounced.has(id));
    for (const id of ids) this.reannounced.add(id);
    await reannounce(this.collection, ids).catch(() => 0);
  }

  private markDirty(ids: string[]): void {
    for (const id of ids) this.dirty.add(id);
    clearTimeout(this.scheduled);
    this.scheduled = setTimeout(() => this.flush(), 30);
  }

  private flush(): void {
    if (this.dirty.size === 0) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    this.checking = this.checking.then(() => this.check(ids)).catch(() => this.markDirty(ids));
  }

  private async check(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const local = await this.collection.storageInstance.findDocumentsById(chunk, true);
      await this.compare(local as StoredDocument[], chunk);
    }
    this.report();
  }

  private report(): void {
    this.onCount(this.pending.size, this.changedDuringStart === null);
  }

  /**
   * Compares local documents with the states the server confirmed. `ids` may name documents
   * not found locally (gone: not pending); by default the documents' own ids.
   */
  private async compare(local: StoredDocument[], ids = local.map((doc) => doc.id)): Promise<void> {
    const state = this.replication.internalReplicationState;
    if (!state) throw new Error('replication not started');
    if (ids.length === 0) return;
    const confirmed = await getAssumedMasterState(state, ids);
    const localById = new Map(local.map((doc) => [doc.id, doc]));
    for (const id of ids) {
      const doc = localById.get(id);
      const master = confirmed[id]?.docData;
      const isPending = doc !== undefined && (!master || !sameDocumentState(doc, master));
      if (isPending) this.pending.set(id, doc.updatedAt ?? '');
      else this.pending.delete(id);
      if (isPending && !master) this.unnoted.add(id);
      else this.unnoted.delete(id);
    }
  }
}

import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { Checkpoint } from '@clinicdesk/shared/sync/protocol.ts';
import { getAssumedMasterState, getChangedDocumentsSince, type RxCollection } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { Subscription } from 'rxjs';

const CHUNK = 500;

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
  private readonly subscriptions: Subscription[] = [];
  /** Checks run one after another, and only once the replication has its metadata open. */
  private checking: Promise<void>;
  private scheduled: ReturnType<typeof setTimeout> | undefined;
  private readonly collection: RxCollection;
  private readonly replication: RxReplicationState<unknown, Checkpoint>;
  private readonly onCount: (count: number) => void;

  constructor(
    collection: RxCollection,
    replication: RxReplicationState<unknown, Checkpoint>,
    onCount: (count: number) => void,
  ) {
    this.collection = collection;
    this.replication = replication;
    this.onCount = onCount;
    this.checking = replication.startPromise;
  }

  async start(): Promise<void> {
    this.subscriptions.push(
      this.collection.$.subscribe((event) => this.markDirty([event.documentId])),
      this.replication.active$.subscribe((active) => {
        if (!active) this.markDirty([...this.pending.keys()]);
      }),
    );
    // Every document, tombstones included, in pages, from the storage's change index.
    let checkpoint: unknown = undefined;
    for (;;) {
      const page = await getChangedDocumentsSince(
        this.collection.storageInstance,
        CHUNK,
        checkpoint,
      );
      if (page.documents.length === 0) break;
      this.markDirty(page.documents.map((doc) => (doc as { id: string }).id));
      checkpoint = page.checkpoint;
    }
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
    const state = this.replication.internalReplicationState;
    if (!state) throw new Error('replication not started');
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const local = await this.collection.storageInstance.findDocumentsById(chunk, true);
      const confirmed = await getAssumedMasterState(state, chunk);
      const localById = new Map(local.map((doc) => [(doc as { id: string }).id, doc]));
      for (const id of chunk) {
        const doc = localById.get(id);
        const master = confirmed[id]?.docData;
        const isPending = doc !== undefined && (!master || !sameDocumentState(doc, master));
        if (isPending) this.pending.set(id, (doc as { updatedAt?: string }).updatedAt ?? '');
        else this.pending.delete(id);
      }
    }
    this.onCount(this.pending.size);
  }
}

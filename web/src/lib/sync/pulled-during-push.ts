import type { PullResponse, PushResponse, PushRow, WireDocument } from '@clinicdesk/shared/sync/protocol.ts'; // prettier-ignore

/**
 * States a pull brought back for records whose push was still on its way (ADR 7, issue 10
 * point 1). RxDB sets such a pulled state aside — the device's own change is pending — and moves
 * its checkpoint past it; when the push is then answered "stored", RxDB takes the device's own
 * state for the server's, and the newer one is never pulled again. The fault suite met this with
 * a slow answer and a pull already under way.
 *
 * So a pull remembers, for records being pushed, the latest state it brought and its seq; and a
 * push answered "stored at seq s" whose record was pulled meanwhile at a higher seq gets that
 * state back as a conflict instead, to merge from the pushed state (which the server built it
 * on: a higher seq is a later state of the same record). One per replication.
 */
export class PulledDuringPush {
  private readonly pushing = new Map<string, number>();
  private readonly pulled = new Map<string, { seq: number; doc: WireDocument }>();

  /** A push of these rows goes out. */
  started(rows: readonly PushRow[]): void {
    for (const row of rows) {
      const id = row.newDocumentState.id;
      this.pushing.set(id, (this.pushing.get(id) ?? 0) + 1);
    }
  }

  /** A pull page arrived: remembers the states of records being pushed. */
  pulledPage(page: Pick<PullResponse, 'documents' | 'seqs'>): void {
    if (!page.seqs || this.pushing.size === 0) return;
    page.documents.forEach((doc, index) => {
      const seq = page.seqs?.[index];
      if (seq === undefined || !this.pushing.has(doc.id)) return;
      const known = this.pulled.get(doc.id);
      if (!known || known.seq < seq) this.pulled.set(doc.id, { seq, doc });
    });
  }

  /**
   * The push was answered (or failed: `answer` null). Returns the states to hand RxDB as
   * conflicts besides the server's own, and the ids among them whose pushed state is their base.
   */
  finished(
    rows: readonly PushRow[],
    answer: Pick<PushResponse, 'conflicts' | 'stored'> | null,
  ): { conflicts: WireDocument[]; superseded: string[] } {
    const extra: WireDocument[] = [];
    if (answer) {
      const conflicted = new Set(answer.conflicts.map((doc) => doc.id));
      for (const { id, seq } of answer.stored ?? []) {
        const later = this.pulled.get(id);
        if (later && later.seq > seq && !conflicted.has(id) && !extra.some((doc) => doc.id === id))
          extra.push(later.doc);
      }
    }
    for (const row of rows) {
      const id = row.newDocumentState.id;
      const left = (this.pushing.get(id) ?? 1) - 1;
      if (left > 0) this.pushing.set(id, left);
      else {
        this.pushing.delete(id);
        this.pulled.delete(id);
      }
    }
    return { conflicts: extra, superseded: extra.map((doc) => doc.id) };
  }
}

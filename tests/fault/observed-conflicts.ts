import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';

/**
 * Every conflict record any device has held, by document and conflict id. A conflict is data
 * (the value that would otherwise have vanished), so once one exists anywhere it must reach the
 * server and stay there, open or settled.
 */
export class ObservedConflicts {
  /** `docId conflictId` → the device that saw it first. */
  private readonly seen = new Map<string, number>();

  observe(device: number, docs: readonly WireDocument[]): void {
    for (const doc of docs) {
      const conflicts = doc.conflicts;
      if (typeof conflicts !== 'object' || conflicts === null) continue;
      for (const conflictId of Object.keys(conflicts)) {
        const key = `${doc.id} ${conflictId}`;
        if (!this.seen.has(key)) this.seen.set(key, device);
      }
    }
  }

  get count(): number {
    return this.seen.size;
  }

  /** Conflicts seen on some device that the server's final state does not hold. */
  dropped(serverDocs: ReadonlyMap<string, WireDocument>): string[] {
    return [...this.seen.keys()].filter((key) => {
      const [docId = '', conflictId = ''] = key.split(' ');
      const conflicts = serverDocs.get(docId)?.conflicts;
      return typeof conflicts !== 'object' || conflicts === null || !(conflictId in conflicts);
    });
  }
}

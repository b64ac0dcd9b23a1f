import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import { docKey } from './ledger.ts';

/**
 * Every conflict record any device has held, by document and conflict id. A conflict is data
 * (the value that would otherwise have vanished), so once one exists anywhere it must reach the
 * server and stay there, open or settled.
 */
export class ObservedConflicts {
  /** `collection/doc conflictId` → the device that saw it first. */
  private readonly seen = new Map<string, number>();

  /** Keys from `conflictKeysOf`, as a device reported them. */
  observe(device: number, keys: readonly string[]): void {
    for (const key of keys) if (!this.seen.has(key)) this.seen.set(key, device);
  }

  get count(): number {
    return this.seen.size;
  }

  /** Conflicts seen on some device that the server's final state (by `docKey`) does not hold. */
  dropped(serverDocs: ReadonlyMap<string, WireDocument>): string[] {
    return [...this.seen.keys()].filter((key) => {
      const [doc = '', conflictId = ''] = key.split(' ');
      const conflicts = serverDocs.get(doc)?.conflicts;
      return typeof conflicts !== 'object' || conflicts === null || !(conflictId in conflicts);
    });
  }
}

/** `collection/doc conflictId` for every conflict record in these documents. */
export function conflictKeysOf(collection: string, docs: readonly WireDocument[]): string[] {
  return docs.flatMap((doc) => {
    const conflicts = doc.conflicts;
    if (typeof conflicts !== 'object' || conflicts === null) return [];
    return Object.keys(conflicts).map((id) => `${docKey(collection, doc.id)} ${id}`);
  });
}

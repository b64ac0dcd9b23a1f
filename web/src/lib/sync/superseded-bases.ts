import { sameDocumentState } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { PushRow, WireDocument } from '@clinicdesk/shared/sync/protocol.ts';
import type { RxConflictHandler, RxConflictHandlerInput } from 'rxdb';

type Entry = { assumed: WireDocument | null; base: WireDocument };

/**
 * What the server said of pushed states it had already stored and the record has since left
 * (`PushResponse.superseded`): a retry whose first answer was lost, a late duplicate, a stale copy.
 *
 * RxDB still names, as the row's assumed master state, the state before the one it pushed — its
 * record of the server only moves when an answer arrives. The pushed state is the true common
 * ancestor of the device's copy (which descends from what it pushed) and of the server's (which
 * the server built on it), so a merge must start from there: from the older assumed state, a
 * change someone made knowingly on top of the pushed one would look like a clash, and the device's
 * own correction or undo could lose to its older value (ADR 7).
 *
 * One per replication. An entry holds while RxDB's assumed state for the record stays what it
 * was; a push naming another assumed state means RxDB's record of the server moved on (the merge
 * was stored), and the entry goes.
 */
export class SupersededBases {
  private readonly byId = new Map<string, Entry>();

  /** Before a push goes out: forgets entries whose assumed state RxDB has since left. */
  pushing(rows: readonly PushRow[]): void {
    for (const row of rows) {
      const entry = this.byId.get(row.newDocumentState.id);
      if (entry && !sameAssumed(entry.assumed, row.assumedMasterState ?? null))
        this.byId.delete(row.newDocumentState.id);
    }
  }

  /** After the answer: remembers the pushed state of every row the server says it superseded. */
  answered(rows: readonly PushRow[], superseded: readonly string[] | undefined): void {
    if (!superseded || superseded.length === 0) return;
    const ids = new Set(superseded);
    for (const row of rows) {
      const id = row.newDocumentState.id;
      if (ids.has(id))
        this.byId.set(id, { assumed: row.assumedMasterState ?? null, base: row.newDocumentState });
    }
  }

  /** The base to merge against for this conflict, when the server told us a better one. */
  baseFor(id: string, assumed: WireDocument | null): WireDocument | undefined {
    const entry = this.byId.get(id);
    return entry && sameAssumed(entry.assumed, assumed) ? entry.base : undefined;
  }
}

function sameAssumed(a: WireDocument | null, b: WireDocument | null): boolean {
  if (a === null || b === null) return a === b;
  return sameDocumentState(a, b);
}

/** The collection's conflict handler, merging from the superseded state where there is one. */
export function mergingFromSupersededBases<T>(
  handler: RxConflictHandler<T>,
  bases: SupersededBases,
): RxConflictHandler<T> {
  return {
    isEqual: handler.isEqual,
    resolve(input: RxConflictHandlerInput<T>, context: string) {
      const id = (input.newDocumentState as unknown as WireDocument).id;
      const assumed = (input.assumedMasterState ?? null) as unknown as WireDocument | null;
      const base = bases.baseFor(id, assumed);
      if (!base) return handler.resolve(input, context);
      return handler.resolve(
        {
          ...input,
          assumedMasterState: base as unknown as RxConflictHandlerInput<T>['realMasterState'],
        },
        context,
      );
    },
  };
}

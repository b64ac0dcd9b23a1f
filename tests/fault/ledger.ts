import { canonicalJson } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { Conflict } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { valueAtPath } from '@clinicdesk/shared/sync/merge-edits.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';

/** One field value a device wrote. Every value the workload writes is unique in the run. */
export type FieldWrite = {
  docId: string;
  /** Dotted path, as in conflict records (`address.city`). */
  path: string;
  value: string;
  /** The field's value on the device when it wrote (undefined: absent). */
  previous: unknown;
  device: number;
  step: number;
  kind: 'create' | 'edit' | 'settle';
};

/**
 * Every field write made on any device, Jepsen-style: distinct values make "was this write
 * kept?" a lookup. A write may end up in the field, in a conflict record of its field (either
 * side or the settlement, open or settled), or be knowingly overwritten: a later write of the
 * same field was made by someone who saw it (its `previous` is this value). Anything else is a
 * lost write. Deleting a document is no loss: the tombstone keeps its fields.
 */
export class Ledger {
  readonly writes: FieldWrite[] = [];

  record(write: FieldWrite): void {
    this.writes.push(write);
  }

  lost(serverDocs: ReadonlyMap<string, WireDocument>): FieldWrite[] {
    const overwritten = new Set(
      this.writes.map((w) => key(w.docId, w.path, canonicalJson(w.previous ?? null))),
    );
    return this.writes.filter((write) => {
      if (overwritten.has(key(write.docId, write.path, canonicalJson(write.value)))) return false;
      const doc = serverDocs.get(write.docId);
      if (!doc) return true;
      if (valueAtPath(doc, write.path) === write.value) return false;
      return !conflictsOf(doc).some((conflict) => conflictHolds(conflict, write));
    });
  }

  /**
   * Conflict records between two values of which one was written by someone who had seen the
   * other: no real clash, yet staff are asked to choose. Not a loss, but noise in the inbox.
   */
  spuriousConflicts(serverDocs: ReadonlyMap<string, WireDocument>): Conflict[] {
    const replaced = new Set(
      this.writes.map((w) => key(w.docId, w.path, canonicalJson([w.previous ?? null, w.value]))),
    );
    const knowingly = (docId: string, path: string, before: unknown, after: unknown) =>
      replaced.has(key(docId, path, canonicalJson([before ?? null, after ?? null])));
    return [...serverDocs.values()].flatMap((doc) =>
      conflictsOf(doc).filter(
        (c) =>
          knowingly(doc.id, c.path, c.other.value, c.kept.value) ||
          knowingly(doc.id, c.path, c.kept.value, c.other.value),
      ),
    );
  }
}

/** Does this conflict record keep the written value (as either side, or as the settlement)? */
function conflictHolds(conflict: Conflict, write: FieldWrite): boolean {
  // A conflict on a parent (`address`) holds whole objects; look inside them for the field.
  let inner: string | null;
  if (conflict.path === write.path) inner = null;
  else if (write.path.startsWith(`${conflict.path}.`))
    inner = write.path.slice(conflict.path.length + 1);
  else return false;
  const sides = [conflict.kept.value, conflict.other.value, conflict.settlement?.value];
  return sides.some((side) => {
    const value = inner === null ? side : isRecord(side) ? valueAtPath(side, inner) : undefined;
    return value === write.value;
  });
}

export function conflictsOf(doc: WireDocument): Conflict[] {
  const conflicts = doc.conflicts;
  return isRecord(conflicts) ? (Object.values(conflicts) as Conflict[]) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function key(docId: string, path: string, value: string): string {
  return `${docId}\u0000${path}\u0000${value}`;
}

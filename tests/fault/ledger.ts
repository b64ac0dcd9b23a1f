import { canonicalJson } from '@clinicdesk/shared/sync/canonical-json.ts';
import type { Conflict } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { valueAtPath } from '@clinicdesk/shared/sync/merge-edits.ts';
import type { WireDocument } from '@clinicdesk/shared/sync/protocol.ts';

/**
 * One field value a device wrote. Every value the workload writes is unique in the run (a text,
 * a file reference to bytes made for it, a step stamp with its own instant).
 */
export type FieldWrite = {
  collection: string;
  docId: string;
  /** Dotted path, as in conflict records (`address.city`). */
  path: string;
  value: unknown;
  /** The field's value on the device when it wrote (undefined: absent). */
  previous: unknown;
  device: number;
  step: number;
  /**
   * `step`: a visit's step stamp (`roomed`, `checkedOut`…). Two desks that record the same step
   * saw one event twice: the earlier stamp stands for both (mergeVisits), so a step is kept when
   * the server holds that step with a stamp no later than this one.
   */
  kind: 'create' | 'edit' | 'settle' | 'step' | 'merge';
};

/** Where a document is in a map of documents of every collection. */
export function docKey(collection: string, id: string): string {
  return `${collection}/${id}`;
}

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

  /** `serverDocs`: every document the server holds, by `docKey`. */
  lost(serverDocs: ReadonlyMap<string, WireDocument>): FieldWrite[] {
    const overwritten = new Set(this.writes.map((w) => key(w, canonicalJson(w.previous ?? null))));
    // Step stamps of one field (`collection/doc path`), for the rules below.
    const steps = new Map<string, FieldWrite[]>();
    for (const write of this.writes)
      if (write.kind === 'step') {
        const field = key(write, '');
        steps.set(field, [...(steps.get(field) ?? []), write]);
      }
    /** The stamps a step write knowingly replaced: its `previous`, what that replaced, and so on. */
    const replacedBy = (write: FieldWrite): Set<string> => {
      const field = steps.get(key(write, '')) ?? [];
      const replaced = new Set<string>();
      for (
        let at: unknown = write.previous;
        at !== undefined && !replaced.has(canonicalJson(at));
      ) {
        // prettier-ignore
        replaced.add(canonicalJson(at));
        at = field.find((w) => same(w.value, at))?.previous;
      }
      return replaced;
    };
    const keptItself = (write: FieldWrite): boolean => {
      if (overwritten.has(key(write, canonicalJson(write.value)))) return true;
      const doc = serverDocs.get(docKey(write.collection, write.docId));
      if (!doc) return false;
      const stored = valueAtPath(doc, write.path);
      if (same(stored, write.value)) return true;
      // The earlier stamp stands for a step two desks recorded, but not one this desk replaced.
      if (
        write.kind === 'step' &&
        earlierOrSameStamp(stored, write.value) &&
        !replacedBy(write).has(canonicalJson(stored))
      )
        // prettier-ignore
        return true;
      return conflictsOf(doc).some((conflict) => conflictHolds(conflict, write));
    };
    const memo = new Map<FieldWrite, boolean>();
    /**
     * A step recorded on two desks that had not seen each other's is one event: the earlier
     * stamp stands for both (mergeVisits). So a stamp is also kept when an earlier stamp of the
     * same step, which this desk had not seen (not one it replaced, nor one those replaced), is
     * kept — in the field, or knowingly replaced later (moved to another room).
     */
    const kept = (write: FieldWrite): boolean => {
      const known = memo.get(write);
      if (known !== undefined) return known;
      memo.set(write, false);
      let result = keptItself(write);
      if (!result && write.kind === 'step') {
        const replaced = replacedBy(write);
        result = (steps.get(key(write, '')) ?? []).some(
          (earlier) =>
            earlier !== write &&
            stampBefore(earlier.value, write.value) &&
            !replaced.has(canonicalJson(earlier.value)) &&
            kept(earlier),
        );
      }
      memo.set(write, result);
      return result;
    };
    return this.writes.filter((write) => !kept(write));
  }

  /**
   * Conflict records between two values of which one was written by someone who had seen the
   * other: no real clash, yet staff are asked to choose. Not a loss, but noise in the inbox.
   */
  spuriousConflicts(serverDocs: ReadonlyMap<string, WireDocument>): Conflict[] {
    const replaced = new Set(
      this.writes.map((w) => key(w, canonicalJson([w.previous ?? null, w.value]))),
    );
    const knowingly = (at: string, path: string, before: unknown, after: unknown) =>
      replaced.has(`${at}\u0000${path}\u0000${canonicalJson([before ?? null, after ?? null])}`);
    return [...serverDocs.entries()].flatMap(([at, doc]) =>
      conflictsOf(doc).filter(
        (c) =>
          knowingly(at, c.path, c.other.value, c.kept.value) ||
          knowingly(at, c.path, c.kept.value, c.other.value),
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
    return same(value, write.value);
  });
}

function stampBefore(a: unknown, b: unknown): boolean {
  return isRecord(a) && isRecord(b) && typeof a.at === 'string' && typeof b.at === 'string' && a.at < b.at; // prettier-ignore
}

function earlierOrSameStamp(stored: unknown, written: unknown): boolean {
  if (!isRecord(stored) || !isRecord(written)) return false;
  return typeof stored.at === 'string' && typeof written.at === 'string' && stored.at <= written.at;
}

export function conflictsOf(doc: WireDocument): Conflict[] {
  const conflicts = doc.conflicts;
  return isRecord(conflicts) ? (Object.values(conflicts) as Conflict[]) : [];
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function key(write: FieldWrite, value: string): string {
  return `${docKey(write.collection, write.docId)}\u0000${write.path}\u0000${value}`;
}

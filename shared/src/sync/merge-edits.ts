import { canonicalJson } from './canonical-json.ts';
import type { Conflict, Conflicts, Editor } from './conflict.schema.ts';
import { type FieldDifference, isPlainObject, mergeThreeWay } from './merge.ts';

/** The bookkeeping every structured document carries beside its fields. */
export type EditableDocument = Record<string, unknown> & {
  updatedAt?: string;
  editedBy?: Editor;
  conflicts?: Conflicts;
};

const BOOKKEEPING = ['updatedAt', 'editedBy', 'conflicts'];

/**
 * Merges two edits of one document made apart from the common `base`, losing nothing: fields
 * changed on one side keep that change; a field changed differently on both sides keeps `kept`'s
 * value and records `other`'s, with who and when, as an open conflict in the document itself.
 *
 * Deterministic and free of side effects (RxDB may run a conflict handler more than once):
 * the same inputs always give the same document, and a conflict's id comes from its content.
 * During sync `kept` is the server's state and `other` the device's; when someone saves over a
 * record that changed under them, `kept` is what they typed.
 */
export function mergeEdits<T extends EditableDocument>(base: T | undefined, kept: T, other: T): T {
  const { merged, differences } = mergeThreeWay(base, kept, other, BOOKKEEPING);

  const later = laterEdit(kept, other);
  if (later.updatedAt !== undefined) merged.updatedAt = later.updatedAt;
  if (later.editedBy !== undefined) merged.editedBy = later.editedBy;

  // Conflict records merge like any nested fields: a settlement on one side wins over "open".
  const conflicts = mergeThreeWay(
    base?.conflicts ?? {},
    kept.conflicts ?? {},
    other.conflicts ?? {},
  ).merged as Conflicts;
  for (const difference of differences) {
    const conflict = conflictOf(difference, kept, other);
    const id = conflictId(conflict);
    // Detected again (a re-run, or on two devices): keep the record that already exists.
    if (!conflicts[id]) conflicts[id] = conflict;
  }
  if (Object.keys(conflicts).length > 0) merged.conflicts = conflicts;
  return merged as T;
}

/** The edit that happened later (by device clock, which only orders the edit stamp). */
function laterEdit(a: EditableDocument, b: EditableDocument): EditableDocument {
  const at = (doc: EditableDocument) => doc.updatedAt ?? '';
  if (at(a) !== at(b)) return at(a) > at(b) ? a : b;
  // Same instant: any fixed rule will do, as long as every device applies the same one.
  return canonicalJson(a.editedBy ?? null) >= canonicalJson(b.editedBy ?? null) ? a : b;
}

function conflictOf(
  difference: FieldDifference,
  kept: EditableDocument,
  other: EditableDocument,
): Conflict {
  return withoutUndefined({
    path: difference.path,
    base: difference.base,
    kept: { value: difference.kept, at: kept.updatedAt, by: kept.editedBy },
    other: { value: difference.other, at: other.updatedAt, by: other.editedBy },
    status: 'open',
  }) as Conflict;
}

/** `phone#1a2b3c4d`: the field and a digest of the two values, the same on every device. */
export function conflictId(conflict: Pick<Conflict, 'path' | 'kept' | 'other'>): string {
  const digest = fnv1a(
    canonicalJson({ path: conflict.path, kept: conflict.kept.value, other: conflict.other.value }),
  );
  return `${conflict.path}#${digest}`;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Settles an open conflict: the field takes `value` (absent = remove the field), and the
 * conflict stays in the document as settled, with who decided and when.
 */
export function settleConflict<T extends EditableDocument>(
  doc: T,
  id: string,
  value: unknown,
  editor: Editor,
  now: Date,
): T {
  const conflict = doc.conflicts?.[id];
  if (!conflict || conflict.status !== 'open') throw new Error(`No open conflict ${id}`);
  const at = now.toISOString();
  const next = setAtPath(structuredClone(doc), conflict.path.split('.'), value);
  next.conflicts = {
    ...doc.conflicts,
    [id]: withoutUndefined({
      ...conflict,
      status: 'settled',
      settlement: { value, at, by: editor },
    }) as Conflict,
  };
  next.updatedAt = at;
  next.editedBy = editor;
  return next as T;
}

function setAtPath(
  target: Record<string, unknown>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return target;
  if (rest.length === 0) {
    if (value === undefined) delete target[head];
    else target[head] = value;
    return target;
  }
  const child = isPlainObject(target[head]) ? target[head] : {};
  target[head] = setAtPath(child, rest, value);
  return target;
}

/** Reads the value at a dotted path (for showing the current value beside a conflict). */
export function valueAtPath(doc: Record<string, unknown>, path: string): unknown {
  let current: unknown = doc;
  for (const key of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

function withoutUndefined(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** The conflicts of a record still waiting for someone to settle them. */
export function openConflicts(conflicts: Conflicts | undefined): [string, Conflict][] {
  return Object.entries(conflicts ?? {}).filter(([, conflict]) => conflict.status === 'open');
}

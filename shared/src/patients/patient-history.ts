import { isPlainObject } from '../sync/merge.ts';
import { writerOf, type HistoryWriter, type StoredVersion } from '../sync/version-writer.ts';
import { formatPatientField, patientFieldLabel } from './patient-fields.ts';

/**
 * One entry of a patient's change history, as staff read it: what changed (by the form's
 * labels), from what to what, who did it on which device, and when.
 */
export type HistoryEntry = {
  /** The server's seq of this version: orders entries and identifies them. */
  seq: number;
  kind: 'registered' | 'changed' | 'removed' | 'restored';
  changes: FieldChange[];
  /** When the change was made on the device (its clock; offline edits keep their own time). */
  editedAt: string | null;
  /** When the server received it. */
  syncedAt: string;
  /** Who sent it, as the server's session knew them: never a stamp inside the document. */
  by: HistoryWriter;
};

export type FieldChange = { path: string; label: string; before: string; after: string };

/** Bookkeeping that changes with every edit and says nothing of its own. */
const SKIPPED = new Set(['id', 'createdAt', 'updatedAt', 'editedBy', '_deleted']);
/** Kept whole: a photo is replaced, not edited field by field; conflicts are summarised. */
const WHOLE = new Set(['photo', 'conflicts', 'editedBy']);

/** The fields that differ between two versions of a patient, labelled and formatted. */
export function describeChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): FieldChange[] {
  const a = flatten(before ?? {});
  const b = flatten(after);
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (path) => !SKIPPED.has(path) && JSON.stringify(a[path]) !== JSON.stringify(b[path]),
  );
  return paths.map((path) => ({
    path,
    label: path === 'conflicts' ? 'Conflicts to review' : patientFieldLabel(path),
    before: format(path, a[path]),
    after: format(path, b[path]),
  }));
}

/** The history of one patient from the server's versions, oldest first. */
export function patientHistory(versions: readonly StoredVersion[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let previous: Record<string, unknown> | null = null;
  for (const version of versions) {
    const removed = version.data._deleted === true;
    const wasRemoved = previous?._deleted === true;
    entries.push({
      seq: version.seq,
      kind:
        previous === null
          ? 'registered'
          : removed && !wasRemoved
            ? 'removed'
            : !removed && wasRemoved
              ? 'restored'
              : 'changed',
      changes: describeChanges(previous, version.data),
      editedAt: typeof version.data.updatedAt === 'string' ? version.data.updatedAt : null,
      syncedAt: version.serverTime.toISOString(),
      // The server's record of the session, never the document's `editedBy`: a device can
      // carry over anyone's stamp (a merge must) and name itself anything, so a stamp only
      // serves the device's own display while it is offline.
      by: writerOf(version),
    });
    previous = version.data;
  }
  return entries;
}

function flatten(doc: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && !WHOLE.has(path)) Object.assign(out, flatten(value, path));
    else out[path] = value;
  }
  return out;
}

function format(path: string, value: unknown): string {
  if (path === 'conflicts') {
    const open = isPlainObject(value) ? Object.keys(value).length : 0;
    return open === 0 ? 'none' : `${open} open`;
  }
  return formatPatientField(path, value);
}

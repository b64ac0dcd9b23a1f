import { sameDocumentState } from './canonical-json.ts';
import { isPlainObject } from './merge.ts';
import { valueAtPath } from './merge-edits.ts';
import { writerOf, type HistoryWriter, type StoredVersion } from './version-writer.ts';

/** Who, by the server's record, made each side of a conflict; null where the versions cannot say. */
export type ConflictWriters = { kept: HistoryWriter | null; other: HistoryWriter | null };

/**
 * The server's writers of both sides of every conflict a record has had, from its stored
 * versions (oldest first), so that the conflict inbox names people from the server's sessions
 * rather than from the `by` stamps the merging device wrote into the conflict:
 *
 * - `other`, the value that lost the field, came with the version that first recorded the
 *   conflict: the merging device's session sent both the edit and the conflict;
 * - `kept`, the value in the record, was written by the last version before that one which
 *   changed the field to it.
 */
export function conflictWriters(
  versions: readonly StoredVersion[],
): Record<string, ConflictWriters> {
  const found: Record<string, ConflictWriters> = {};
  versions.forEach((version, index) => {
    const conflicts = version.data.conflicts;
    if (!isPlainObject(conflicts)) return;
    for (const [id, conflict] of Object.entries(conflicts)) {
      if (id in found || !isPlainObject(conflict) || typeof conflict.path !== 'string') continue;
      const kept = isPlainObject(conflict.kept) ? conflict.kept.value : undefined;
      found[id] = {
        other: writerOf(version),
        kept: keptWriter(versions.slice(0, index), conflict.path, kept),
      };
    }
  });
  return found;
}

function keptWriter(
  before: readonly StoredVersion[],
  path: string,
  value: unknown,
): HistoryWriter | null {
  for (let i = before.length - 1; i >= 0; i--) {
    const version = before[i];
    if (!version || !sameDocumentState(valueAtPath(version.data, path), value)) continue;
    const previous = before[i - 1];
    if (!previous || !sameDocumentState(valueAtPath(previous.data, path), value))
      return writerOf(version);
  }
  return null;
}

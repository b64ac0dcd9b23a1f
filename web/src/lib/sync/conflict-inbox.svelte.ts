import { canWriteState } from '@clinicdesk/shared/auth/permissions.ts';
import type { Role } from '@clinicdesk/shared/auth/roles.ts';
import type { Result } from '@clinicdesk/shared/result.ts';
import { COLLECTION_NAMES, type CollectionName } from '@clinicdesk/shared/sync/collection-names.ts';
import { describerFor } from '@clinicdesk/shared/registry/conflict-describers.ts';
import type { ConflictDescriber } from '@clinicdesk/shared/sync/conflict-describer.ts';
import type { Conflict, Conflicts } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { openConflicts, valueAtPath } from '@clinicdesk/shared/sync/merge-edits.ts';
import { combineLatest, from, map, type Observable, of, switchMap } from 'rxjs';
import type { ClinicDatabase } from '../db/database.ts';
import { type DocumentSource, observeFind, readDocuments } from '../db/documents.svelte.ts';
import { live } from '../db/live.svelte.ts';

export type ConflictItem = {
  collection: CollectionName;
  documentId: string;
  /** The kind of record, in words ("Patient", "Check-in"). */
  kind: string;
  /** What the record is, in words: the patient's name, the visit's patient and day. */
  title: string;
  /** Where the record is seen in the app, if anywhere. */
  href: string | undefined;
  conflictId: string;
  conflict: Conflict;
  /** The field's name, as the record's own screens call it. */
  label: string;
  /** The field's value in the record now (normally the kept value). */
  current: unknown;
  /** A value of this field as staff read it. */
  format: (value: unknown) => string;
  /** Null when the field is settled only by choosing one of the two values. */
  parseTyped: (text: string) => Result<unknown, string> | null;
  /**
   * Whether this person may settle it: their role may change the record as it stands (a chart
   * merged into another is the office manager's alone). A settlement the server would refuse is
   * never offered; the device would keep it and differ from the server.
   */
  settleable: boolean;
};

type StoredRecord = { id: string; conflicts?: Conflicts } & Record<string, unknown>;

/**
 * Every open conflict on this device, in every collection, newest first, kept current as changes
 * arrive. Each kind of record names itself and its fields through its describer (shared/).
 */
export function openConflictItems(db: ClinicDatabase, role?: Role): Observable<ConflictItem[]> {
  const perCollection = COLLECTION_NAMES.filter((name) => name in db.collections).map((name) =>
    conflictsIn(db, name, role),
  );
  return combineLatest(perCollection).pipe(
    map((lists) =>
      lists
        .flat()
        .sort((a, b) => (b.conflict.other.at ?? '').localeCompare(a.conflict.other.at ?? '')),
    ),
  );
}

function conflictsIn(
  db: ClinicDatabase,
  name: CollectionName,
  role: Role | undefined,
): Observable<ConflictItem[]> {
  // Each record speaks in its own kind's words; a partition holds several kinds (ADR 15).
  const described = (record: StoredRecord) =>
    describerFor(name, record) as
      | { describer: ConflictDescriber<StoredRecord>; patientRefs: (doc: StoredRecord) => string[] }
      | undefined;
  return observeFind({ db }, name, { selector: { conflicts: { $exists: true } } }).pipe(
    map((docs) => docs as StoredRecord[]),
    map((records) => records.filter((record) => openConflicts(record.conflicts).length > 0)),
    // Names of the patients these records refer to (a visit names its patient by id).
    switchMap((records) => {
      const ids = [
        ...new Set(records.flatMap((record) => described(record)?.patientRefs(record) ?? [])),
      ];
      if (ids.length === 0) return of({ records, names: new Map<string, string>() });
      return from(readDocuments({ db }, 'patient', ids)).pipe(
        map((found) => ({
          records,
          names: new Map(
            [...found.values()].map((p) => [p.id, `${p.givenName} ${p.familyName}`] as const),
          ),
        })),
      );
    }),
    map(({ records, names }) =>
      records.flatMap((record) => {
        const description = described(record);
        // A kind this release does not know (written by a newer one) waits for the update.
        if (!description) return [];
        const { describer } = description;
        return openConflicts(record.conflicts).map(([conflictId, conflict]): ConflictItem => ({
          collection: name,
          documentId: record.id,
          kind: describer.kind,
          title: describer.title(record, (id) => names.get(id)),
          href: describer.href(record),
          conflictId,
          conflict,
          label: describer.fieldLabel(conflict.path),
          current: valueAtPath(record, conflict.path),
          format: (value) => describer.formatValue(conflict.path, value),
          parseTyped: (text) => describer.parseTyped(conflict.path, text),
          settleable: role === undefined || canWriteState(role, name, record),
        }));
      }),
    ),
  );
}

export class ConflictInbox {
  private readonly items: { readonly current: ConflictItem[] | null };

  constructor(source: DocumentSource & { readonly user: { readonly role: Role } }) {
    this.items = live(openConflictItems(source.db, source.user.role), null);
  }

  get loaded(): boolean {
    return this.items.current !== null;
  }

  get open(): ConflictItem[] {
    return this.items.current ?? [];
  }
}

import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import type { Conflict } from '@clinicdesk/shared/sync/conflict.schema.ts';
import { openConflicts, valueAtPath } from '@clinicdesk/shared/sync/merge-edits.ts';
import { map, type Observable } from 'rxjs';
import type { ClinicDatabase } from '../db/database.ts';
import { live } from '../db/live.svelte.ts';

export type ConflictItem = {
  collection: 'patients';
  documentId: string;
  /** What the record is, in words: the patient's name. */
  title: string;
  conflictId: string;
  conflict: Conflict;
  /** The field's value in the record now (normally the kept value). */
  current: unknown;
};

/** Every open conflict on this device, newest first, kept current as changes arrive. */
export function openConflictItems(db: ClinicDatabase): Observable<ConflictItem[]> {
  return db.patients.find({ selector: { conflicts: { $exists: true } } }).$.pipe(
    map((docs) =>
      docs
        .flatMap((doc) => {
          const patient = doc.toJSON() as Patient;
          return openConflicts(patient.conflicts).map(([conflictId, conflict]): ConflictItem => ({
            collection: 'patients',
            documentId: patient.id,
            title: `${patient.givenName} ${patient.familyName}`,
            conflictId,
            conflict,
            current: valueAtPath(patient, conflict.path),
          }));
        })
        .sort((a, b) => (b.conflict.other.at ?? '').localeCompare(a.conflict.other.at ?? '')),
    ),
  );
}

export class ConflictInbox {
  private readonly items: { readonly current: ConflictItem[] | null };

  constructor(db: ClinicDatabase) {
    this.items = live(openConflictItems(db), null);
  }

  get loaded(): boolean {
    return this.items.current !== null;
  }

  get open(): ConflictItem[] {
    return this.items.current ?? [];
  }
}

import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { comparePatients, patientQuery } from '@clinicdesk/shared/patients/search-patients.ts';
import { map } from 'rxjs';
import { live } from '../db/live.svelte.ts';
import type { Workspace } from '../workspace.ts';

const SHOWN_MAX = 100;

/**
 * The patient list behind the search box: every patient on this device, kept current as
 * changes arrive from sync, filtered as the receptionist types.
 */
export class PatientDirectory {
  query = $state('');
  private readonly all: { readonly current: Patient[] | null };

  constructor(workspace: Workspace) {
    this.all = live(
      workspace.db.patients
        .find()
        .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as Patient).sort(comparePatients))),
      null,
    );
  }

  get loaded(): boolean {
    return this.all.current !== null;
  }

  get total(): number {
    return this.all.current?.length ?? 0;
  }

  readonly matches = $derived.by(() => {
    const all = this.all.current ?? [];
    const matcher = patientQuery(this.query);
    return all.filter(matcher);
  });

  readonly shown = $derived(this.matches.slice(0, SHOWN_MAX));
}

import { activePatients } from '@clinicdesk/shared/charts/merge-charts.ts';
import { parseDateOfBirth } from '@clinicdesk/shared/patients/date-of-birth.ts';
import {
  type DuplicateMatch,
  findLikelyDuplicates,
} from '@clinicdesk/shared/patients/find-duplicates.ts';
import type { PatientForm } from '@clinicdesk/shared/patients/patient-form.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { normalisePhone } from '@clinicdesk/shared/patients/phone.ts';
import { map } from 'rxjs';
import { observeFind } from '../db/documents.svelte.ts';
import { live } from '../db/live.svelte.ts';
import type { Workspace } from '../workspace.ts';

/**
 * Existing charts that look like the person being registered, recomputed as the receptionist
 * types, so the existing chart is opened instead of a second one being made.
 */
export class DuplicateCheck {
  private readonly patients: { readonly current: Patient[] };

  constructor(workspace: Workspace) {
    this.patients = live(observeFind(workspace, 'patient', {}).pipe(map(activePatients)), []);
  }

  matches(form: PatientForm): DuplicateMatch[] {
    const text = (value: string | undefined) => value?.trim() || undefined;
    // The number to call first, as the saved record will hold it.
    const phone = [form.preferredPhone, 'mobile', 'home', 'work']
      .map((type) => text(form[`${type ?? ''}Phone`]))
      .find(Boolean);
    return findLikelyDuplicates(
      {
        givenName: text(form.givenName),
        familyName: text(form.familyName),
        dateOfBirth: parseDateOfBirth(form.dateOfBirth ?? '') ?? undefined,
        sex: (text(form.sex) as Patient['sex'] | undefined) ?? undefined,
        phone: (phone && normalisePhone(phone)) ?? undefined,
        email: text(form.email),
      },
      this.patients.current,
    );
  }
}

import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import {
  type FieldErrors,
  type PatientForm,
  validatePatientForm,
} from '@clinicdesk/shared/patients/patient-form.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { editPatient, registerPatient } from '@clinicdesk/shared/patients/register-patient.ts';
import { mergeEdits } from '@clinicdesk/shared/sync/merge-edits.ts';
import { newId } from '../session/device.ts';
import type { Workspace } from '../workspace.ts';

/** Today in the device's time zone, as ISO `YYYY-MM-DD`. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Registers a patient on this device. Resolves once the record is durably stored locally. */
export async function registerNewPatient(
  workspace: Workspace,
  form: PatientForm,
): Promise<Result<Patient, FieldErrors>> {
  const checked = validatePatientForm(form, today());
  if (!checked.ok) return fail(checked.error);
  const patient = registerPatient(checked.value, newId(), new Date());
  await workspace.db.patients.insert(patient);
  return ok(patient);
}

/**
 * Saves an edit made from `original` (the record as it was when the form opened). If the record
 * changed meanwhile (a sync arrived), only the fields this person changed are applied on top of
 * the newer record; for a field both changed, what this person typed wins and the value it
 * replaced is kept as an open conflict, like any other.
 */
export async function savePatientEdits(
  workspace: Workspace,
  original: Patient,
  form: PatientForm,
): Promise<Result<'saved' | 'unchanged', FieldErrors>> {
  const checked = validatePatientForm(form, today());
  if (!checked.ok) return fail(checked.error);
  const edited = editPatient(original, checked.value, new Date());
  if (!edited) return ok('unchanged');
  const doc = await workspace.db.patients.findOne(original.id).exec();
  if (!doc) throw new Error(`Patient ${original.id} is not on this device`);
  await doc.incrementalModify((latest) => mergeEdits<Patient>(original, edited, latest));
  return ok('saved');
}

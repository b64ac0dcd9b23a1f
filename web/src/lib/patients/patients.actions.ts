import type { BlobRef } from '@clinicdesk/shared/blobs/blob-ref.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import {
  type FieldErrors,
  type PatientForm,
  validatePatientForm,
} from '@clinicdesk/shared/patients/patient-form.ts';
import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import {
  editPatient,
  registerPatient,
  setPatientField,
} from '@clinicdesk/shared/patients/register-patient.ts';
import { mergeEdits } from '@clinicdesk/shared/sync/merge-edits.ts';
import { storeLocalBlob } from '../blobs/blob-store.ts';
import { CARD_MAX_SIDE_PX, downscalePhoto, PHOTO_MAX_SIDE_PX } from '../blobs/downscale-photo.ts';
import { takeChartNumber } from '../charts/chart-numbers.ts';
import { today } from '../clock.ts';
import { newId } from '../session/device.ts';
import type { Workspace } from '../workspace.ts';
import { recordOf } from '../db/documents.svelte.ts';

/** Registers a patient on this device. Resolves once the record is durably stored locally. */
export async function registerNewPatient(
  workspace: Workspace,
  form: PatientForm,
): Promise<Result<Patient, FieldErrors>> {
  const checked = validatePatientForm(form, today());
  if (!checked.ok) return fail(checked.error);
  const id = newId();
  // From this device's reserved block: unique across devices, offline too (ADR 9).
  const chart = await takeChartNumber(workspace.local, workspace.deviceId, id, new Date());
  const patient = { ...registerPatient(checked.value, id, new Date()), chartNumber: chart.number };
  await workspace.db.patients.insert(patient);
  workspace.refillChartNumbers();
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
  const doc = await recordOf(workspace, 'patient', original.id);
  if (!doc) throw new Error(`Patient ${original.id} is not on this device`);
  await doc.incrementalModify((latest) => mergeEdits<Patient>(original, edited, latest));
  return ok('saved');
}

/**
 * Takes a photo (from the tablet camera or a file) for the patient: shrunk to a desk-sized JPEG,
 * kept on this device and queued for upload, then set on the record. Works offline; the photo
 * shows here at once and on other devices once both the record and the file have synced.
 */
export async function addPatientPhoto(
  workspace: Workspace,
  patientId: string,
  file: Blob,
): Promise<Result<BlobRef, string>> {
  const stored = await storePhoto(workspace, file, PHOTO_MAX_SIDE_PX);
  if (stored.ok) await setPatientPhoto(workspace, patientId, stored.value);
  return stored;
}

/**
 * Takes a photo of one side of an insurance card for the registration form: shrunk, kept on
 * this device and queued for upload at once (it counts as unsynced until it reaches the
 * server), so it survives going offline before the form is saved.
 */
export function takeCardPhoto(workspace: Workspace, file: Blob): Promise<Result<BlobRef, string>> {
  return storePhoto(workspace, file, CARD_MAX_SIDE_PX);
}

async function storePhoto(
  workspace: Workspace,
  file: Blob,
  maxSide: number,
): Promise<Result<BlobRef, string>> {
  const photo = await downscalePhoto(file, maxSide);
  if (!photo.ok) return fail(photo.error.message);
  const stored = await storeLocalBlob(workspace.local, photo.value);
  return stored.ok ? ok(stored.value) : fail(stored.error.message);
}

/** Points the patient's record at a photo already stored on this device. */
export async function setPatientPhoto(
  workspace: Workspace,
  patientId: string,
  photo: BlobRef,
): Promise<void> {
  const doc = await recordOf(workspace, 'patient', patientId);
  if (!doc) throw new Error(`Patient ${patientId} is not on this device`);
  // Applied to the record as it is now, so a sync that arrived meanwhile is kept.
  await doc.incrementalModify(
    (latest) => setPatientField(latest, 'photo', photo, new Date()) ?? latest,
  );
}

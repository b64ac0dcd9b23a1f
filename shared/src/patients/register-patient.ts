import { canonicalJson } from '../sync/canonical-json.ts';
import type { PatientDetails } from './patient-form.ts';
import type { Patient } from './patient.schema.ts';

/** A new patient document from validated details; the id and the clock come from the caller. */
export function registerPatient(details: PatientDetails, id: string, now: Date): Patient {
  const at = now.toISOString();
  return withoutUndefined({ ...details, id, kind: 'patient', createdAt: at, updatedAt: at });
}

/**
 * The patient after an edit, or `null` when the details did not change (so a save that changed
 * nothing writes nothing and sends nothing).
 */
export function editPatient(current: Patient, details: PatientDetails, now: Date): Patient | null {
  // Only the fields the form manages are replaced (a cleared one is removed); everything else
  // (the photo, say) stays as it is.
  const next: Record<string, unknown> = { ...current };
  for (const field of FORM_FIELDS) next[field] = details[field];
  return finishEdit(current, withoutUndefined(next) as Patient, now);
}

/**
 * The fields the registration form shows and edits: all of the details. The photo, chart number,
 * merge pointer and sync bookkeeping are managed elsewhere and survive an edit untouched.
 */
export const FORM_FIELDS = [
  'givenName', 'middleName', 'familyName', 'suffix', 'preferredName', 'previousNames',
  'dateOfBirth', 'dateOfBirthEstimated', 'sex', 'genderIdentity', 'genderIdentityText',
  'pronouns', 'pronounsText', 'race', 'ethnicity', 'preferredLanguage', 'interpreterNeeded',
  'phone', 'phoneType', 'otherPhones', 'email', 'address', 'mailingAddress', 'emergencyContacts',
  'guarantor', 'employer', 'primaryCareProvider', 'referringProvider', 'preferredPharmacy',
  'coverage', 'privacyNotice', 'communication', 'consents',
] as const satisfies readonly (keyof PatientDetails)[]; // prettier-ignore

/** The patient with one field set (or removed, with `undefined`), or null if nothing changed. */
export function setPatientField<
  K extends keyof Omit<Patient, 'id' | 'kind' | 'createdAt' | 'updatedAt'>,
>(current: Patient, field: K, value: Patient[K], now: Date): Patient | null {
  return finishEdit(current, withoutUndefined({ ...current, [field]: value }), now);
}

function finishEdit(current: Patient, next: Patient, now: Date): Patient | null {
  if (canonicalJson(next) === canonicalJson(current)) return null;
  return { ...next, updatedAt: now.toISOString() };
}

/** Documents are JSON: an undefined field is left out rather than stored. */
function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

import { canonicalJson } from '../sync/canonical-json.ts';
import type { PatientDetails } from './patient-form.ts';
import type { Patient } from './patient.schema.ts';

/** A new patient document from validated details; the id and the clock come from the caller. */
export function registerPatient(details: PatientDetails, id: string, now: Date): Patient {
  const at = now.toISOString();
  return withoutUndefined({ ...details, id, createdAt: at, updatedAt: at });
}

/**
 * The patient after an edit, or `null` when the details did not change (so a save that changed
 * nothing writes nothing and sends nothing).
 */
export function editPatient(current: Patient, details: PatientDetails, now: Date): Patient | null {
  const next = withoutUndefined({
    ...details,
    id: current.id,
    createdAt: current.createdAt,
    updatedAt: current.updatedAt,
  });
  if (canonicalJson(next) === canonicalJson(current)) return null;
  return { ...next, updatedAt: now.toISOString() };
}

/** Documents are JSON: an undefined field is left out rather than stored. */
function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { comparePatients, patientQuery } from '@clinicdesk/shared/patients/search-patients.ts';

/** As many rows as the patient list shows (web/src/lib/patients/patient-directory.svelte.ts). */
export const SHOWN_MAX = 100;

export type PatientSearch = (text: string) => Patient[];

/**
 * The app's search path, as the patient list runs it: the list holds every patient sorted for
 * display (done once, when the data arrives) and each keystroke filters it with the shared
 * matcher and shows the first rows. When the shared package gains a search index, call its
 * entry point here: building it belongs in `prepareAppSearch`, the per-keystroke work below.
 */
export function prepareAppSearch(patients: readonly Patient[]): PatientSearch {
  const all = [...patients].sort(comparePatients);
  return (text) => all.filter(patientQuery(text)).slice(0, SHOWN_MAX);
}

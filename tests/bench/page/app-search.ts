import type { Patient } from '@clinicdesk/shared/patients/patient.schema.ts';
import { PatientSearchIndex } from '@clinicdesk/shared/patients/patient-search-index.ts';

/** As many rows as the patient list shows (web/src/lib/patients/patient-directory.svelte.ts). */
export const SHOWN_MAX = 100;

export type PatientSearch = (text: string) => Patient[];

/**
 * The app's search path, as the patient list runs it (web/src/lib/patients/patient-index.svelte.ts):
 * the device's search index is filled once when the patients are loaded, and each keystroke asks
 * it for the first rows of the list. (The app indexes a few fields of each record; the full
 * records are indexed here, which changes memory, not the work per keystroke.)
 */
export function prepareAppSearch(patients: readonly Patient[]): PatientSearch {
  const index = new PatientSearchIndex<Patient>();
  index.reset(patients);
  // The app asks once on load too, which builds the list order.
  index.search('');
  return (text) => index.search(text, SHOWN_MAX).shown;
}

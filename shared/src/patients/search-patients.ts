import { parseDateOfBirth } from './date-of-birth.ts';
import { foldName } from './fold-name.ts';
import { editDistance, typosAllowed } from './name-similarity.ts';
import type { Patient } from './patient.schema.ts';

export { foldName };

export type PatientQuery = (patient: Patient) => boolean;

/**
 * Builds a matcher for what a receptionist types in the search box: names in any order, each
 * word a prefix ("smi jo" finds Jo Smith) or, from four letters on, a typo or two away from one
 * ("jonh smtih" finds John Smith), or a date of birth, or four or more phone digits.
 */
export function patientQuery(text: string): PatientQuery {
  const trimmed = text.trim();
  if (!trimmed) return () => true;

  const dateOfBirth = parseDateOfBirth(trimmed);
  if (dateOfBirth) return (patient) => patient.dateOfBirth === dateOfBirth;

  const digits = trimmed.replace(/[\s().\-+]/g, '');
  if (/^\d{4,}$/.test(digits)) return (patient) => (patient.phone ?? '').includes(digits);

  const words = foldName(trimmed).split(' ').filter(Boolean);
  return (patient) => {
    const names = foldName(
      `${patient.givenName} ${patient.middleName ?? ''} ${patient.familyName}`,
    ).split(' ');
    return words.every((word) => names.some((name) => nameMatches(name, word)));
  };
}

/** Display order of a patient list: family name, then given name, then id for a stable order. */
export function comparePatients(a: Patient, b: Patient): number {
  return (
    foldName(a.familyName).localeCompare(foldName(b.familyName)) ||
    foldName(a.givenName).localeCompare(foldName(b.givenName)) ||
    a.id.localeCompare(b.id)
  );
}

function nameMatches(name: string, word: string): boolean {
  if (name.startsWith(word)) return true;
  const allowed = typosAllowed(word.length);
  return allowed > 0 && editDistance(word, name.slice(0, word.length), allowed) <= allowed;
}

import { soundex } from './name-similarity.ts';
import type { Patient } from './patient.schema.ts';

/**
 * Blocking keys for finding duplicate charts among many: two charts are only scored against
 * each other (with `scoreDuplicate`) when they share a key, so a synced patient is compared with
 * a handful of others rather than with all 100,000.
 *
 * - the birth date with month and day in either order (a swapped day and month still meet);
 * - the sound of the last and first names (a birth-date typo with the same-sounding name);
 * - the phone number, and the email address.
 *
 * Every pair `scoreDuplicate` rates as likely shares at least one of these unless both the
 * birth date has a digit typo AND a name sounds different AND no phone or email is shared —
 * a pair that scores below the threshold anyway (at most 12 + 25 + 20 = 57 only with both names
 * matching, which share the name key).
 */
export type MatchKeySource = Pick<Patient, 'givenName' | 'familyName' | 'dateOfBirth'> &
  Partial<Pick<Patient, 'phone' | 'email'>>;

export function patientMatchKeys(patient: MatchKeySource): string[] {
  const keys: string[] = [];
  const [year, month, day] = patient.dateOfBirth.split('-');
  if (year && month && day) keys.push(`dob:${year}-${[month, day].sort().join('-')}`);
  const family = soundex(patient.familyName);
  const given = soundex(patient.givenName);
  if (family && given) keys.push(`name:${family}-${given}`);
  if (patient.phone) keys.push(`phone:${patient.phone}`);
  if (patient.email) keys.push(`email:${patient.email.toLowerCase()}`);
  return keys;
}

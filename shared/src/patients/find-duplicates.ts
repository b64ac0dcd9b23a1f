import type { Patient } from './patient.schema.ts';
import { foldName } from './fold-name.ts';
import { editDistance, similarNames } from './name-similarity.ts';

export type DuplicateMatch = {
  patient: Patient;
  /** 0–100: how sure we are that this is the same person. */
  score: number;
  /** What matched, in staff words, strongest first. */
  reasons: string[];
};

/** What is known so far about the person being registered (any field may still be empty). */
export type DuplicateProbe = Partial<
  Pick<Patient, 'givenName' | 'familyName' | 'dateOfBirth' | 'sex' | 'phone' | 'email'>
>;

/** A match at or above this is shown as a likely existing chart. */
export const LIKELY_DUPLICATE_SCORE = 50;

/**
 * Scores how likely `candidate` is the person described by `probe`. Date of birth, phone and
 * email are strong evidence; names count when they match or sound alike, since the same person
 * is often registered as "Jon"/"John" or with a typo. A known, different sex or birth date
 * counts against (a parent and child often share a phone number and a last name).
 */
export function scoreDuplicate(probe: DuplicateProbe, candidate: Patient): DuplicateMatch {
  const reasons: [number, string][] = [];
  if (probe.dateOfBirth && probe.dateOfBirth === candidate.dateOfBirth)
    reasons.push([35, 'same date of birth']);
  else if (probe.dateOfBirth && nearDate(probe.dateOfBirth, candidate.dateOfBirth))
    reasons.push([12, 'date of birth one typo apart']);
  // A known, clearly different birth date: a relative sharing a phone and a last name.
  const otherBirth = !!probe.dateOfBirth && !reasons.some(([, r]) => r.includes('date of birth'));
  const family = similarNames(foldName(probe.familyName ?? ''), foldName(candidate.familyName));
  if (family === 'same') reasons.push([25, 'same last name']);
  else if (family === 'similar') reasons.push([15, 'similar last name']);
  const given = similarNames(foldName(probe.givenName ?? ''), foldName(candidate.givenName));
  if (given === 'same') reasons.push([20, 'same first name']);
  else if (given === 'similar') reasons.push([12, 'similar first name']);
  if (probe.phone && probe.phone === candidate.phone) reasons.push([30, 'same phone']);
  if (probe.email && candidate.email && probe.email.toLowerCase() === candidate.email.toLowerCase())
    reasons.push([30, 'same email']);
  let score = reasons.reduce((sum, [points]) => sum + points, 0);
  const knownSex = (sex?: string) => sex === 'female' || sex === 'male';
  if (knownSex(probe.sex) && knownSex(candidate.sex) && probe.sex !== candidate.sex) score -= 15;
  if (otherBirth) score -= 25;
  return {
    patient: candidate,
    score: Math.max(0, Math.min(100, score)),
    reasons: reasons.sort((a, b) => b[0] - a[0]).map(([, reason]) => reason),
  };
}

/** Existing charts that are likely the person being registered, best first. */
export function findLikelyDuplicates(
  probe: DuplicateProbe,
  patients: readonly Patient[],
  limit = 5,
): DuplicateMatch[] {
  // Nothing to go on until there is a date of birth, a contact, or a full name.
  const enough =
    !!probe.dateOfBirth ||
    !!probe.phone ||
    !!probe.email ||
    (!!probe.givenName && !!probe.familyName);
  if (!enough) return [];
  return patients
    .map((patient) => scoreDuplicate(probe, patient))
    .filter((match) => match.score >= LIKELY_DUPLICATE_SCORE)
    .sort((a, b) => b.score - a.score || a.patient.id.localeCompare(b.patient.id))
    .slice(0, limit);
}

/** Two ISO dates one keying slip apart: one digit wrong, or day and month swapped. */
function nearDate(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  if (editDistance(a, b, 1) <= 1) return true;
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  return ya === yb && ma === db && da === mb;
}

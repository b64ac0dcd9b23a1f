/**
 * Administrative sex (US Core): what payers and labs require, not gender identity. In a module
 * of its own (re-exported by patient-codes.ts) because the patient list shows its labels and
 * loads nothing else of the coded answers.
 */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};
